using System.Globalization;
using Episodic.Llm.Metrics;

namespace Episodic.Cli.Output;

/// <summary>
/// Renders a run's statistics (<c>parse --stats</c>) as a compact two-column table for stderr. Plain text, so it
/// reads the same in a terminal, a redirected log and a test; lines with nothing to say are left out.
/// </summary>
internal static class StatsWriter
{
    private const int LabelWidth = 10;

    public static void Write(TextWriter output, RunStatistics statistics)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(statistics);
        Write(output, statistics.Snapshot());
    }

    public static void Write(TextWriter output, RunSummary s)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(s);
        output.WriteLine($"episodic: run statistics ({Format(s.Elapsed.TotalSeconds, "0.0")} s)");
        Line(output, "names", $"{N(s.Names)}{Breakdown(s.NamesByTier)}");
        if (s.Requests > 0 || s.Retries > 0)
        {
            Line(output, "requests", $"{N(s.Requests)}{Breakdown(s.RequestsByOutcome)}, retries {N(s.Retries)}");
        }

        if (s.BreakerTransitions.Count > 0)
        {
            Line(output, "breaker", string.Join(", ", s.BreakerTransitions.OrderBy(b => b.Key, StringComparer.Ordinal).Select(b => $"{b.Key} {N(b.Value)}")));
        }

        if (s.CacheHitRatio is { } ratio)
        {
            Line(output, "cache", $"hits {N(s.CacheHits)}, misses {N(s.CacheMisses)} ({Format(ratio * 100, "0")}% hit)");
        }

        if (s.InputTokens + s.OutputTokens > 0 || s.CostUsd > 0)
        {
            Line(output, "tokens", $"in {N(s.InputTokens)}, out {N(s.OutputTokens)}");
            // Four decimals: a run of a few names costs fractions of a cent.
            Line(output, "cost", $"${Format(s.CostUsd, "0.0000")} (estimate from the price table)");
        }

        if (s.LatencyP50Ms is { } p50 && s.LatencyP95Ms is { } p95)
        {
            Line(output, "latency", $"p50 {Format(p50, "0")} ms, p95 {Format(p95, "0")} ms ({N(s.LatenciesMs.Count)} samples)");
        }

        if (s.Fallbacks > 0)
        {
            Line(output, "fallbacks", N(s.Fallbacks));
        }
    }

    private static void Line(TextWriter output, string label, string value) =>
        output.WriteLine($"  {label,-LabelWidth}{value}");

    /// <summary>" (rules 90, cache 10)", largest first; empty when nothing was counted.</summary>
    private static string Breakdown(IReadOnlyDictionary<string, long> counts) => counts.Count == 0
        ? ""
        : " (" + string.Join(", ", counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key} {N(c.Value)}")) + ")";

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Format(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
