using System.Net;
using System.Net.Sockets;
using Episodic.Core.Model;
using Episodic.Llm.Configuration;
using Episodic.Llm.Metrics;
using Episodic.Llm.Pipeline;
using Episodic.Tests.Fakes;
using Episodic.Tests.Llm;
using Microsoft.Data.Sqlite;
using Xunit;

namespace Episodic.Tests.Pipeline;

/// <summary>
/// The composed pipeline (PipelineHost: dedup → cache → validation → resilience → rate limit → metrics → SDK) against
/// fake providers that misbehave. Whatever happens, every input gets a result, retries stay within bounds, and the
/// metrics count what happened.
/// </summary>
public sealed class PipelineFaultTests : IDisposable
{
    private static readonly string[] Names =
    [
        "[SubsPlease] Dandadan - 18 (1080p) [9226CA61].mkv",
        "[SubsPlease] Wind Breaker - 17 (1080p) [B8258C7A].mkv",
        "[SubsPlease] Bad Girl - 05 (1080p) [A0DD1E71].mkv",
    ];

    private static readonly (string Show, int Episode)[] Truth = [("Dandadan", 18), ("Wind Breaker", 17), ("Bad Girl", 5)];

    private readonly DirectoryInfo _cacheDir = Directory.CreateTempSubdirectory("episodic-pipeline-");
    private readonly FakeOpenAiServer _openai = new();
    private readonly FakeAnthropicServer _anthropic = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string BatchAnswer(params int[] indexes) =>
        ModelAnswers.Batch([.. indexes.Select(i => (object)ModelAnswers.Absolute(Truth[i].Show, Truth[i].Episode, i, confidence: 0.93))]);

    private PipelineHost Host(string openAiBase, string extra = "", bool cache = false, EpisodicMetrics? metrics = null)
    {
        var ini = $"""
            [llm]
            service = openai
            chain = openai, anthropic
            strategy = llm-only
            batch_size = 5
            concurrency = 2
            [features]
            cache = {(cache ? "on" : "off")}
            [resilience]
            max_retries = 2
            base_delay = 0.02
            max_delay = 3
            attempt_timeout = 2
            total_timeout = 20
            breaker_minimum_throughput = 2
            breaker_failure_ratio = 0.5
            breaker_break = 60
            [openai]
            api_key = sk-test-pipeline-0123456789
            base_url = {openAiBase}
            model = test-model
            [anthropic]
            api_key = sk-ant-test-0123456789
            base_url = {_anthropic.RootUri}
            model = test-model
            [cache]
            dir = {_cacheDir.FullName}
            {extra}
            """;
        var configuration = LlmConfiguration.BuildFromText(ini, new Dictionary<string, string?>());
        return PipelineHost.Create(configuration, new PipelineOverrides(), metrics: metrics);
    }

    private static void AllAnswered(IReadOnlyList<Core.Model.EpisodeParse> results)
    {
        Assert.Equal(Names, results.Select(r => r.Input));
        Assert.Equal(Truth.Select(t => t.Episode), results.Select(r => r.Episode!.Value));
    }

    [Fact]
    public async Task A_429_storm_is_retried_with_retry_after_then_falls_through_to_the_next_backend()
    {
        _openai.DefaultReply = FakeReply.Error(429, "rate limited", "1");
        _anthropic.Enqueue(FakeReply.Text(BatchAnswer(0, 1, 2)));
        using var metrics = new EpisodicMetrics();
        using var stats = RunStatistics.Start(metrics);
        using var host = Host(_openai.BaseUri.ToString(), "[resilience]\nbreaker_minimum_throughput = 10", metrics: metrics);

        var started = DateTime.UtcNow;
        var results = await host.Pipeline.ParseAsync(Names, Ct);

        AllAnswered(results);
        Assert.All(results, r => Assert.Equal("llm:anthropic:test-model", r.Source.ToString()));
        Assert.Equal(3, _openai.ChatRequests.Count); // 1 + max_retries
        Assert.True(DateTime.UtcNow - started >= TimeSpan.FromSeconds(2), "Retry-After: 1 was not honoured");
        var summary = stats.Snapshot();
        Assert.Equal(2, summary.Retries);
        Assert.Equal(4, summary.Requests);
    }

