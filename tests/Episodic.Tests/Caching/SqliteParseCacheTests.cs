using Episodic.Core.Model;
using Episodic.Llm.Caching;
using Microsoft.Data.Sqlite;
using Xunit;

namespace Episodic.Tests.Caching;

public sealed class SqliteParseCacheTests : IDisposable
{
    private readonly TempCacheDir _dir = new();
    private readonly RecordingLogger _log = new();

    public void Dispose() => _dir.Dispose();

    private static CacheKey Key(string input, string model = "m1", string prompt = "v1") => new("mock", model, prompt, input);

    private SqliteParseCache Open(TimeSpan? ttl = null, TimeProvider? time = null) =>
        new(_dir.Path, ttl, time, _log);

    private long RawRowCount()
    {
        using var connection = new SqliteConnection($"Data Source={_dir.DbPath};Pooling=False");
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT count(*) FROM parse_cache";
        return (long)cmd.ExecuteScalar()!;
    }

    [Fact]
    public void Round_trips_every_field_including_unicode_input()
    {
        var full = Parses.Full("[SubsPlease] 進撃の巨人 — S04E28-E29v2 [ABCD1234].mkv");
        var sparse = Parses.Sparse("Ünïcödé/readme 📺.txt");
        using var cache = Open();

        cache.Store(Key(full.Input), full);
        cache.Store(Key(sparse.Input), sparse);

        Assert.True(cache.TryGet(Key(full.Input), out var gotFull));
        Assert.True(cache.TryGet(Key(sparse.Input), out var gotSparse));
        Assert.Equal(Parses.Json(full), Parses.Json(gotFull));
        Assert.Equal(Parses.Json(sparse), Parses.Json(gotSparse));
        Assert.Equal(new DateOnly(2022, 3, 6), gotFull.AirDate);
        Assert.Equal([87, 88], gotFull.AbsoluteEpisodes);
        Assert.Null(gotSparse.Season);
        Assert.Empty(gotSparse.Episodes);
        Assert.Empty(_log.Messages);
    }

    [Fact]
    public void Survives_a_process_restart()
    {
        using (var first = Open())
        {
            first.Store(Key("Show.S01E01.mkv"), Parses.Full("Show.S01E01.mkv"));
            Assert.False(first.TryGet(Key("other"), out _));
        }

        using var second = Open();
        Assert.True(second.TryGet(Key("Show.S01E01.mkv"), out var hit));
        Assert.Equal("SubsPlease", hit.ReleaseGroup);
        var stats = second.Stats();
        Assert.Equal(1, stats.Hits); // lifetime counters: the first run's miss was kept
        Assert.Equal(1, stats.Misses);
    }

    [Fact]
    public void Key_parts_all_matter()
    {
        using var cache = Open();
        cache.Store(Key("a.mkv"), Parses.Sparse("a.mkv"));

        Assert.False(cache.TryGet(Key("a.mkv", model: "m2"), out _));
        Assert.False(cache.TryGet(Key("a.mkv", prompt: "v2"), out _));
        Assert.False(cache.TryGet(new CacheKey("other", "m1", "v1", "a.mkv"), out _));
        Assert.True(cache.TryGet(Key("a.mkv"), out _));
    }

    [Fact]
    public void Expired_entries_are_misses_and_are_purged()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        using (var cache = Open(TimeSpan.FromDays(1), clock))
        {
            cache.Store(Key("a"), Parses.Sparse("a"));
            cache.Store(Key("b"), Parses.Sparse("b"));

            clock.Advance(TimeSpan.FromHours(23));
            Assert.True(cache.TryGet(Key("a"), out _));

            clock.Advance(TimeSpan.FromHours(2));
            Assert.False(cache.TryGet(Key("a"), out _));
            Assert.Equal(0, cache.Stats().Entries);
            Assert.Equal(1, RawRowCount()); // "a" purged on read; "b" still waits
        }

