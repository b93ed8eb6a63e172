using System.Globalization;
using Microsoft.Extensions.Logging;

namespace Episodic.Automation.Watch;

/// <summary>
/// Information and above as one timestamped line each, for a long-running command whose stderr is a service log
/// (systemd's journal, a redirected file): the CLI's usual logger shows warnings only.
/// </summary>
public sealed class LineLogger(Action<string> write, TimeProvider? time = null) : ILogger
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information && logLevel != LogLevel.None;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        if (IsEnabled(logLevel))
        {
            var level = logLevel >= LogLevel.Warning ? "warning: " : "";
            write($"{_time.GetUtcNow().ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture)} {level}{formatter(state, exception)}");
        }
    }
}
