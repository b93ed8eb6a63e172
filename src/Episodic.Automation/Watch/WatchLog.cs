using Microsoft.Extensions.Logging;

namespace Episodic.Automation.Watch;

/// <summary>The watcher's log: one line per file routed, held or skipped, so a service's journal tells what happened to each download.</summary>
public static partial class WatchLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "watching {Folders} (settle {Settle}, rescan {Rescan})")]
    public static partial void Started(ILogger logger, IEnumerable<string> folders, string settle, string rescan);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "{Operation} '{Source}' -> '{Destination}'")]
    public static partial void Routed(ILogger logger, string operation, string source, string destination);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "held for review '{Source}': {Reason} (left in place; episodic review)")]
    public static partial void Held(ILogger logger, string source, string reason);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "skipped '{Source}': {Reason} (left in place)")]
    public static partial void Skipped(ILogger logger, string source, string reason);

    [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "still open for writing, waiting: '{Path}'")]
    public static partial void StillOpen(ILogger logger, string path);

    [LoggerMessage(EventId = 6, Level = LogLevel.Warning, Message = "could not route now, will retry: {Reason}")]
    public static partial void Retry(ILogger logger, string reason);

    [LoggerMessage(EventId = 7, Level = LogLevel.Information, Message = "stopping: {Reason}")]
    public static partial void Stopping(ILogger logger, string reason);

    [LoggerMessage(EventId = 8, Level = LogLevel.Information, Message = "journal: {Journal}")]
    public static partial void Journal(ILogger logger, string journal);

    [LoggerMessage(EventId = 10, Level = LogLevel.Information, Message = "resumed the interrupted run recorded in {Journal}")]
    public static partial void Resumed(ILogger logger, string journal);

    [LoggerMessage(EventId = 9, Level = LogLevel.Warning, Message = "file-system events lost ({Reason}); rescanning")]
    public static partial void EventsLost(ILogger logger, string reason);
}
