using System.Text.Json;
using Episodic.Core.Model;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Episodic.Llm.Caching;

/// <summary>
/// The durable cache: one SQLite file shared by every Episodic process of the user. WAL lets readers run beside one
/// writer and busy_timeout makes a second process wait instead of failing, so two runs can share the file. The cache
/// is disposable data: a damaged file is moved aside and rebuilt, and a failing query is a miss — never a crash.
/// </summary>
public sealed class SqliteParseCache : IParseCache
{
    /// <summary>The <c>[cache] ttl_days</c> default.</summary>
    public static readonly TimeSpan DefaultTtl = TimeSpan.FromDays(Configuration.LlmDefaults.CacheTtlDays);

    private const int BusyTimeoutMs = 5000;
    private const int SqliteCorrupt = 11;
    private const int SqliteNotADatabase = 26;

    private const string Schema = """
        CREATE TABLE IF NOT EXISTS parse_cache (
            key_hash       TEXT PRIMARY KEY,
            backend        TEXT NOT NULL,
            model          TEXT NOT NULL,
            prompt_version TEXT NOT NULL,
            input          TEXT NOT NULL,
            result_json    TEXT NOT NULL,
            created_utc    INTEGER NOT NULL,
            expires_utc    INTEGER,
            negative_reason TEXT
        );
        CREATE INDEX IF NOT EXISTS parse_cache_expires ON parse_cache (expires_utc);
        CREATE TABLE IF NOT EXISTS cache_counters (
            id     INTEGER PRIMARY KEY CHECK (id = 1),
            hits   INTEGER NOT NULL,
            misses INTEGER NOT NULL
        );
        INSERT OR IGNORE INTO cache_counters (id, hits, misses) VALUES (1, 0, 0);
        """;

    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly TimeSpan? _ttl;
    private readonly ILogger _logger;
    private SqliteConnection _connection;
    private long _hits; // not yet flushed to cache_counters
    private long _misses;
    private bool _warnedAtRuntime;
    private bool _disposed;

    /// <param name="directory">Folder of the cache file; null = <see cref="CachePaths.DefaultDirectory()"/>.</param>
    /// <param name="ttl">How long an answer stays valid; null = forever.</param>
    /// <param name="time">The clock (tests inject one to expire entries).</param>
    /// <param name="logger">Told when the cache had to be rebuilt or a query failed.</param>
    public SqliteParseCache(string? directory = null, TimeSpan? ttl = null, TimeProvider? time = null, ILogger? logger = null)
    {
        if (ttl is { } t)
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(t, TimeSpan.Zero, nameof(ttl));
        }

