using Episodic.Llm.Resilience;

namespace Episodic.Tests.Resilience;

/// <summary>Resilience settings that keep tests fast: tiny backoff, a breaker that needs many calls unless a test says otherwise.</summary>
internal static class TestOptions
{
    public static ResilienceOptions Fast(int maxRetries = 2) => new()
    {
        MaxRetries = maxRetries,
        BaseDelay = TimeSpan.FromMilliseconds(10),
        MaxDelay = TimeSpan.FromSeconds(2),
        AttemptTimeout = TimeSpan.FromSeconds(5),
        TotalTimeout = TimeSpan.FromSeconds(30),
        BreakerFailureRatio = 1,
        BreakerMinimumThroughput = 1000,
        BreakerSampling = TimeSpan.FromSeconds(30),
        BreakerBreak = TimeSpan.FromSeconds(0.5),
    };
}
