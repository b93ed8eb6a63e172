using Episodic.Core.Model;
using Episodic.Llm.Caching;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Episodic.Tests.Caching;

/// <summary>Negative entries in a real SQLite file and in the memory layer: kept apart, with their reason, and short-lived.</summary>
public sealed class NegativeCacheTests : IDisposable
{
    private readonly TempCacheDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private static CacheKey Key(string input) => new("openai", "gpt-4o-mini", "v1", input);

    private static EpisodeParse Fallback(string input) => new() { Input = input, ShowName = "Show", Episodes = [5], Confidence = 0.4, Reasoning = "The openai:gpt-4o-mini answer was rejected (episode 99 is not in the name)." };

    [Fact]
    public void A_rejection_is_stored_with_its_reason_counted_apart_and_expires_on_its_own_clock()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));
        using (var cache = new SqliteParseCache(_dir.Path, TimeSpan.FromDays(90), time))
        {
            cache.Store(Key("good.S01E01.mkv"), Parses.Full("good.S01E01.mkv"));
            cache.StoreNegative(Key("bad.05.mkv"), Fallback("bad.05.mkv"), "episode 99 is not in the name", time.GetUtcNow().AddHours(24));

            Assert.True(cache.TryGet(Key("bad.05.mkv"), out var remembered));
            Assert.Equal(AnswerSource.Rules, remembered.Source);
            Assert.Contains("rejected", remembered.Reasoning, StringComparison.Ordinal);
            var stats = cache.Stats();
            Assert.Equal(1, stats.Entries);
            Assert.Equal(1, stats.NegativeEntries);
        }

        Assert.Equal("episode 99 is not in the name", RawReason("bad.05.mkv"));

        // A new process a day later: the rejection has expired, the answer has not.
        time.Advance(TimeSpan.FromHours(24) + TimeSpan.FromSeconds(1));
        using (var later = new SqliteParseCache(_dir.Path, TimeSpan.FromDays(90), time))
        {
            Assert.False(later.TryGet(Key("bad.05.mkv"), out _));
            Assert.True(later.TryGet(Key("good.S01E01.mkv"), out _));
            Assert.Equal(0, later.Stats().NegativeEntries);
            Assert.Equal(1, later.Stats().Entries);
        }
    }

    [Fact]
    public void Clear_removes_rejections_too()
    {
        using var cache = new SqliteParseCache(_dir.Path);
        cache.StoreNegative(Key("bad.05.mkv"), Fallback("bad.05.mkv"), "unreadable JSON", DateTimeOffset.UtcNow.AddHours(1));

        cache.Clear();

        Assert.False(cache.TryGet(Key("bad.05.mkv"), out _));
        Assert.Equal(0, cache.Stats().NegativeEntries);
    }

    [Fact]
    public void A_cache_file_from_before_negative_entries_gains_the_column_and_keeps_its_answers()
    {
        var answer = Parses.Full("old.S01E02.mkv");
        Directory.CreateDirectory(_dir.Path);
        using (var connection = new SqliteConnection($"Data Source={_dir.DbPath};Pooling=False"))
        {
            connection.Open();
            using var cmd = connection.CreateCommand();
            cmd.CommandText = """
                CREATE TABLE parse_cache (key_hash TEXT PRIMARY KEY, backend TEXT NOT NULL, model TEXT NOT NULL, prompt_version TEXT NOT NULL,
                    input TEXT NOT NULL, result_json TEXT NOT NULL, created_utc INTEGER NOT NULL, expires_utc INTEGER);
                INSERT INTO parse_cache VALUES ($hash, 'openai', 'gpt-4o-mini', 'v1', 'old.S01E02.mkv', $json, 0, NULL);
                """;
            cmd.Parameters.AddWithValue("$hash", Key("old.S01E02.mkv").Hash);
            cmd.Parameters.AddWithValue("$json", Parses.Json(answer));
            cmd.ExecuteNonQuery();
        }

        using var cache = new SqliteParseCache(_dir.Path);

        Assert.True(cache.TryGet(Key("old.S01E02.mkv"), out var got));
        Assert.Equal(Parses.Json(answer), Parses.Json(got));
        cache.StoreNegative(Key("bad.05.mkv"), Fallback("bad.05.mkv"), "rejected", DateTimeOffset.UtcNow.AddHours(1));
        Assert.Equal((1, 1), (cache.Stats().Entries, cache.Stats().NegativeEntries));
    }

    [Fact]
    public void The_memory_layer_expires_a_rejection_but_keeps_answers()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var memory = new MemoryLruCache(10, time);
        memory.Store(Key("good.S01E01.mkv"), Parses.Full("good.S01E01.mkv"));
        memory.StoreNegative(Key("bad.05.mkv"), Fallback("bad.05.mkv"), "rejected", time.GetUtcNow().AddMinutes(30));

        Assert.True(memory.TryGet(Key("bad.05.mkv"), out _));
        Assert.Equal((1, 1), (memory.Stats().Entries, memory.Stats().NegativeEntries));
        time.Advance(TimeSpan.FromMinutes(31));
        Assert.False(memory.TryGet(Key("bad.05.mkv"), out _));
        Assert.True(memory.TryGet(Key("good.S01E01.mkv"), out _));
    }

    private string? RawReason(string input)
    {
        using var connection = new SqliteConnection($"Data Source={_dir.DbPath};Pooling=False");
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT negative_reason FROM parse_cache WHERE input = $input";
        cmd.Parameters.AddWithValue("$input", input);
        return cmd.ExecuteScalar() as string;
    }
}