    [Fact]
    public async Task When_every_backend_fails_every_name_gets_the_rules_answer()
    {
        _openai.DefaultReply = FakeReply.Error(500, "internal");
        _anthropic.DefaultReply = FakeReply.Error(500, "overloaded");
        using var host = Host(_openai.BaseUri.ToString());

        var results = await host.Pipeline.ParseAsync(Names, Ct);

        AllAnswered(results);
        Assert.All(results, r => Assert.Equal(AnswerSource.Rules, r.Source));
        Assert.All(results, r => Assert.Contains("failed", r.Reasoning, StringComparison.Ordinal));
        Assert.InRange(_openai.ChatRequests.Count, 1, 3);
        Assert.InRange(_anthropic.ChatRequests.Count, 1, 3);
    }

    [Fact]
    public async Task A_hang_past_the_attempt_timeout_is_retried()
    {
        _openai.Enqueue(FakeReply.Delayed(TimeSpan.FromSeconds(6), BatchAnswer(0, 1, 2)), FakeReply.Text(BatchAnswer(0, 1, 2)));
        using var host = Host(_openai.BaseUri.ToString());

        var results = await host.Pipeline.ParseAsync(Names, Ct);

        AllAnswered(results);
        Assert.All(results, r => Assert.Equal("llm:openai:test-model", r.Source.ToString()));
        Assert.Equal(2, _openai.ChatRequests.Count);
    }

    [Fact]
    public async Task Connection_refused_falls_through_and_an_open_circuit_is_then_skipped()
    {
        _anthropic.DefaultReply = FakeReply.Text(BatchAnswer(0, 1, 2));
        using var host = Host(ClosedPort());

        var first = await host.Pipeline.ParseAsync(Names, Ct);
        AllAnswered(first);
        Assert.All(first, r => Assert.Equal("llm:anthropic:test-model", r.Source.ToString()));

        // Three failed attempts opened openai's circuit; the next run goes straight to anthropic.
        Assert.True(host.Chain[0].IsOpen());
        var second = await host.Pipeline.ParseAsync(Names, Ct);
        AllAnswered(second);
        Assert.Contains(second, r => r.Source.ToString() == "llm:anthropic:test-model");
    }

    [Fact]
    public async Task Malformed_answers_and_hallucinated_numbers_still_give_every_name_a_result()
    {
        var hallucinated = BatchAnswer(0, 1, 2).Replace("[18]", "[19]", StringComparison.Ordinal);
        _openai.Enqueue(FakeReply.Malformed(), FakeReply.Text(hallucinated));
        _openai.DefaultReply = FakeReply.Text("not json at all");
        using var host = Host(_openai.BaseUri.ToString(), "[llm]\nchain = openai");

        var results = await host.Pipeline.ParseAsync(Names, Ct);

        AllAnswered(results);
        Assert.Equal(AnswerSource.Rules, results[0].Source);
    }

    [Fact]
    public async Task A_warm_rerun_makes_no_provider_calls_even_after_a_restart()
    {
        _openai.Enqueue(FakeReply.Text(BatchAnswer(0, 1, 2)));
        using (var cold = Host(_openai.BaseUri.ToString(), cache: true))
        {
            AllAnswered(await cold.Pipeline.ParseAsync(Names, Ct));
        }

        Assert.Single(_openai.ChatRequests);
        using var warm = Host(_openai.BaseUri.ToString(), cache: true);
        var results = await warm.Pipeline.ParseAsync(Names, Ct);

        AllAnswered(results);
        Assert.All(results, r => Assert.Equal("llm:openai:test-model", r.Source.ToString()));
        Assert.Single(_openai.ChatRequests);
    }

    public void Dispose()
    {
        _openai.Dispose();
        _anthropic.Dispose();
        SqliteConnection.ClearAllPools();
        _cacheDir.Delete(recursive: true);
    }

    private static string ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return $"http://127.0.0.1:{port}/v1";
    }
}
