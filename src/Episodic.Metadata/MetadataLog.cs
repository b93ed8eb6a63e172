using Microsoft.Extensions.Logging;

namespace Episodic.Metadata;

/// <summary>
/// What identification has to say on the side (a provider that refused the key or is down, a picker that could not
/// choose), as source-generated <see cref="LoggerMessage"/> entries: the CLI writes them to stderr as one line each,
/// the server to its log. Never an error: identification goes on without the provider or the picker. The provider's
/// message names the problem, never the key.
/// </summary>
internal static partial class MetadataLog
{
    [LoggerMessage(EventId = 201, Level = LogLevel.Warning, Message = "{Problem}; {Provider} is not asked again in this run")]
    public static partial void ProviderGivenUp(ILogger logger, string problem, string provider);

    [LoggerMessage(EventId = 202, Level = LogLevel.Warning, Message = "{Picker} could not choose between shows ({Reason}); the best-ranked candidate is taken with lowered confidence")]
    public static partial void PickerFailed(ILogger logger, string picker, string reason);
}
