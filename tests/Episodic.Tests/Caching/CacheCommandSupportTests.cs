using Episodic.Llm.Caching;
using Xunit;

namespace Episodic.Tests.Caching;

public sealed class CacheCommandSupportTests
{
    [Fact]
    public void Stats_of_a_missing_cache_are_zero_and_create_nothing()
    {
        using var dir = new TempCacheDir();

        var stats = CacheCommandSupport.ReadStats(dir.Path);

        Assert.Equal(new CacheStats(0, 0, 0, 0, dir.DbPath), stats);
        Assert.False(File.Exists(dir.DbPath));
        CacheCommandSupport.Clear(dir.Path);
        Assert.False(File.Exists(dir.DbPath));
    }

    [Fact]
    public void Reads_stats_and_clears_a_cache_written_earlier()
    {
        using var dir = new TempCacheDir();
        using (var cache = new SqliteParseCache(dir.Path))
        {
            cache.Store(new CacheKey("b", "m", "v", "x"), Parses.Full("x"));
            cache.Store(new CacheKey("b", "m", "v", "y"), Parses.Full("y"));
            cache.TryGet(new CacheKey("b", "m", "v", "x"), out _);
        }

        var stats = CacheCommandSupport.ReadStats(dir.Path);
        Assert.Equal(2, stats.Entries);
        Assert.Equal(1, stats.Hits);
        Assert.True(stats.Bytes > 0);

        CacheCommandSupport.Clear(dir.Path);
        Assert.Equal(0, CacheCommandSupport.ReadStats(dir.Path).Entries);
    }
}
