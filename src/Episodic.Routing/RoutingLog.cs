using Microsoft.Extensions.Logging;

namespace Episodic.Routing;

/// <summary>
/// What planning has to say on the side (unreadable folders, a model that could not help), as source-generated
/// <see cref="LoggerMessage"/> entries: the CLI writes them to stderr as one line each, the server to its log.
/// Never an error: planning goes on without the folder or the model.
/// </summary>
internal static partial class RoutingLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "no such file or folder: '{Root}'")]
    public static partial void MissingRoot(ILogger logger, string root);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "cannot read folder '{Folder}': {Reason}")]
    public static partial void UnreadableFolder(ILogger logger, string folder, string reason);

    /// <summary>A problem the folder walk reports in its own words.</summary>
    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "{Problem}")]
    public static partial void ScanProblem(ILogger logger, string problem);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "{Advisor} could not match '{Show}' to a library folder ({Reason}); a new folder is planned")]
    public static partial void NoFolderMatch(ILogger logger, string advisor, string show, string reason);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "{Advisor} could not shorten '{Name}' ({Reason}); shortened deterministically")]
    public static partial void NoShortName(ILogger logger, string advisor, string name, string reason);
}