        Path = CachePaths.ForDirectory(directory);
        _ttl = ttl;
        _time = time ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
        _connection = OpenOrRebuild();
    }

    /// <summary>The cache file.</summary>
    public string Path { get; }

    public bool TryGet(CacheKey key, out EpisodeParse result)
    {
        ArgumentNullException.ThrowIfNull(key);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            try
            {
                if (Read(key.Hash) is { } found)
                {
                    _hits++;
                    result = found;
                    return true;
                }
            }
            catch (SqliteException ex)
            {
                WarnOnce(ex);
            }

            _misses++;
        }

        result = null!;
        return false;
    }

    public void Store(CacheKey key, EpisodeParse result) => Write(key, result, null, null);

    /// <summary>A remembered rejection: the fallback, the reason (kept for inspection) and its own, short expiry.</summary>
    public void StoreNegative(CacheKey key, EpisodeParse fallback, string reason, DateTimeOffset expires)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        Write(key, fallback, reason, expires);
    }

    private void Write(CacheKey key, EpisodeParse result, string? negativeReason, DateTimeOffset? negativeExpires)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(result);
        var json = EpisodeParseJson.ToJson(result);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var now = _time.GetUtcNow();
            var expires = negativeExpires ?? (_ttl is { } ttl ? now + ttl : null);
            try
            {
                using var cmd = _connection.CreateCommand();
                cmd.CommandText = """
                    INSERT OR REPLACE INTO parse_cache (key_hash, backend, model, prompt_version, input, result_json, created_utc, expires_utc, negative_reason)
                    VALUES ($hash, $backend, $model, $prompt, $input, $json, $created, $expires, $reason)
                    """;
                cmd.Parameters.AddWithValue("$hash", key.Hash);
                cmd.Parameters.AddWithValue("$backend", key.Backend);
                cmd.Parameters.AddWithValue("$model", key.Model);
                cmd.Parameters.AddWithValue("$prompt", key.PromptVersion);
                cmd.Parameters.AddWithValue("$input", key.Input);
                cmd.Parameters.AddWithValue("$json", json);
                cmd.Parameters.AddWithValue("$created", now.ToUnixTimeMilliseconds());
                cmd.Parameters.AddWithValue("$expires", expires is { } e ? e.ToUnixTimeMilliseconds() : DBNull.Value);
                cmd.Parameters.AddWithValue("$reason", (object?)negativeReason ?? DBNull.Value);
                cmd.ExecuteNonQuery();
            }
            catch (SqliteException ex)
            {
                WarnOnce(ex);
            }
        }
    }

    /// <summary>Live entries, the file's size (with its WAL), and lifetime hits/misses of this file.</summary>
    public CacheStats Stats()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            long entries = 0, negative = 0, hits = 0, misses = 0;
            try
            {
                using var cmd = _connection.CreateCommand();
                cmd.CommandText = """
                    SELECT count(*) FILTER (WHERE negative_reason IS NULL), count(*) FILTER (WHERE negative_reason IS NOT NULL)
                    FROM parse_cache WHERE expires_utc IS NULL OR expires_utc > $now;
                    SELECT hits, misses FROM cache_counters WHERE id = 1;
                    """;
                cmd.Parameters.AddWithValue("$now", _time.GetUtcNow().ToUnixTimeMilliseconds());
                using var reader = cmd.ExecuteReader();
                if (reader.Read())
                {
                    entries = reader.GetInt64(0);
                    negative = reader.GetInt64(1);
                }

                if (reader.NextResult() && reader.Read())
                {
                    hits = reader.GetInt64(0);
                    misses = reader.GetInt64(1);
                }
            }
            catch (SqliteException ex)
            {
                WarnOnce(ex);
            }

            return new CacheStats(entries, hits + _hits, misses + _misses, FileBytes(), Path, negative);
        }
    }

    /// <summary>Deletes every entry and resets the counters, then compacts the file.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            Execute("DELETE FROM parse_cache; UPDATE cache_counters SET hits = 0, misses = 0;");
            _hits = 0;
            _misses = 0;
            try
            {
                // VACUUM needs the file to itself; if another process is using it the rows are gone anyway.
                Execute("VACUUM; PRAGMA wal_checkpoint(TRUNCATE);", commandTimeoutSeconds: 5);
            }
            catch (SqliteException)
            {
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            try
            {
                FlushCounters();
            }
            catch (SqliteException)
            {
                // Counters are informational; losing one run's counts is not worth failing shutdown.
            }

            _connection.Dispose();
        }
    }

    private EpisodeParse? Read(string hash)
    {
        string json;
        long? expires;
        using (var cmd = _connection.CreateCommand())
        {
            cmd.CommandText = "SELECT result_json, expires_utc FROM parse_cache WHERE key_hash = $hash";
            cmd.Parameters.AddWithValue("$hash", hash);
            using var reader = cmd.ExecuteReader();
            if (!reader.Read())
            {
                return null;
            }

            json = reader.GetString(0);
            expires = reader.IsDBNull(1) ? null : reader.GetInt64(1);
        }

        if (expires is { } e && e <= _time.GetUtcNow().ToUnixTimeMilliseconds())
        {
            // Lazy purge: an expired row is removed the first time someone trips over it.
            Delete(hash);
            return null;
        }

        try
        {
            return EpisodeParseJson.FromJson(json);
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException)
        {
            Delete(hash); // an unreadable row is worth nothing; the next answer replaces it
            return null;
        }
    }

    private void Delete(string hash)
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = "DELETE FROM parse_cache WHERE key_hash = $hash";
        cmd.Parameters.AddWithValue("$hash", hash);
        cmd.ExecuteNonQuery();
    }

    private void FlushCounters()
    {
        if (_hits == 0 && _misses == 0)
        {
            return;
        }

        using var cmd = _connection.CreateCommand();
        cmd.CommandText = "UPDATE cache_counters SET hits = hits + $hits, misses = misses + $misses WHERE id = 1";
        cmd.Parameters.AddWithValue("$hits", _hits);
        cmd.Parameters.AddWithValue("$misses", _misses);
        cmd.ExecuteNonQuery();
        _hits = 0;
        _misses = 0;
    }

    private void Execute(string sql, int? commandTimeoutSeconds = null)
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = sql;
        if (commandTimeoutSeconds is { } t)
        {
            cmd.CommandTimeout = t;
        }

        cmd.ExecuteNonQuery();
    }

    private SqliteConnection OpenOrRebuild()
    {
        string reason;
        try
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
            var (connection, problem) = Open(Path);
            if (connection is not null)
            {
                return connection;
            }

            reason = problem!;
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode is SqliteCorrupt or SqliteNotADatabase)
        {
            reason = ex.Message;
        }
        catch (Exception ex) when (ex is SqliteException or IOException or UnauthorizedAccessException)
        {
            // Not damage but an unusable place (permissions, a file where the folder should be): leave it alone.
            LlmLog.CacheCannotOpen(_logger, Path, ex.Message);
            return InMemory();
        }

        if (MoveAside() is { } movedTo)
        {
            LlmLog.CacheRebuilt(_logger, Path, reason, movedTo);
            try
            {
                var (rebuilt, _) = Open(Path);
                if (rebuilt is not null)
                {
                    return rebuilt;
                }
            }
            catch (SqliteException)
            {
            }
        }

        // Could not move or recreate the file (e.g. locked by another process): keep working without a durable cache.
        LlmLog.CacheUnusable(_logger, Path, reason);
        return InMemory();
    }

    private SqliteConnection InMemory()
    {
        return Open(":memory:").Connection!;
    }

    /// <summary>Opens and prepares the database; a null connection means quick_check found damage.</summary>
    private (SqliteConnection? Connection, string? Problem) Open(string dataSource)
    {
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = dataSource,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false, // one long-lived connection per instance; pooling would only keep the file open after Dispose
        };
        var connection = new SqliteConnection(builder.ToString());
        try
        {
            connection.Open();
            using (var cmd = connection.CreateCommand())
            {
                cmd.CommandText = $"PRAGMA busy_timeout = {BusyTimeoutMs}; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;";
                cmd.ExecuteNonQuery();
            }

            using (var check = connection.CreateCommand())
            {
                check.CommandText = "PRAGMA quick_check(1)";
                var verdict = check.ExecuteScalar() as string;
                if (!string.Equals(verdict, "ok", StringComparison.Ordinal))
                {
                    connection.Dispose();
                    return (null, $"quick_check: {verdict}");
                }
            }

            using (var cmd = connection.CreateCommand())
            {
                cmd.CommandText = Schema + "\n" + (HasColumn(connection, "negative_reason") ? "" : "ALTER TABLE parse_cache ADD COLUMN negative_reason TEXT;")
                    + "\nDELETE FROM parse_cache WHERE expires_utc IS NOT NULL AND expires_utc <= $now;";
                cmd.Parameters.AddWithValue("$now", _time.GetUtcNow().ToUnixTimeMilliseconds());
                cmd.ExecuteNonQuery();
            }

            return (connection, null);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Whether <c>parse_cache</c> has <paramref name="column"/> (a file written before negative entries lacks it; false when there is no table yet).</summary>
    private static bool HasColumn(SqliteConnection connection, string column)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = """
            SELECT (SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'parse_cache') = 0
                OR (SELECT count(*) FROM pragma_table_info('parse_cache') WHERE name = $column) > 0
            """;
        cmd.Parameters.AddWithValue("$column", column);
        return Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) != 0;
    }

    /// <summary>Renames the damaged file (and its WAL) to <c>.corrupt-&lt;timestamp&gt;</c>; null when that failed.</summary>
    private string? MoveAside()
    {
        var stamp = _time.GetUtcNow().UtcDateTime.ToString("yyyyMMdd'T'HHmmssfff'Z'");
        var target = $"{Path}.corrupt-{stamp}";
        for (var n = 1; File.Exists(target); n++)
        {
            target = $"{Path}.corrupt-{stamp}-{n}";
        }

        try
        {
            File.Move(Path, target);
            if (File.Exists(Path + "-wal"))
            {
                File.Move(Path + "-wal", target + "-wal");
            }

            // The shared-memory index describes the old WAL; a new one is built on open.
            File.Delete(Path + "-shm");
            return target;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private long FileBytes()
    {
        long total = 0;
        foreach (var file in new[] { Path, Path + "-wal" })
        {
            var info = new FileInfo(file);
            if (info.Exists)
            {
                total += info.Length;
            }
        }

        return total;
    }

    private void WarnOnce(SqliteException ex)
    {
        if (!_warnedAtRuntime)
        {
            _warnedAtRuntime = true;
            LlmLog.CacheFailed(_logger, Path, ex.Message);
        }
    }
}
