using System.Diagnostics;
using System.Globalization;

namespace Episodic.Cli.Output;

/// <summary>
/// One status line on stderr for the slow (model) paths, redrawn in place and cleared before anything else is written,
/// so it never mixes with results when stdout and stderr share a terminal. Does nothing when stderr is not a terminal.
/// Redraws are throttled to a few per second.
/// </summary>
internal sealed class TerminalStatus(TextWriter stderr, bool enabled) : IDisposable
{
    private const string ClearLine = "\r\u001b[2K";
    private static readonly TimeSpan Every = TimeSpan.FromMilliseconds(100);
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Lock _gate = new();
    private TimeSpan _last = TimeSpan.MinValue;
    private bool _shown;

    /// <summary>Shows <paramref name="text"/> (with the elapsed time) unless the last redraw was moments ago; <paramref name="force"/> redraws now.</summary>
    public void Show(string text, bool force = false)
    {
        if (!enabled)
        {
            return;
        }

        lock (_gate)
        {
            var now = _clock.Elapsed;
            if (!force && now - _last < Every)
            {
                return;
            }

            _last = now;
            stderr.Write(string.Create(CultureInfo.InvariantCulture, $"{ClearLine}{text} · {now.TotalSeconds:0}s"));
            stderr.Flush();
            _shown = true;
        }
    }

    /// <summary>Removes the line, before a result or a message is written.</summary>
    public void Clear()
    {
        if (!enabled)
        {
            return;
        }

        lock (_gate)
        {
            if (_shown)
            {
                stderr.Write(ClearLine);
                stderr.Flush();
                _shown = false;
            }
        }
    }

    public void Dispose() => Clear();
}
