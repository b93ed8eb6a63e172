using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;

namespace Episodic.Tests.Resilience;

/// <summary>
/// <see cref="FakeTimeProvider"/> that also records the due time of every timer created, so a test can wait until
/// the code under test has scheduled its delay before advancing the clock (advancing earlier would start the delay late).
/// </summary>
internal sealed class RecordingTimeProvider : FakeTimeProvider
{
    private readonly ConcurrentQueue<TimeSpan> _scheduled = new();

    /// <summary>Due times of the timers created so far, in creation order.</summary>
    public IReadOnlyList<TimeSpan> Scheduled => [.. _scheduled];

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        _scheduled.Enqueue(dueTime);
        return base.CreateTimer(callback, state, dueTime, period);
    }
}
