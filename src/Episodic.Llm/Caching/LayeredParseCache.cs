using Episodic.Core.Model;
using Episodic.Llm.Metrics;
using Microsoft.Extensions.Logging;

namespace Episodic.Llm.Caching;

/// <summary>
/// A memory LRU in front of a durable cache: repeated names in one run never touch the disk, and names answered in
/// an earlier run are found on disk and promoted. Owns (and disposes) both layers.
/// </summary>
public sealed class LayeredParseCache(MemoryLruCache memory, IParseCache durable, EpisodicMetrics? metrics = null) : IParseCache
{
    private long _hits;
    private long _misses;

    /// <summary>The usual stack from <c>[cache]</c> settings: <paramref name="memoryEntries"/> in memory over the SQLite file.</summary>
    public static LayeredParseCache Open(string? directory, int memoryEntries, TimeSpan? ttl, EpisodicMetrics? metrics = null, ILogger? logger = null, TimeProvider? time = null) =>
        new(new MemoryLruCache(memoryEntries, time), new SqliteParseCache(directory, ttl, time, logger), metrics);

    public bool TryGet(CacheKey key, out EpisodeParse result)
    {
        if (memory.TryGet(key, out result))
        {
            Interlocked.Increment(ref _hits);
            metrics?.CacheHit("memory");
            return true;
        }

        if (durable.TryGet(key, out result))
        {
            memory.Store(key, result);
            Interlocked.Increment(ref _hits);
            metrics?.CacheHit("sqlite");
            return true;
        }

        Interlocked.Increment(ref _misses);
        metrics?.CacheMiss();
        return false;
    }

    public void Store(CacheKey key, EpisodeParse result)
    {
        memory.Store(key, result);
        durable.Store(key, result);
    }

    public void StoreNegative(CacheKey key, EpisodeParse fallback, string reason, DateTimeOffset expires)
    {
        memory.StoreNegative(key, fallback, reason, expires);
        durable.StoreNegative(key, fallback, reason, expires);
    }

    /// <summary>The durable layer's entries, size and path, with hits/misses as this stack saw them (either layer).</summary>
    public CacheStats Stats()
    {
        var d = durable.Stats();
        return d with { Hits = Interlocked.Read(ref _hits), Misses = Interlocked.Read(ref _misses) };
    }

    public void Clear()
    {
        memory.Clear();
        durable.Clear();
    }

    public void Dispose()
    {
        memory.Dispose();
        durable.Dispose();
    }
}
