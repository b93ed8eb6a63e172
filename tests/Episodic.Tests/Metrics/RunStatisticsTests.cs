using Episodic.Cli.Output;
using Episodic.Core.Model;
using Episodic.Llm.Metrics;
using Xunit;

namespace Episodic.Tests.Metrics;

public sealed class RunStatisticsTests
{
    [Fact]
    public void Aggregates_every_instrument()
    {
        using var metrics = new EpisodicMetrics();
        using var stats = RunStatistics.Start(metrics);

        metrics.NameAnswered(AnswerSource.Rules, 0.9);
        metrics.NameAnswered(AnswerSource.Rules, 0.8);
        metrics.NameAnswered(AnswerSource.Parse("llm:openai:gpt-4o-mini"), 0.95);
        metrics.NameAnswered(AnswerSource.Parse("llm:ollama:qwen2.5:7b"), 1);
        metrics.Request("openai", "gpt-4o-mini", "ok", 100);
        metrics.Request("openai", "gpt-4o-mini", "http_429", 40);
        metrics.Retry("openai", "http_429");
        metrics.BreakerChanged("openai", "open");
        metrics.BreakerChanged("openai", "half-open");
        metrics.CacheHit("memory");
        metrics.CacheMiss();
        metrics.CacheMiss();
        metrics.Tokens("openai", "gpt-4o-mini", 1200, 300, 0.0009);
        metrics.Fallback("low-confidence");

        var s = stats.Snapshot();
        Assert.Equal(4, s.Names);
        Assert.Equal(2, s.NamesByTier["rules"]);
        Assert.Equal(1, s.NamesByTier["llm:ollama:qwen2.5:7b"]);
        Assert.Equal(2, s.Requests);
        Assert.Equal(1, s.FailedRequests);
        Assert.Equal(1, s.Retries);
        Assert.Equal(1, s.BreakerTransitions["open"]);
        Assert.Equal(1, s.CacheHits);
        Assert.Equal(2, s.CacheMisses);
        Assert.Equal(1.0 / 3, s.CacheHitRatio!.Value, 9);
        Assert.Equal(1200, s.InputTokens);
        Assert.Equal(300, s.OutputTokens);
        Assert.Equal(0.0009, s.CostUsd, 12);
        Assert.Equal(1, s.Fallbacks);
        Assert.Equal([100d, 40d], s.LatenciesMs);
    }

    [Fact]
    public void Percentiles_use_nearest_rank()
    {
        var values = Enumerable.Range(1, 100).Select(i => (double)i).Reverse().ToList();

        Assert.Equal(50, RunStatistics.Percentile(values, 0.50));
        Assert.Equal(95, RunStatistics.Percentile(values, 0.95));
        Assert.Equal(100, RunStatistics.Percentile(values, 1));
        Assert.Equal(1, RunStatistics.Percentile(values, 0));
        Assert.Equal(7, RunStatistics.Percentile([7d], 0.95));
        Assert.Null(RunStatistics.Percentile([], 0.5));
    }

    [Fact]
    public void Latency_percentiles_come_from_the_recorded_requests()
    {
        using var metrics = new EpisodicMetrics();
        using var stats = RunStatistics.Start(metrics);
        foreach (var ms in new[] { 10d, 20, 30, 40, 50, 60, 70, 80, 90, 1000 })
        {
            metrics.Request("ollama", "llama3.2", "ok", ms);
        }

        var s = stats.Snapshot();
        Assert.Equal(50, s.LatencyP50Ms);
        Assert.Equal(1000, s.LatencyP95Ms);
    }

    [Fact]
    public void Listens_only_to_its_own_metrics_instance()
    {
        using var mine = new EpisodicMetrics();
        using var other = new EpisodicMetrics();
        using var stats = RunStatistics.Start(mine);

        other.NameAnswered(AnswerSource.Rules, 1);
        mine.CacheMiss();

        var s = stats.Snapshot();
        Assert.Equal(0, s.Names);
        Assert.Equal(1, s.CacheMisses);
    }

    [Fact]
    public async Task Is_thread_safe()
    {
        using var metrics = new EpisodicMetrics();
        using var stats = RunStatistics.Start(metrics);

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < 1000; i++)
            {
                metrics.NameAnswered(AnswerSource.Rules, 1);
                metrics.Request("openai", "m", "ok", i);
                metrics.Tokens("openai", "m", 2, 1, 0.5);
            }
        }, TestContext.Current.CancellationToken)));

        var s = stats.Snapshot();
        Assert.Equal(8000, s.Names);
        Assert.Equal(8000, s.Requests);
        Assert.Equal(8000, s.LatenciesMs.Count);
        Assert.Equal(16000, s.InputTokens);
        Assert.Equal(4000, s.CostUsd, 6);
    }

    [Fact]
    public void Stops_counting_when_disposed()
    {
        using var metrics = new EpisodicMetrics();
        var stats = RunStatistics.Start(metrics);
        metrics.CacheMiss();
        stats.Dispose();
        metrics.CacheMiss();

        Assert.Equal(1, stats.Snapshot().CacheMisses);
    }

    [Fact]
    public void StatsWriter_renders_a_compact_table()
    {
        using var metrics = new EpisodicMetrics();
        using var stats = RunStatistics.Start(metrics);
        metrics.NameAnswered(AnswerSource.Rules, 0.9);
        metrics.NameAnswered(AnswerSource.Parse("llm:openai:gpt-4o-mini"), 0.9);
        metrics.Request("openai", "gpt-4o-mini", "ok", 230);
        metrics.Tokens("openai", "gpt-4o-mini", 1234, 56, 0.0012);
        metrics.CacheHit("memory");
        metrics.CacheMiss();
        using var output = new StringWriter();

        StatsWriter.Write(output, stats);

        var text = output.ToString();
        Assert.Contains("names     2 (llm:openai:gpt-4o-mini 1, rules 1)", text, StringComparison.Ordinal);
        Assert.Contains("requests  1 (ok 1), retries 0", text, StringComparison.Ordinal);
        Assert.Contains("hits 1, misses 1 (50% hit)", text, StringComparison.Ordinal);
        Assert.Contains("in 1,234, out 56", text, StringComparison.Ordinal);
        Assert.Contains("$0.0012", text, StringComparison.Ordinal);
        Assert.Contains("p50 230 ms, p95 230 ms", text, StringComparison.Ordinal);
        Assert.DoesNotContain("fallbacks", text, StringComparison.Ordinal);
    }

    [Fact]
    public void StatsWriter_on_a_rules_only_run_shows_names_only()
    {
        using var metrics = new EpisodicMetrics();
        using var stats = RunStatistics.Start(metrics);
        metrics.NameAnswered(AnswerSource.Rules, 0.9);
        using var output = new StringWriter();

        StatsWriter.Write(output, stats);

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Contains("names     1 (rules 1)", lines[1], StringComparison.Ordinal);
    }
}
