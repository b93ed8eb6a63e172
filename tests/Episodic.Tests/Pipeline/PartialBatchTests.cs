using Episodic.Core.Model;
using Episodic.Llm.Configuration;
using Episodic.Llm.Pipeline;
using Episodic.Tests.Fakes;
using Episodic.Tests.Llm;
using Xunit;

namespace Episodic.Tests.Pipeline;

/// <summary>
/// Issue 17 item 12: when some requests of a batch fail (a re-ask or a split half gets a 500), the answers that did
/// come back and passed validation are kept; only the names whose request failed fall back to the rules, and the
/// failure is still counted for the end-of-run summary. Real OpenAI wire bodies from the in-process fake.
/// </summary>
public sealed class PartialBatchTests : IDisposable
{
    private static readonly (string Name, string Show, int Episode)[] Items =
    [
        ("[SubsPlease] Dandadan - 18 (1080p) [9226CA61].mkv", "Dandadan", 18),
        ("[SubsPlease] Wind Breaker - 17 (1080p) [B8258C7A].mkv", "Wind Breaker", 17),
        ("[SubsPlease] Summer Pockets - 18 (1080p) [D20561C5].mkv", "Summer Pockets", 18),
        ("[SubsPlease] Bad Girl - 05 (1080p) [A0DD1E71].mkv", "Bad Girl", 5),
    ];

    private readonly FakeOpenAiServer _openai = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string[] Names => [.. Items.Select(i => i.Name)];

    /// <summary>A batch answer for items <paramref name="indexes"/> (numbered from 0 within the request); <paramref name="wrong"/> gets a number the name does not hold.</summary>
    private static string BatchAnswer(int[] indexes, int? wrong = null) =>
        ModelAnswers.Batch([.. indexes.Select((item, position) => (object)ModelAnswers.Absolute(Items[item].Show, item == wrong ? 99 : Items[item].Episode, position, confidence: 0.93))]);

    private PipelineHost Host()
    {
        var ini = $"""
            [llm]
            service = openai
            chain = openai
            strategy = llm-only
            batch_size = 20
            concurrency = 1
            [features]
            cache = off
            [resilience]
            max_retries = 0
            attempt_timeout = 5
            total_timeout = 20
            breaker_minimum_throughput = 100
            [openai]
            api_key = sk-test-partial-0123456789
            base_url = {_openai.BaseUri}
            model = test-model
            """;
        return PipelineHost.Create(LlmConfiguration.BuildFromText(ini, new Dictionary<string, string?>()), new PipelineOverrides());
    }

    [Fact]
    public async Task A_failed_re_ask_costs_only_its_own_name()
    {
        // The batch answers all four, one with a number the name does not hold; its re-ask alone gets a 500.
        _openai.Enqueue(FakeReply.Text(BatchAnswer([0, 1, 2, 3], wrong: 1)));
        _openai.DefaultReply = FakeReply.Error(500, "internal");
        using var host = Host();

        var results = await host.Pipeline.ParseAsync(Names, Ct);

        Assert.Equal(2, _openai.ChatRequests.Count);
        Assert.Equal(Names, results.Select(r => r.Input));
        Assert.Equal(["llm:openai:test-model", "rules", "llm:openai:test-model", "llm:openai:test-model"], results.Select(r => r.Source.ToString()));
        Assert.Equal(AnswerSource.Rules, results[1].Source);
        Assert.Equal(AnswerSource.Rules, results[1].Source);
        Assert.Contains("failed (HTTP 500)", results[1].Reasoning, StringComparison.Ordinal);
        Assert.Equal([18, 17, 18, 5], results.Select(r => r.Episode!.Value));
        Assert.Equal(1, host.Pipeline.Failures.Failed);
        Assert.Equal(1, host.Pipeline.Failures.RulesAnswered);
    }

    [Fact]
    public async Task When_one_half_of_a_split_batch_fails_the_other_half_keeps_its_answers()
    {
        // The batch answer is unreadable, so it is split: the first half is answered, the second half's request fails.
        _openai.Enqueue(FakeReply.Text("not json at all"), FakeReply.Text(BatchAnswer([0, 1])));
        _openai.DefaultReply = FakeReply.Error(500, "internal");
        using var host = Host();

        var results = await host.Pipeline.ParseAsync(Names, Ct);

        Assert.Equal(3, _openai.ChatRequests.Count);
        Assert.Equal(["llm:openai:test-model", "llm:openai:test-model", "rules", "rules"], results.Select(r => r.Source.ToString()));
        Assert.All(results.Skip(2), r => Assert.Contains("failed (HTTP 500)", r.Reasoning, StringComparison.Ordinal));
        Assert.Single(host.Pipeline.Failures.Summary());
    }

    public void Dispose() => _openai.Dispose();
}
