namespace Episodic.Metadata.Http;

/// <summary>What <c>episodic cache stats|clear --metadata</c> needs: the metadata cache file, read or emptied without being created.</summary>
public static class MetadataCacheFile
{
    /// <summary>Stats of the cache at <paramref name="path"/> (null = <see cref="MetadataCache.DefaultPath"/>); a missing file reads as empty.</summary>
    public static MetadataCacheStats ReadStats(string? path, DateTimeOffset now)
    {
        path ??= MetadataCache.DefaultPath();
        if (!File.Exists(path))
        {
            return new MetadataCacheStats(path, 0, 0, 0);
        }

        using var cache = new MetadataCache(path);
        var (entries, expired) = cache.Stats(now);
        return new MetadataCacheStats(path, entries, expired, Bytes(path));
    }

    /// <summary>Deletes every stored answer at <paramref name="path"/> (null = the default); nothing to do when there is no file.</summary>
    public static void Clear(string? path)
    {
        path ??= MetadataCache.DefaultPath();
        if (!File.Exists(path))
        {
            return;
        }

        using var cache = new MetadataCache(path);
        cache.Clear();
    }

    private static long Bytes(string path) =>
        new[] { path, path + "-wal" }.Select(f => new FileInfo(f)).Where(f => f.Exists).Sum(f => f.Length);
}

/// <summary>The metadata cache at a glance: where it is, how many provider answers it holds (expired ones kept for --offline), its size.</summary>
public sealed record MetadataCacheStats(string Path, long Entries, long Expired, long Bytes);
