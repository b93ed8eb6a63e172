using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace Episodic.Metadata.Http;

/// <summary>
/// Provider answers kept in a SQLite file (with an in-memory layer for the run), keyed by provider and the request
/// path and query without any credential. Each entry carries its own expiry so search results live for days and
/// episode lists of running shows for hours; <c>--offline</c> reads expired entries too.
/// </summary>
public sealed class MetadataCache : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly Lock _gate = new();
    private readonly ConcurrentDictionary<string, (string Body, DateTimeOffset Expires)> _memory = new(StringComparer.Ordinal);

    /// <summary>Opens (creating when needed) the cache at <paramref name="path"/>; ":memory:" keeps it in memory.</summary>
    public MetadataCache(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path != ":memory:" && System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path)) is { } dir)
        {
            Directory.CreateDirectory(dir);
        }

        Path = path;
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        _connection.Open();
        using var command = _connection.CreateCommand();
        command.CommandText = """
            PRAGMA journal_mode=WAL;
            PRAGMA busy_timeout=5000;
            CREATE TABLE IF NOT EXISTS responses (
                key TEXT PRIMARY KEY,
                body TEXT NOT NULL,
                fetched INTEGER NOT NULL,
                expires INTEGER NOT NULL);
            """;
        command.ExecuteNonQuery();
    }

    /// <summary>The default file beside the parse cache.</summary>
    public static string DefaultPath() => System.IO.Path.Combine(Episodic.Llm.Caching.CachePaths.DefaultDirectory(), "metadata-cache.db");

    public string Path { get; }

    /// <summary>The stored body, or null when absent or (unless <paramref name="allowExpired"/>) expired.</summary>
    public string? Get(string key, DateTimeOffset now, bool allowExpired)
    {
        if (_memory.TryGetValue(key, out var hit) && (allowExpired || hit.Expires > now))
        {
            return hit.Body;
        }

        lock (_gate)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT body, expires FROM responses WHERE key = $key";
            command.Parameters.AddWithValue("$key", key);
            using var reader = command.ExecuteReader();
            if (!reader.Read())
            {
                return null;
            }

            var body = reader.GetString(0);
            var expires = DateTimeOffset.FromUnixTimeSeconds(reader.GetInt64(1));
            _memory[key] = (body, expires);
            return allowExpired || expires > now ? body : null;
        }
    }

    public void Put(string key, string body, DateTimeOffset now, TimeSpan ttl)
    {
        var expires = now + ttl;
        _memory[key] = (body, expires);
        lock (_gate)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "INSERT OR REPLACE INTO responses (key, body, fetched, expires) VALUES ($key, $body, $fetched, $expires)";
            command.Parameters.AddWithValue("$key", key);
            command.Parameters.AddWithValue("$body", body);
            command.Parameters.AddWithValue("$fetched", now.ToUnixTimeSeconds());
            command.Parameters.AddWithValue("$expires", expires.ToUnixTimeSeconds());
            command.ExecuteNonQuery();
        }
    }

    /// <summary>Entries stored and how many of them are past their expiry (kept: <c>--offline</c> still reads them).</summary>
    public (long Entries, long Expired) Stats(DateTimeOffset now)
    {
        lock (_gate)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*), COUNT(*) FILTER (WHERE expires <= $now) FROM responses";
            command.Parameters.AddWithValue("$now", now.ToUnixTimeSeconds());
            using var reader = command.ExecuteReader();
            reader.Read();
            return (reader.GetInt64(0), reader.GetInt64(1));
        }
    }

    /// <summary>Deletes every stored answer, then compacts the file (when no other process holds it).</summary>
    public void Clear()
    {
        _memory.Clear();
        lock (_gate)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "DELETE FROM responses";
            command.ExecuteNonQuery();
            try
            {
                command.CommandText = "VACUUM; PRAGMA wal_checkpoint(TRUNCATE);";
                command.CommandTimeout = 5;
                command.ExecuteNonQuery();
            }
            catch (SqliteException)
            {
                // VACUUM needs the file to itself; the rows are gone either way.
            }
        }
    }

    /// <summary>Entries stored (expired ones included).</summary>
    public long Count()
    {
        lock (_gate)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM responses";
            return (long)command.ExecuteScalar()!;
        }
    }

    public void Dispose() => _connection.Dispose();
}
