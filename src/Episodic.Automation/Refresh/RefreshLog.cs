using Microsoft.Extensions.Logging;

namespace Episodic.Automation.Refresh;

/// <summary>
/// What a refresh has to say, as source-generated <see cref="LoggerMessage"/> entries: the CLI turns a warning into one
/// stderr line, the server and hooks into a log line. The endpoint is always shown through SafeUrl, never the credential.
/// </summary>
internal static partial class RefreshLog
{
    [LoggerMessage(EventId = 401, Level = LogLevel.Warning, Message = "{Server} refresh failed at {Endpoint}: {Problem}; the files are filed, rescan the library in {Server} by hand")]
    public static partial void Failed(ILogger logger, string server, string endpoint, string problem);

    [LoggerMessage(EventId = 402, Level = LogLevel.Information, Message = "asked {Server} to rescan {Path}")]
    public static partial void Asked(ILogger logger, string server, string path);
}
