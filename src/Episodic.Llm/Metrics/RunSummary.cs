namespace Episodic.Llm.Metrics;

/// <summary>A consistent copy of a <see cref="RunStatistics"/> at one moment, for rendering and assertions.</summary>
public sealed record RunSummary
{
    public TimeSpan Elapsed { get; init; }

    /// <summary>Names answered, by tier ("rules", "llm:openai:gpt-4o-mini"...).</summary>
    public IReadOnlyDictionary<string, long> NamesByTier { get; init; } = new Dictionary<string, long>();

    public long Names => NamesByTier.Values.Sum();

    /// <summary>Provider requests by outcome ("ok", "timeout", "http_429"...).</summary>
    public IReadOnlyDictionary<string, long> RequestsByOutcome { get; init; } = new Dictionary<string, long>();

    public long Requests => RequestsByOutcome.Values.Sum();

    public long FailedRequests => RequestsByOutcome.Where(r => r.Key != RequestOutcome.Ok).Sum(r => r.Value);

    public long Retries { get; init; }

    /// <summary>Circuit breaker transitions by new state ("open", "half-open", "closed").</summary>
    public IReadOnlyDictionary<string, long> BreakerTransitions { get; init; } = new Dictionary<string, long>();

    public long CacheHits { get; init; }

    public long CacheMisses { get; init; }

    public long InputTokens { get; init; }

    public long OutputTokens { get; init; }

    public double CostUsd { get; init; }

    public long Fallbacks { get; init; }

    /// <summary>Model answers rejected by validation or grounding.</summary>
    public long Rejected { get; init; }

    /// <summary>Request latencies, in milliseconds, in the order recorded.</summary>
    public IReadOnlyList<double> LatenciesMs { get; init; } = [];

    public double? LatencyP50Ms => RunStatistics.Percentile(LatenciesMs, 0.50);

    public double? LatencyP95Ms => RunStatistics.Percentile(LatenciesMs, 0.95);

    /// <summary>Hits over lookups, or null before the first lookup.</summary>
    public double? CacheHitRatio => CacheHits + CacheMisses == 0 ? null : (double)CacheHits / (CacheHits + CacheMisses);
}
