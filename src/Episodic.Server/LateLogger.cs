using Microsoft.Extensions.Logging;

namespace Episodic.Server;

/// <summary>
/// The pipeline is composed before the web host (its configuration problems must surface first), so its logger
/// cannot come from the host's <see cref="ILoggerFactory"/> yet: this one forwards to a logger set once the host is
/// built. Entries before that (none unless the parse cache had to be rebuilt at start) are dropped.
/// </summary>
internal sealed class LateLogger : ILogger
{
    private volatile ILogger? _target;

    /// <summary>Where entries go from now on.</summary>
    public void Attach(ILogger target) => _target = target;

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => _target?.BeginScope(state);

    public bool IsEnabled(LogLevel logLevel) => _target?.IsEnabled(logLevel) ?? false;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        _target?.Log(logLevel, eventId, state, exception, formatter);
}
