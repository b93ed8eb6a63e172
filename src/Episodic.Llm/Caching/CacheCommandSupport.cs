using Microsoft.Extensions.Logging;

namespace Episodic.Llm.Caching;

/// <summary>What <c>episodic cache stats|clear</c> needs, without the CLI knowing about SQLite.</summary>
public static class CacheCommandSupport
{
    /// <summary>Stats of the cache file in <paramref name="dir"/> (null = default folder). A missing file reads as
    /// empty and is not created.</summary>
    public static CacheStats ReadStats(string? dir, ILogger? logger = null)
    {
        var path = CachePaths.ForDirectory(dir);
        if (!File.Exists(path))
        {
            return new CacheStats(0, 0, 0, 0, path);
        }

        using var cache = new SqliteParseCache(dir, ttl: null, logger: logger);
        return cache.Stats();
    }

    /// <summary>Deletes every entry of the cache file in <paramref name="dir"/>; nothing to do when it does not exist.</summary>
    public static void Clear(string? dir, ILogger? logger = null)
    {
        if (!File.Exists(CachePaths.ForDirectory(dir)))
        {
            return;
        }

        using var cache = new SqliteParseCache(dir, ttl: null, logger: logger);
        cache.Clear();
    }
}
