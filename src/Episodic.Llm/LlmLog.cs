using Microsoft.Extensions.Logging;

namespace Episodic.Llm;

/// <summary>
/// What the LLM pipeline and its parse cache have to say on the side (a backend that failed or was skipped, a cache
/// that had to be rebuilt), as source-generated <see cref="LoggerMessage"/> entries: the CLI writes them to stderr as
/// one line each, the server to its log. Never an error: the run goes on with the next backend or without the cache.
/// Reasons are exception messages of the backends and SQLite, which never carry keys.
/// </summary>
internal static partial class LlmLog
{
    /// <summary>A configuration remark that does not stop the run (a chain member that is not usable), in its own words.</summary>
    [LoggerMessage(EventId = 100, Level = LogLevel.Warning, Message = "{Warning}")]
    public static partial void ConfigurationWarning(ILogger logger, string warning);

    /// <summary>A chain member skipped because its circuit is open; <paramref name="next"/> is "; trying X" or empty.</summary>
    [LoggerMessage(EventId = 101, Level = LogLevel.Warning, Message = "{Backend} skipped (circuit open){Next}")]
    public static partial void BackendSkipped(ILogger logger, string backend, string next);

    /// <summary>A chain member failed and the next one is asked.</summary>
    [LoggerMessage(EventId = 102, Level = LogLevel.Warning, Message = "{Backend} failed ({Reason}){Next}")]
    public static partial void BackendFailed(ILogger logger, string backend, string reason, string next);

    [LoggerMessage(EventId = 103, Level = LogLevel.Warning, Message = "{Backend}: circuit open after repeated failures; skipping it for now")]
    public static partial void CircuitOpened(ILogger logger, string backend);

    [LoggerMessage(EventId = 111, Level = LogLevel.Warning, Message = "The parse cache {Path} was unreadable ({Reason}); moved it to {MovedTo} and started an empty cache.")]
    public static partial void CacheRebuilt(ILogger logger, string path, string reason, string movedTo);

    [LoggerMessage(EventId = 112, Level = LogLevel.Warning, Message = "The parse cache {Path} cannot be opened ({Reason}); caching in memory for this run only.")]
    public static partial void CacheCannotOpen(ILogger logger, string path, string reason);

    [LoggerMessage(EventId = 113, Level = LogLevel.Warning, Message = "The parse cache {Path} is unusable ({Reason}); caching in memory for this run only.")]
    public static partial void CacheUnusable(ILogger logger, string path, string reason);

    [LoggerMessage(EventId = 114, Level = LogLevel.Warning, Message = "The parse cache {Path} failed ({Reason}); continuing without it where needed.")]
    public static partial void CacheFailed(ILogger logger, string path, string reason);
}
