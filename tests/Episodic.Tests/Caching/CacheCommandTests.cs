using Episodic.Llm.Caching;
using Episodic.Metadata.Http;
using Episodic.Tests.Llm;
using Episodic.Tests.Metadata;
using Xunit;

namespace Episodic.Tests.Caching;

/// <summary><c>cache stats|clear</c> cover the LLM answer cache and the metadata cache: both by default, one with --llm or --metadata.</summary>
public sealed class CacheCommandTests : IDisposable
{
    private readonly TempCacheDir _llm = new();
    private readonly TempCache _metadata = new();

    public CacheCommandTests()
    {
        using (var cache = new SqliteParseCache(_llm.Path))
        {
            cache.Store(new CacheKey("b", "m", "v", "x"), Parses.Full("x"));
            cache.Store(new CacheKey("b", "m", "v", "y"), Parses.Full("y"));
        }

        var now = DateTimeOffset.UtcNow;
        using var metadata = new MetadataCache(_metadata.Path);
        metadata.Put("tvmaze:search/shows?q=a", "[]", now, TimeSpan.FromDays(7));
        metadata.Put("tvmaze:search/shows?q=b", "[]", now, TimeSpan.FromDays(7));
        metadata.Put("tvmaze:shows/1/episodes", "[]", now - TimeSpan.FromDays(2), TimeSpan.FromHours(6));
    }

    private Dictionary<string, string?> Env => new() { ["EPISODIC_METADATA__CACHE_PATH"] = _metadata.Path };

    [Fact]
    public async Task Stats_show_both_caches_by_default_and_one_when_named()
    {
        var both = await InProcessCli.RunAsync(["cache", "stats", "--cache-dir", _llm.Path], Env);

        Assert.True(both.Exit == 0, both.Err);
        Assert.Contains("entries:  2 answers", both.Out, StringComparison.Ordinal);
        Assert.Contains($"path:     {_metadata.Path}", both.Out, StringComparison.Ordinal);
        Assert.Contains("entries:  3 provider answers (1 expired, kept for --offline)", both.Out, StringComparison.Ordinal);

        var metadata = await InProcessCli.RunAsync(["cache", "stats", "--metadata", "--cache-dir", _llm.Path], Env);
        Assert.Contains("3 provider answers", metadata.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("2 answers", metadata.Out, StringComparison.Ordinal);

        var llm = await InProcessCli.RunAsync(["cache", "stats", "--llm", "--cache-dir", _llm.Path], Env);
        Assert.Contains("entries:  2 answers", llm.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("provider answers", llm.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Clear_empties_the_named_cache_and_by_default_both()
    {
        var metadata = await InProcessCli.RunAsync(["cache", "clear", "--metadata", "--cache-dir", _llm.Path], Env);

        Assert.True(metadata.Exit == 0, metadata.Err);
        Assert.Equal(0, MetadataEntries());
        Assert.Equal(2, CacheCommandSupport.ReadStats(_llm.Path).Entries);

        using (var cache = new MetadataCache(_metadata.Path))
        {
            cache.Put("tmdb:search/tv?query=c", "{}", DateTimeOffset.UtcNow, TimeSpan.FromDays(1));
        }

        var both = await InProcessCli.RunAsync(["cache", "clear", "--cache-dir", _llm.Path], Env);
        Assert.True(both.Exit == 0, both.Err);
        Assert.Contains("metadata cache cleared", both.Out, StringComparison.Ordinal);
        Assert.Equal(0, MetadataEntries());
        Assert.Equal(0, CacheCommandSupport.ReadStats(_llm.Path).Entries);
    }

    [Fact]
    public async Task The_places_come_from_the_ini_and_a_missing_metadata_cache_is_not_made()
    {
        using var ini = new TempFile();
        var missing = Path.Join(Path.GetDirectoryName(_metadata.Path)!, "elsewhere", "metadata.db");
        File.WriteAllText(ini.Path, $"[cache]\ndir = {_llm.Path}\n[metadata]\ncache_path = {missing}\n");

        var run = await InProcessCli.RunAsync(["cache", "stats", "--config", ini.Path], new Dictionary<string, string?>());

        Assert.True(run.Exit == 0, run.Err);
        Assert.Contains("entries:  2 answers", run.Out, StringComparison.Ordinal);
        Assert.Contains($"path:     {missing}", run.Out, StringComparison.Ordinal);
        Assert.Contains("entries:  0 provider answers", run.Out, StringComparison.Ordinal);
        Assert.False(File.Exists(missing));
    }

    private long MetadataEntries()
    {
        using var cache = new MetadataCache(_metadata.Path);
        return cache.Count();
    }

    public void Dispose()
    {
        _llm.Dispose();
        _metadata.Dispose();
    }
}
