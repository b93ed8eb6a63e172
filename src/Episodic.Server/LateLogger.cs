using Microsoft.Extensions.Logging;

namespace Episodic.Server;

/// <summary>
/// The pipeline is composed before the web host (its configuration problems must surface first), so its logger
/// cannot come from the host's <see cref="ILoggerFactory"/> yet: this one holds what is logged until the host is
/// built (a chain member that is not usable, a parse cache that was rebuilt), then replays it there and forwards
/// everything after.
/// </summary>
internal sealed class LateLogger : ILogger
{
    private readonly Lock _gate = new();
    private readonly List<Action<ILogger>> _held = [];
    private ILogger? _target;

    /// <summary>Replays what was held into <paramref name="target"/> and forwards to it from now on.</summary>
    public void Attach(ILogger target)
    {
        lock (_gate)
        {
            foreach (var replay in _held)
            {
                replay(target);
            }

            _held.Clear();
            _target = target;
        }
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel)
    {
        lock (_gate)
        {
            return _target?.IsEnabled(logLevel) ?? logLevel != LogLevel.None;
        }
    }

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (_gate)
        {
            if (_target is null)
            {
                _held.Add(t => t.Log(logLevel, eventId, state, exception, formatter));
                return;
            }
        }

        _target.Log(logLevel, eventId, state, exception, formatter);
    }
}
