using Episodic.Core.Model;
using Episodic.Core.Naming;
using Episodic.Llm;
using Episodic.Llm.Caching;
using Xunit;

namespace Episodic.Tests.Caching;

public sealed class CachingLlmServiceTests : IDisposable
{
    private readonly TempCacheDir _dir = new();
    private readonly MockLlmService _mock = new();
    private readonly RecordingLlmService _inner;

    public CachingLlmServiceTests()
    {
        _mock.Answer("Show.S01E01.mkv", new EpisodeParse { Input = "", ShowName = "Show", Season = 1, Episodes = [1], Confidence = 0.9 });
        _mock.Answer("Show.S01E02.mkv", new EpisodeParse { Input = "", ShowName = "Show", Season = 1, Episodes = [2], Confidence = 0.9 });
        _mock.Answer("Show.S01E03.mkv", new EpisodeParse { Input = "", ShowName = "Show", Season = 1, Episodes = [3], Confidence = 0.9 });
        _inner = new RecordingLlmService(_mock);
    }

    public void Dispose() => _dir.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private CachingLlmService Service(IParseCache cache, string model = "m1", string prompt = "v1") =>
        new(_inner, cache, AnswerSource.FromLabel($"mock:{model}"), prompt);

    [Fact]
    public async Task Second_call_for_the_same_name_makes_no_inner_call()
    {
        using var cache = new SqliteParseCache(_dir.Path);
        var service = Service(cache);

        var first = await service.ParseFilenameAsync("Show.S01E01.mkv", cancellationToken: Ct);
        var second = await service.ParseFilenameAsync("Show.S01E01.mkv", cancellationToken: Ct);

        Assert.Equal(1, _mock.CallCount);
        Assert.Equal(Parses.Json(first), Parses.Json(second));
        Assert.Equal("llm:mock:canned", second.Source.ToString());
        Assert.Equal(_mock.Name, service.Name);
    }

    [Fact]
    public async Task A_different_model_or_prompt_version_misses()
    {
        using var cache = new MemoryLruCache(100);
        await Service(cache).ParseFilenameAsync("Show.S01E01.mkv", cancellationToken: Ct);

        await Service(cache, model: "m2").ParseFilenameAsync("Show.S01E01.mkv", cancellationToken: Ct);
        await Service(cache, prompt: "v2").ParseFilenameAsync("Show.S01E01.mkv", cancellationToken: Ct);
        await Service(cache).ParseFilenameAsync("Show.S01E01.mkv", cancellationToken: Ct);

        Assert.Equal(3, _mock.CallCount);
    }

    [Fact]
    public async Task Rejections_are_remembered_apart_from_answers()
    {
        using var cache = new MemoryLruCache(100);
        var service = Service(cache);
        _inner.FallBackToRules.Add("Show.S01E01.mkv");

        var fallback = await service.ParseFilenameAsync("Show.S01E01.mkv", cancellationToken: Ct);
        var again = await service.ParseFilenamesAsync(["Show.S01E01.mkv"], cancellationToken: Ct);

        Assert.Equal(AnswerSource.Rules, fallback.Source);
        Assert.Equal(AnswerSource.Rules, again[0].Source);
        Assert.Equal(1, _mock.CallCount); // asked once; the second call was served from the negative entry
        Assert.Equal((0, 1), (cache.Stats().Entries, cache.Stats().NegativeEntries));
    }

    [Fact]
    public async Task With_no_negative_ttl_rule_fallbacks_are_not_cached()
    {
        using var cache = new MemoryLruCache(100);
        var service = new CachingLlmService(_inner, cache, AnswerSource.FromLabel("mock:m1"), "v1", TimeSpan.Zero);
        _inner.FallBackToRules.Add("Show.S01E01.mkv");

        var fallback = await service.ParseFilenameAsync("Show.S01E01.mkv", cancellationToken: Ct);
        await service.ParseFilenamesAsync(["Show.S01E01.mkv"], cancellationToken: Ct);
        _inner.FallBackToRules.Clear();
        await service.ParseFilenameAsync("Show.S01E01.mkv", cancellationToken: Ct);
        await service.ParseFilenameAsync("Show.S01E01.mkv", cancellationToken: Ct);

        Assert.Equal(AnswerSource.Rules, fallback.Source);
        Assert.Equal(3, _mock.CallCount); // both fallbacks asked again; then one real answer, cached
        Assert.Equal((1, 0), (cache.Stats().Entries, cache.Stats().NegativeEntries));
    }

