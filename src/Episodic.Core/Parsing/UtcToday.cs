namespace Episodic.Core.Parsing;

/// <summary>
/// Today's UTC date for the rules (a date after it is not an air date), read from the wall clock at most once a second
/// and never across midnight: every name asked for it, and reading and converting the wall clock was about a per cent
/// of a parse. The cached day is good until the sooner of the next UTC midnight and one second on the monotonic clock
/// (so a wall clock set by hand is followed within a second). <see cref="Environment.TickCount64"/> is a coarse clock
/// (it may lag by a scheduler tick, a few milliseconds), so the cache stops <see cref="MidnightMargin"/> before
/// midnight and the last moments of a day read the wall clock on every call.
/// </summary>
internal static class UtcToday
{
    /// <summary>The day and the monotonic millisecond it stops being good, replaced together (a reference swap).</summary>
    private sealed record Cached(DateOnly Day, long GoodUntil);

    /// <summary>Milliseconds before midnight the cache stops: more than the coarse clock's lag.</summary>
    private const long MidnightMargin = 50;

    private static Cached s_cached = new(default, long.MinValue);

    public static DateOnly Get()
    {
        var cached = s_cached;
        var tick = Environment.TickCount64;
        if (tick < cached.GoodUntil)
        {
            return cached.Day;
        }

        var now = DateTime.UtcNow;
        var day = DateOnly.FromDateTime(now);
        var untilMidnight = (long)(now.Date.AddDays(1) - now).TotalMilliseconds;
        s_cached = new Cached(day, tick + Math.Min(1000, untilMidnight - MidnightMargin));
        return day;
    }
}
