using Episodic.Core.Model;
using Episodic.Core.Naming;
using Episodic.Core.Parsing;
using Episodic.Llm;
using Episodic.Llm.Pipeline;
using Episodic.Llm.Providers;
using Xunit;

namespace Episodic.Tests.Pipeline;

/// <summary>Strategies, escalation, the fallback chain, batching, concurrency and ordering — nothing may be lost.</summary>
public sealed class EpisodePipelineTests
{
    private const string Clear = "Show.Name.S01E02.720p.WEB.mkv";
    private const string Unclear = "some show S2 - 07"; // the rules doubt whether "S2" is a season or part of the title

    private static PipelineOptions Options(Strategy strategy = Strategy.RulesFirst, int batch = 20, int concurrency = 4, bool batching = true) =>
        new() { Strategy = strategy, BatchSize = batch, Concurrency = concurrency, Batching = batching, Threshold = 0.7 };

    private static EpisodeParse Good(string name, double confidence = 0.95) =>
        new() { Input = name, ShowName = "Some Show", Episodes = [1], Confidence = confidence, Reasoning = "model" };

    private static ChainBackend Backend(ILlmService s, Func<bool>? open = null) => new(s.Name, s, open ?? (() => false));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Rules_first_answers_clear_names_without_a_model_and_escalates_the_rest()
    {
        Assert.True(RuleParser.Default.Parse(Clear).Confidence >= 0.7);
        Assert.True(RuleParser.Default.Parse(Unclear).Confidence < 0.7);
        var mock = new MockLlmService("a:m") { Default = n => Good(n) };
        var pipeline = new EpisodePipeline(Options(), RuleParser.Default, [Backend(mock)]);

        var results = await pipeline.ParseAsync([Clear, Unclear, Clear], Ct);

        Assert.Equal(["rules", "llm:a:m", "rules"], results.Select(r => r.Source.ToString()));
        Assert.Equal(1, mock.CallCount);
    }

    [Fact]
    public async Task Rules_only_never_calls_a_model_and_llm_only_always_does()
    {
        var mock = new MockLlmService("a:m") { Default = n => Good(n) };
        var rulesOnly = await new EpisodePipeline(Options(Strategy.RulesOnly), RuleParser.Default, [Backend(mock)]).ParseAsync([Unclear], Ct);
        Assert.Equal(AnswerSource.Rules, rulesOnly[0].Source);
        Assert.Equal(0, mock.CallCount);

        var llmOnly = await new EpisodePipeline(Options(Strategy.LlmOnly), RuleParser.Default, [Backend(mock)]).ParseAsync([Clear], Ct);
        Assert.Equal("llm:a:m", llmOnly[0].Source.ToString());
    }