        using var reopened = Open(TimeSpan.FromDays(1), clock);
        Assert.Equal(0, RawRowCount()); // purged on open
    }

    [Fact]
    public void Two_instances_on_one_file_write_concurrently()
    {
        using var a = Open();
        using var b = Open();
        var options = new ParallelOptions { MaxDegreeOfParallelism = 4 };

        Parallel.For(0, 500, options, i =>
        {
            var cache = i % 2 == 0 ? a : b;
            var name = $"Show.S01E{i:D3}.mkv";
            cache.Store(Key(name), Parses.Full(name) with { Episodes = [i] });
            (i % 3 == 0 ? a : b).TryGet(Key($"Show.S01E{i / 2:D3}.mkv"), out _);
        });

        for (var i = 0; i < 500; i++)
        {
            var name = $"Show.S01E{i:D3}.mkv";
            Assert.True(a.TryGet(Key(name), out var fromA), name);
            Assert.True(b.TryGet(Key(name), out var fromB), name);
            Assert.Equal([i], fromA.Episodes);
            Assert.Equal(name, fromB.Input);
        }

        Assert.Equal(500, a.Stats().Entries);
        Assert.Empty(_log.Messages);
    }

    [Fact]
    public void A_garbage_file_is_moved_aside_and_rebuilt()
    {
        using (var cache = Open())
        {
            cache.Store(Key("a"), Parses.Sparse("a"));
        }

        var garbage = new byte[8192];
        new Random(42).NextBytes(garbage);
        File.WriteAllBytes(_dir.DbPath, garbage);

        using var rebuilt = Open();

        var warning = Assert.Single(_log.Messages);
        Assert.Contains("moved it to", warning, StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(_dir.Path, "parse-cache.db.corrupt-*"));
        Assert.False(rebuilt.TryGet(Key("a"), out _));
        rebuilt.Store(Key("b"), Parses.Sparse("b"));
        Assert.True(rebuilt.TryGet(Key("b"), out _));
        Assert.Equal(1, rebuilt.Stats().Entries);
    }

    [Fact]
    public void A_short_text_file_is_also_rebuilt()
    {
        File.WriteAllText(_dir.DbPath, "this is not a database, just some text that someone saved here by mistake");

        using var rebuilt = Open();

        Assert.Single(_log.Messages);
        rebuilt.Store(Key("b"), Parses.Sparse("b"));
        Assert.True(rebuilt.TryGet(Key("b"), out _));
    }

    [Fact]
    public void Damaged_pages_are_detected_on_open()
    {
        using (var cache = Open())
        {
            for (var i = 0; i < 300; i++)
            {
                cache.Store(Key($"n{i}"), Parses.Full($"n{i}"));
            }
        }

        // Keep the valid header but scribble over the pages after the first.
        using (var stream = new FileStream(_dir.DbPath, FileMode.Open, FileAccess.Write))
        {
            stream.Position = 4096;
            var junk = new byte[stream.Length - 4096];
            new Random(7).NextBytes(junk);
            stream.Write(junk);
        }

        using var rebuilt = Open();

        Assert.Single(_log.Messages);
        rebuilt.Store(Key("b"), Parses.Sparse("b"));
        Assert.True(rebuilt.TryGet(Key("b"), out _));
    }

    [Fact]
    public void An_unusable_folder_falls_back_to_memory()
    {
        var blocker = System.IO.Path.Combine(_dir.Path, "not-a-folder");
        File.WriteAllText(blocker, "a file where the cache folder should be");
        var log = new RecordingLogger();

        using var cache = new SqliteParseCache(blocker, logger: log);

        var entry = Assert.Single(log.Entries);
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Warning, entry.Level);
        Assert.Contains("in memory", entry.Message, StringComparison.Ordinal);
        cache.Store(Key("a"), Parses.Sparse("a"));
        Assert.True(cache.TryGet(Key("a"), out _));
    }

    [Fact]
    public void Clear_removes_everything_and_stays_usable()
    {
        using var cache = Open();
        for (var i = 0; i < 20; i++)
        {
            cache.Store(Key($"n{i}"), Parses.Full($"n{i}"));
        }

        cache.TryGet(Key("n1"), out _);
        cache.Clear();

        var stats = cache.Stats();
        Assert.Equal(0, stats.Entries);
        Assert.Equal(0, stats.Hits);
        Assert.False(cache.TryGet(Key("n1"), out _));
        cache.Store(Key("again"), Parses.Sparse("again"));
        Assert.True(cache.TryGet(Key("again"), out _));
    }

    [Fact]
    public void Stats_report_entries_hits_misses_bytes_and_path()
    {
        using var cache = Open();
        cache.Store(Key("a"), Parses.Sparse("a"));
        cache.Store(Key("b"), Parses.Sparse("b"));
        cache.Store(Key("c"), Parses.Sparse("c"));
        cache.TryGet(Key("a"), out _);
        cache.TryGet(Key("b"), out _);
        cache.TryGet(Key("nope"), out _);

        var stats = cache.Stats();

        Assert.Equal(3, stats.Entries);
        Assert.Equal(2, stats.Hits);
        Assert.Equal(1, stats.Misses);
        Assert.True(stats.Bytes > 0);
        Assert.Equal(_dir.DbPath, stats.Path);
    }

    [Fact]
    public void Uses_the_default_path_when_no_folder_is_given() =>
        Assert.Equal(CachePaths.Default(), CachePaths.ForDirectory(null));

    [Fact]
    public void Disposed_cache_refuses_use()
    {
        var cache = Open();
        cache.Dispose();
        cache.Dispose();
        Assert.Throws<ObjectDisposedException>(() => cache.TryGet(Key("a"), out _));
        Assert.Throws<ObjectDisposedException>(() => cache.Store(Key("a"), EpisodeParse.NotAnEpisode("a", "x")));
    }
}
