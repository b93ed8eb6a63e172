using Microsoft.Extensions.Logging;

namespace Episodic.Cli;

/// <summary>
/// The CLI's sink for library diagnostics (<see cref="ILogger"/> with source-generated messages): each entry at
/// <see cref="LogLevel.Warning"/> or above becomes one stderr line in the CLI's own form (<c>episodic: ...</c>,
/// control characters escaped), exactly as the command would have written it itself. Below that nothing is shown.
/// </summary>
internal sealed class CliLogger(Action<string> write) : ILogger
{
    /// <summary>Writes through <see cref="CliContext.Error"/>.</summary>
    public CliLogger(CliContext context)
        : this(context.Error)
    {
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning && logLevel != LogLevel.None;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        if (IsEnabled(logLevel))
        {
            write(formatter(state, exception));
        }
    }
}