    [Fact]
    public async Task Llm_first_falls_back_to_rules_below_the_threshold()
    {
        var mock = new MockLlmService("a:m") { Default = n => Good(n, 0.4) };
        var results = await new EpisodePipeline(Options(Strategy.LlmFirst), RuleParser.Default, [Backend(mock)]).ParseAsync([Clear], Ct);
        Assert.Equal(AnswerSource.Rules, results[0].Source);
        Assert.Contains("below the threshold", results[0].Reasoning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failing_backend_falls_through_to_the_next_and_an_open_circuit_is_skipped()
    {
        var failing = new MockLlmService("a:m") { FailWith = new LlmBackendException(BackendKind.Ollama, 500, null, "boom") };
        var skipped = new MockLlmService("b:m") { Default = n => Good(n) };
        var working = new MockLlmService("c:m") { Default = n => Good(n) };
        var pipeline = new EpisodePipeline(Options(), RuleParser.Default, [Backend(failing), Backend(skipped, () => true), Backend(working)]);

        var results = await pipeline.ParseAsync([Unclear], Ct);

        Assert.Equal("llm:c:m", results[0].Source.ToString());
        Assert.Equal(0, skipped.CallCount);
    }

    [Fact]
    public async Task When_every_backend_fails_every_name_still_gets_the_rules_answer_with_the_reason()
    {
        var failing = new MockLlmService("a:m") { FailWith = new LlmBackendException(BackendKind.OpenAI, 429, TimeSpan.FromSeconds(1), "rate limited") };
        var names = Enumerable.Range(1, 45).Select(i => $"some show S2 - {i:00}").ToList();
        var results = await new EpisodePipeline(Options(), RuleParser.Default, [Backend(failing)]).ParseAsync(names, Ct);

        Assert.Equal(names, results.Select(r => r.Input));
        Assert.All(results, r => Assert.Equal(AnswerSource.Rules, r.Source));
        Assert.All(results, r => Assert.Contains("a:m failed (HTTP 429 (rate limited))", r.Reasoning, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Escalated_names_share_requests_in_batches()
    {
        var mock = new MockLlmService("a:m") { Default = n => Good(n) };
        var names = Enumerable.Range(1, 45).Select(i => $"some show S2 - {i:00}").ToList();
        var results = await new EpisodePipeline(Options(batch: 20), RuleParser.Default, [Backend(mock)]).ParseAsync(names, Ct);

        Assert.Equal(3, mock.CallCount);
        Assert.Equal(names, results.Select(r => r.Input));
    }

    [Fact]
    public async Task Concurrency_per_backend_is_bounded_and_order_is_kept_under_random_delays()
    {
        var slow = new SlowService(maxDelayMs: 20);
        var names = Enumerable.Range(1, 60).Select(i => $"some show S2 - {i:00}").ToList();
        var results = await new EpisodePipeline(Options(batch: 1, concurrency: 3, batching: false), RuleParser.Default, [Backend(slow)]).ParseAsync(names, Ct);

        Assert.Equal(names, results.Select(r => r.Input));
        Assert.InRange(slow.MaxInFlight, 1, 3);
        Assert.Equal(60, slow.Calls);
    }

    [Fact]
    public async Task Fifty_concurrent_identical_requests_make_one_call()
    {
        var slow = new SlowService(maxDelayMs: 300, minDelayMs: 250);
        var dedup = new DedupingLlmService(slow);
        var tasks = Enumerable.Range(0, 50).Select(_ => dedup.ParseFilenameAsync(Unclear, cancellationToken: Ct));
        var results = await Task.WhenAll(tasks);

        Assert.Equal(1, slow.Calls);
        Assert.All(results, r => Assert.Equal(Unclear, r.Input));
    }

    /// <summary>A service with random latency that records how many calls overlap.</summary>
    private sealed class SlowService(int maxDelayMs, int minDelayMs = 1) : ILlmService
    {
        private int _inFlight;
        private int _calls;
        private int _max;

        public string Name => "slow:m";

        public int Calls => _calls;

        public int MaxInFlight => _max;

        public async Task<EpisodeParse> ParseFilenameAsync(string filename, int maxTokens = 150, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _calls);
            var now = Interlocked.Increment(ref _inFlight);
            InterlockedMax(ref _max, now);
            await Task.Delay(Random.Shared.Next(minDelayMs, maxDelayMs), cancellationToken);
            Interlocked.Decrement(ref _inFlight);
            return Good(filename) with { Source = AnswerSource.FromLabel("slow:m") };
        }

        public async Task<IReadOnlyList<EpisodeParse>> ParseFilenamesAsync(IReadOnlyList<string> filenames, int maxTokens = 150, CancellationToken cancellationToken = default) =>
            await Task.WhenAll(filenames.Select(f => ParseFilenameAsync(f, maxTokens, cancellationToken)));

        public Task<ShowSuggestion> SuggestShowNameAsync(string showName, IReadOnlyList<ShowCandidate> candidates, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<string> SuggestShortNameAsync(string longName, int maxLength, ShortNameKind kind, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        private static void InterlockedMax(ref int target, int value)
        {
            int current;
            while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
            {
            }
        }
    }
}