    [Fact]
    public async Task A_batch_sends_only_the_misses_and_keeps_input_order()
    {
        using var cache = new SqliteParseCache(_dir.Path);
        var service = Service(cache);
        await service.ParseFilenameAsync("Show.S01E02.mkv", cancellationToken: Ct);

        var results = await service.ParseFilenamesAsync(
            ["Show.S01E03.mkv", "Show.S01E02.mkv", "unknown.txt", "Show.S01E01.mkv", "Show.S01E03.mkv"], cancellationToken: Ct);

        Assert.Equal(2, _mock.CallCount);
        Assert.Equal(["Show.S01E03.mkv", "unknown.txt", "Show.S01E01.mkv"], _inner.Batches[^1]);
        Assert.Equal(["Show.S01E03.mkv", "Show.S01E02.mkv", "unknown.txt", "Show.S01E01.mkv", "Show.S01E03.mkv"], results.Select(r => r.Input));
        Assert.Equal([3, 2], results.Take(2).Select(r => r.Episode!.Value));
        Assert.Equal(3, results[4].Episode);

        var again = await service.ParseFilenamesAsync(["Show.S01E01.mkv", "unknown.txt"], cancellationToken: Ct);
        Assert.Equal(2, _mock.CallCount); // everything cached now: no inner call at all
        Assert.Equal(["Show.S01E01.mkv", "unknown.txt"], again.Select(r => r.Input));
    }

    [Fact]
    public async Task Stats_reflect_the_traffic()
    {
        using var cache = new SqliteParseCache(_dir.Path);
        var service = Service(cache);

        await service.ParseFilenamesAsync(["Show.S01E01.mkv", "Show.S01E02.mkv"], cancellationToken: Ct);
        await service.ParseFilenamesAsync(["Show.S01E01.mkv", "Show.S01E02.mkv", "Show.S01E03.mkv"], cancellationToken: Ct);

        var stats = cache.Stats();
        Assert.Equal(3, stats.Entries);
        Assert.Equal(2, stats.Hits);
        Assert.Equal(3, stats.Misses);
    }

    [Fact]
    public async Task Suggestions_pass_through()
    {
        using var cache = new MemoryLruCache(10);
        var service = Service(cache);

        var pick = await service.SuggestShowNameAsync("Show", [new ShowCandidate(7, "Show")], Ct);
        var shortName = await service.SuggestShortNameAsync("A Very Long Show Name", 10, ShortNameKind.Directory, Ct);

        Assert.Equal(7, pick.Id);
        Assert.True(shortName.Length <= 10);
        Assert.Equal(2, _mock.CallCount);
    }

    /// <summary>Wraps the mock: records what each batch asked, and can turn answers into rule fallbacks.</summary>
    private sealed class RecordingLlmService(ILlmService inner) : ILlmService
    {
        public List<string[]> Batches { get; } = [];

        public HashSet<string> FallBackToRules { get; } = new(StringComparer.Ordinal);

        public string Name => inner.Name;

        public async Task<EpisodeParse> ParseFilenameAsync(string filename, int maxTokens = 150, CancellationToken cancellationToken = default) =>
            Rewrite(await inner.ParseFilenameAsync(filename, maxTokens, cancellationToken));

        public async Task<IReadOnlyList<EpisodeParse>> ParseFilenamesAsync(IReadOnlyList<string> filenames, int maxTokens = 150, CancellationToken cancellationToken = default)
        {
            Batches.Add([.. filenames]);
            var results = await inner.ParseFilenamesAsync(filenames, maxTokens, cancellationToken);
            return [.. results.Select(Rewrite)];
        }

        public Task<ShowSuggestion> SuggestShowNameAsync(string showName, IReadOnlyList<ShowCandidate> candidates, CancellationToken cancellationToken = default) =>
            inner.SuggestShowNameAsync(showName, candidates, cancellationToken);

        public Task<string> SuggestShortNameAsync(string longName, int maxLength, ShortNameKind kind, CancellationToken cancellationToken = default) =>
            inner.SuggestShortNameAsync(longName, maxLength, kind, cancellationToken);

        private EpisodeParse Rewrite(EpisodeParse p) => FallBackToRules.Contains(p.Input) ? p with { Source = AnswerSource.Rules } : p;
    }
}
