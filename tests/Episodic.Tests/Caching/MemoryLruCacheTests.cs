using Episodic.Llm.Caching;
using Xunit;

namespace Episodic.Tests.Caching;

public sealed class MemoryLruCacheTests
{
    private static CacheKey Key(string input) => new("mock", "m1", "v1", input);

    [Fact]
    public void Evicts_the_least_recently_used_when_full()
    {
        using var cache = new MemoryLruCache(2);
        cache.Store(Key("a"), Parses.Sparse("a"));
        cache.Store(Key("b"), Parses.Sparse("b"));
        Assert.True(cache.TryGet(Key("a"), out _)); // a is now more recent than b

        cache.Store(Key("c"), Parses.Sparse("c"));

        Assert.Equal(2, cache.Count);
        Assert.False(cache.TryGet(Key("b"), out _));
        Assert.True(cache.TryGet(Key("a"), out _));
        Assert.True(cache.TryGet(Key("c"), out var c));
        Assert.Equal("c", c.Input);
    }

    [Fact]
    public void Never_grows_past_capacity_and_overwrites_in_place()
    {
        using var cache = new MemoryLruCache(3);
        for (var i = 0; i < 10; i++)
        {
            cache.Store(Key($"n{i}"), Parses.Sparse($"n{i}"));
        }

        cache.Store(Key("n9"), Parses.Full("n9"));

        Assert.Equal(3, cache.Count);
        Assert.True(cache.TryGet(Key("n7"), out _));
        Assert.True(cache.TryGet(Key("n9"), out var n9));
        Assert.Equal("SubsPlease", n9.ReleaseGroup);
        Assert.False(cache.TryGet(Key("n6"), out _));
    }

    [Fact]
    public void Stats_count_hits_and_misses()
    {
        using var cache = new MemoryLruCache(10);
        cache.Store(Key("a"), Parses.Sparse("a"));
        cache.TryGet(Key("a"), out _);
        cache.TryGet(Key("a"), out _);
        cache.TryGet(Key("zzz"), out _);

        Assert.Equal(new CacheStats(1, 2, 1, 0, null), cache.Stats());
        cache.Clear();
        Assert.Equal(0, cache.Stats().Entries);
    }

    [Fact]
    public void Zero_capacity_keeps_nothing()
    {
        using var cache = new MemoryLruCache(0);
        cache.Store(Key("a"), Parses.Sparse("a"));
        Assert.False(cache.TryGet(Key("a"), out _));
    }

    [Fact]
    public void Is_safe_under_concurrent_use()
    {
        using var cache = new MemoryLruCache(50);
        Parallel.For(0, 2000, i =>
        {
            cache.Store(Key($"n{i % 100}"), Parses.Sparse($"n{i % 100}"));
            cache.TryGet(Key($"n{(i * 7) % 100}"), out _);
        });

        Assert.Equal(50, cache.Count);
        var stats = cache.Stats();
        Assert.Equal(2000, stats.Hits + stats.Misses);
    }
}
