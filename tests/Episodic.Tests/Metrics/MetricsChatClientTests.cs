using Episodic.Llm.Metrics;
using Episodic.Llm.Providers;
using Episodic.Tests.Fakes;
using Microsoft.Extensions.AI;
using Xunit;

namespace Episodic.Tests.Metrics;

public sealed class MetricsChatClientTests : IDisposable
{
    private readonly EpisodicMetrics metrics = new();
    private readonly RunStatistics stats;
    private readonly ScriptedChatClient inner = new();

    public MetricsChatClientTests()
    {
        stats = RunStatistics.Start(metrics);
    }

    public void Dispose()
    {
        stats.Dispose();
        metrics.Dispose();
        inner.Dispose();
    }

    [Fact]
    public async Task Counts_requests_tokens_and_cost_per_backend_and_model()
    {
        using var recorder = new MeasurementRecorder(metrics);
        inner.Enqueue("{}", inputTokens: 1_000_000, outputTokens: 100_000);
        inner.Enqueue("{}", inputTokens: 200, outputTokens: 50);
        using var client = new MetricsChatClient(inner, metrics, BackendKind.OpenAI, "gpt-4o-mini");

        await client.GetResponseAsync("a", cancellationToken: TestContext.Current.CancellationToken);
        await client.GetResponseAsync("b", cancellationToken: TestContext.Current.CancellationToken);

        var s = stats.Snapshot();
        Assert.Equal(2, s.Requests);
        Assert.Equal(2, s.RequestsByOutcome[RequestOutcome.Ok]);
        Assert.Equal(1_000_200, s.InputTokens);
        Assert.Equal(100_050, s.OutputTokens);
        Assert.Equal(PriceTable.Default.Cost("gpt-4o-mini", 1_000_200, 100_050), s.CostUsd, 9);
        Assert.Equal(2, s.LatenciesMs.Count);
        var request = recorder.Tags(EpisodicMetrics.RequestsInstrument).First();
        Assert.Equal("openai", request["backend"]);
        Assert.Equal("gpt-4o-mini", request["model"]);
        Assert.Equal("ok", request["outcome"]);
    }

    [Fact]
    public async Task Ollama_tokens_are_counted_but_free()
    {
        inner.Enqueue("{}", inputTokens: 500, outputTokens: 20);
        using var client = new MetricsChatClient(inner, metrics, BackendKind.Ollama, "gpt-4o-mini");

        await client.GetResponseAsync("a", cancellationToken: TestContext.Current.CancellationToken);

        var s = stats.Snapshot();
        Assert.Equal(500, s.InputTokens);
        Assert.Equal(0, s.CostUsd);
    }

    [Fact]
    public async Task Failures_are_counted_by_outcome_and_rethrown_unchanged()
    {
        var http429 = new LlmBackendException(BackendKind.OpenAI, 429, null, "rate limited");
        var timeout = new LlmBackendException(BackendKind.OpenAI, null, null, "OpenAI request failed: timed out after 1 s", new TimeoutException());
        var refused = new LlmBackendException(BackendKind.OpenAI, null, null, "OpenAI request failed: HttpRequestException: refused");
        inner.EnqueueException(http429);
        inner.EnqueueException(timeout);
        inner.EnqueueException(refused);
        using var client = new MetricsChatClient(inner, metrics, BackendKind.OpenAI, "gpt-4o-mini");

        foreach (var expected in new[] { http429, timeout, refused })
        {
            var thrown = await Assert.ThrowsAsync<LlmBackendException>(() => client.GetResponseAsync("a", cancellationToken: TestContext.Current.CancellationToken));
            Assert.Same(expected, thrown);
        }

        var s = stats.Snapshot();
        Assert.Equal(3, s.Requests);
        Assert.Equal(1, s.RequestsByOutcome["http_429"]);
        Assert.Equal(1, s.RequestsByOutcome[RequestOutcome.Timeout]);
        Assert.Equal(1, s.RequestsByOutcome[RequestOutcome.Error]);
        Assert.Equal(3, s.FailedRequests);
        Assert.Equal(0, s.InputTokens);
    }

    [Fact]
    public async Task Caller_cancellation_is_not_a_backend_failure()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        using var client = new MetricsChatClient(inner, metrics, BackendKind.OpenAI, "gpt-4o-mini");

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetResponseAsync("a", cancellationToken: cts.Token));

        Assert.Equal(1, stats.Snapshot().RequestsByOutcome[RequestOutcome.Cancelled]);
    }

    [Fact]
    public async Task Streaming_counts_one_request_and_its_usage()
    {
        inner.Enqueue("{\"a\":1}", inputTokens: 30, outputTokens: 9);
        using var client = new MetricsChatClient(inner, metrics, BackendKind.Anthropic, "claude-haiku-4-5");

        await foreach (var update in client.GetStreamingResponseAsync("a", cancellationToken: TestContext.Current.CancellationToken))
        {
            Assert.NotNull(update);
        }

        var s = stats.Snapshot();
        Assert.Equal(1, s.Requests);
        Assert.Equal(30, s.InputTokens);
        Assert.Equal(9, s.OutputTokens);
        Assert.True(s.CostUsd > 0);
    }
}
