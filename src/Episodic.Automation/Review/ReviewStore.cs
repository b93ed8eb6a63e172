using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Episodic.Core.Metadata;
using Episodic.Core.Model;
using Episodic.Routing.Apply;
using Episodic.Routing.Journal;
using Episodic.Routing.Library;
using Episodic.Routing.Planning;
using Microsoft.Data.Sqlite;

namespace Episodic.Automation.Review;

/// <summary>
/// The review queue of one library: a SQLite file beside its journals (<c>LIB/.episodic/review.db</c>) holding the
/// files runs could not settle. One row per file path: holding a file again updates its row and keeps its id; a
/// skipped file stays recorded (so watch and hooks do not offer the same unchanged file again) but is not listed; a
/// held file that is gone leaves the queue when the queue is read. Every row is signed with the user's journal key, as
/// journals are, so a row planted in the library by someone without the key is ignored, never acted on. The rollback
/// journal (not WAL) keeps the file usable on network shares.
/// </summary>
public sealed class ReviewStore : IDisposable
{
    public const string FileName = "review.db";

    private const string Purpose = "review";
    private const string Alphabet = "23456789abcdefghjkmnpqrstuvwxyz";
    private const int IdLength = 6;

    private readonly SqliteConnection _connection;
    private readonly JournalKey _key;
    private readonly List<string> _untrusted = [];

    private ReviewStore(string library, string path, SqliteConnection connection, JournalKey key)
    {
        Library = library;
        Path = path;
        _connection = connection;
        _key = key;
    }

    /// <summary>The library root (full, normalised) this queue belongs to.</summary>
    public string Library { get; }

    /// <summary>The SQLite file.</summary>
    public string Path { get; }

    /// <summary>Rows found in the file that are not signed with this user's key (planted or foreign), by path; never listed or acted on.</summary>
    public IReadOnlyList<string> Untrusted => _untrusted;

    /// <summary>Where the queue of <paramref name="libraryRoot"/> lives.</summary>
    public static string PathOf(string libraryRoot) => System.IO.Path.Join(LibraryLock.FolderOf(Normalise(libraryRoot)), FileName);

    /// <summary>Opens (creating when needed) the queue of <paramref name="libraryRoot"/>, signing with <paramref name="key"/> (default: the user's).</summary>
    /// <exception cref="JournalKeyException">The user's journal key cannot be read or made.</exception>
    public static ReviewStore Open(string libraryRoot, JournalKey? key = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(libraryRoot);
        var library = Normalise(libraryRoot);
        var path = PathOf(library);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        RefuseLink(path);
        key ??= JournalKey.Current;
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        try
        {
            connection.Open();
            Execute(connection, """
                PRAGMA busy_timeout=15000;
                CREATE TABLE IF NOT EXISTS held (
                    id TEXT PRIMARY KEY,
                    path TEXT NOT NULL UNIQUE,
                    state TEXT NOT NULL,
                    reason TEXT NOT NULL,
                    detail TEXT NOT NULL,
                    size INTEGER NOT NULL,
                    modified INTEGER NOT NULL,
                    source_root TEXT NOT NULL,
                    source_is_release INTEGER NOT NULL,
                    library TEXT NOT NULL,
                    anime_library TEXT,
                    proposal TEXT NOT NULL,
                    metadata_status TEXT,
                    proposed_show TEXT,
                    candidates TEXT NOT NULL,
                    destination TEXT,
                    mode TEXT NOT NULL,
                    held_by TEXT NOT NULL,
                    held_at INTEGER NOT NULL,
                    mac TEXT NOT NULL);
                """);
        }
        catch
        {
            connection.Dispose();
            throw;
        }

        return new ReviewStore(library, path, connection, key);
    }

    /// <summary>The queue of <paramref name="libraryRoot"/> when it has one; null otherwise (nothing is created).</summary>
    public static ReviewStore? OpenExisting(string libraryRoot, JournalKey? key = null) =>
        File.Exists(PathOf(libraryRoot)) ? Open(libraryRoot, key) : null;

    /// <summary>
    /// The held items, oldest first. A held file that no longer exists (filed by a later run, deleted) leaves the queue
    /// here, as does the record of a skipped file that is gone.
    /// </summary>
    public IReadOnlyList<ReviewItem> List()
    {
        var items = new List<ReviewItem>();
        foreach (var (item, state) in ReadAll("SELECT * FROM held ORDER BY held_at, id", null))
        {
            if (!File.Exists(item.Path))
            {
                Remove(item.Id);
                continue;
            }

            if (state == State.Held)
            {
                items.Add(item);
            }
        }

        return items;
    }

    /// <summary>The held item <paramref name="id"/> (case-insensitive), or null (unknown, skipped, unsigned); a held item whose file is gone is removed and null returned.</summary>
    public ReviewItem? Find(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        foreach (var (item, state) in ReadAll("SELECT * FROM held WHERE id = $id", id.Trim().ToLowerInvariant()))
        {
            if (!File.Exists(item.Path))
            {
                Remove(item.Id);
                return null;
            }

            return state == State.Held ? item : null;
        }

        return null;
    }

    /// <summary>
    /// Records <paramref name="item"/> as held (its <see cref="ReviewItem.Id"/> is ignored): a new row with a fresh id, or
    /// the row of the same path updated with its id kept. Returns the stored item, or null when the same unchanged file
    /// was skipped by a person before (it stays skipped).
    /// </summary>
    public ReviewItem? Hold(ReviewItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var existing = ReadAll("SELECT * FROM held WHERE path = $id", item.Path).FirstOrDefault();
        if (existing.Item is { } old && existing.State == State.Skipped && old.Size == item.Size && SameTime(old.Modified, item.Modified))
        {
            return null;
        }

        var id = existing.Item?.Id ?? NewId();
        var stored = item with { Id = id, Library = Library, HeldAt = existing.Item?.HeldAt ?? (item.HeldAt == default ? DateTimeOffset.UtcNow : item.HeldAt) };
        using var command = _connection.CreateCommand();
        command.CommandText = """
            INSERT OR REPLACE INTO held (id, path, state, reason, detail, size, modified, source_root, source_is_release, library, anime_library,
                proposal, metadata_status, proposed_show, candidates, destination, mode, held_by, held_at, mac)
            VALUES ($id, $path, $state, $reason, $detail, $size, $modified, $source_root, $source_is_release, $library, $anime_library,
                $proposal, $metadata_status, $proposed_show, $candidates, $destination, $mode, $held_by, $held_at, $mac)
            """;
        Bind(command, stored, State.Held);
        command.ExecuteNonQuery();
        return stored;
    }

    /// <summary>Drops a held item from the list; the file stays where it is and is not held again while unchanged. False when there is no such held item.</summary>
    public bool Skip(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (Find(id) is not { } item)
        {
            return false;
        }

        using var command = _connection.CreateCommand();
        command.CommandText = "UPDATE held SET state = $state WHERE id = $id";
        command.Parameters.AddWithValue("$state", State.Skipped);
        command.Parameters.AddWithValue("$id", item.Id);
        return command.ExecuteNonQuery() == 1;
    }

    /// <summary>Forgets an item (it was filed); false when there was none.</summary>
    public bool Remove(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        using var command = _connection.CreateCommand();
        command.CommandText = "DELETE FROM held WHERE id = $id";
        command.Parameters.AddWithValue("$id", id.Trim().ToLowerInvariant());
        return command.ExecuteNonQuery() > 0;
    }

    /// <summary>True when a person skipped this file and it has not changed since (watch and hooks leave it alone).</summary>
    public bool IsSkipped(string path, long size, DateTimeOffset modified)
    {
        var (item, state) = ReadAll("SELECT * FROM held WHERE path = $id", path).FirstOrDefault();
        return item is not null && state == State.Skipped && item.Size == size && SameTime(item.Modified, modified);
    }

    /// <summary>True when the file is held (whatever its size now).</summary>
    public bool IsHeld(string path)
    {
        var (item, state) = ReadAll("SELECT * FROM held WHERE path = $id", path).FirstOrDefault();
        return item is not null && state == State.Held;
    }

    public void Dispose() => _connection.Dispose();

    /// <summary>Times as the queue stores them: whole milliseconds.</summary>
    private static bool SameTime(DateTimeOffset a, DateTimeOffset b) => a.ToUnixTimeMilliseconds() == b.ToUnixTimeMilliseconds();

    private static string Normalise(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        return System.IO.Path.GetPathRoot(full) == full ? full : System.IO.Path.TrimEndingDirectorySeparator(full);
    }

    /// <summary>The queue file is opened only as a regular file: a symlink planted in its place could make SQLite write elsewhere.</summary>
    private static void RefuseLink(string path)
    {
        var info = new FileInfo(path);
        if (info.Exists && info.LinkTarget is not null)
        {
            throw new IOException($"the review queue '{path}' is a symbolic link; Episodic does not follow links inside .episodic (remove it)");
        }
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static string NewId()
    {
        Span<char> id = stackalloc char[IdLength];
        for (var i = 0; i < id.Length; i++)
        {
            id[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        return new string(id);
    }

    private IEnumerable<(ReviewItem Item, string State)> ReadAll(string sql, string? id)
    {
        var rows = new List<(ReviewItem, string, string, string, string)>();
        using (var command = _connection.CreateCommand())
        {
            command.CommandText = sql;
            if (id is not null)
            {
                command.Parameters.AddWithValue("$id", id);
            }

            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                if (Read(reader) is { } row)
                {
                    rows.Add(row);
                }
            }
        }

        foreach (var (item, state, mac, path, proposal) in rows)
        {
            if (!_key.VerifyRecord(Purpose, Signed(item, proposal), mac))
            {
                if (!_untrusted.Contains(path, StringComparer.Ordinal))
                {
                    _untrusted.Add(path);
                }

                continue;
            }

            yield return (item, state);
        }
    }

    /// <summary>A row as an item; null for a row this build cannot read (it is then left alone, and reported as untrusted by path).</summary>
    private (ReviewItem, string, string, string, string)? Read(SqliteDataReader r)
    {
        string Text(string column) => r.GetString(r.GetOrdinal(column));
        string? Maybe(string column) => r.IsDBNull(r.GetOrdinal(column)) ? null : r.GetString(r.GetOrdinal(column));
        long Number(string column) => r.GetInt64(r.GetOrdinal(column));
        var path = Text("path");
        try
        {
            if (!HoldReasonNames.TryParse(Text("reason"), out var reason) || ModeOf(Text("mode")) is not { } mode)
            {
                _untrusted.Add(path);
                return null;
            }

            var item = new ReviewItem
            {
                Id = Text("id"),
                Path = path,
                Library = Text("library"),
                AnimeLibrary = Maybe("anime_library"),
                SourceRoot = Text("source_root"),
                SourceIsRelease = Number("source_is_release") != 0,
                Size = Number("size"),
                Modified = DateTimeOffset.FromUnixTimeMilliseconds(Number("modified")),
                Reason = reason.Value,
                Detail = Text("detail"),
                Proposal = EpisodeParseJson.FromJson(Text("proposal")),
                MetadataStatus = StatusOf(Maybe("metadata_status")),
                ProposedShow = Maybe("proposed_show") is { } proposed ? ShowsOf("[" + proposed + "]").FirstOrDefault() : null,
                Candidates = ShowsOf(Text("candidates")),
                Destination = Maybe("destination"),
                Mode = mode,
                HeldBy = Text("held_by"),
                HeldAt = DateTimeOffset.FromUnixTimeMilliseconds(Number("held_at")),
            };
            return (item, Text("state"), Text("mac"), path, Text("proposal"));
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidCastException)
        {
            _untrusted.Add(path);
            return null;
        }
    }

    private void Bind(SqliteCommand command, ReviewItem item, string state)
    {
        object Nullable(string? value) => value is null ? DBNull.Value : value;
        var p = command.Parameters;
        p.AddWithValue("$id", item.Id);
        p.AddWithValue("$path", item.Path);
        p.AddWithValue("$state", state);
        p.AddWithValue("$reason", item.Reason.WireName());
        p.AddWithValue("$detail", item.Detail);
        p.AddWithValue("$size", item.Size);
        p.AddWithValue("$modified", item.Modified.ToUnixTimeMilliseconds());
        p.AddWithValue("$source_root", item.SourceRoot);
        p.AddWithValue("$source_is_release", item.SourceIsRelease ? 1 : 0);
        p.AddWithValue("$library", item.Library);
        p.AddWithValue("$anime_library", Nullable(item.AnimeLibrary));
        var proposal = EpisodeParseJson.ToJson(item.Proposal);
        p.AddWithValue("$proposal", proposal);
        p.AddWithValue("$metadata_status", Nullable(item.MetadataStatus is { } status ? MetadataNames.Of(status) : null));
        p.AddWithValue("$proposed_show", Nullable(item.ProposedShow is { } show ? ShowJson(show) : null));
        p.AddWithValue("$candidates", "[" + string.Join(',', item.Candidates.Select(ShowJson)) + "]");
        p.AddWithValue("$destination", Nullable(item.Destination));
        p.AddWithValue("$mode", ModeName(item.Mode));
        p.AddWithValue("$held_by", item.HeldBy);
        p.AddWithValue("$held_at", item.HeldAt.ToUnixTimeMilliseconds());
        p.AddWithValue("$mac", _key.SignRecord(Purpose, Signed(item, proposal)));
    }

    /// <summary>The fields that steer file operations (which file, from where, into which library, how), and the reading it is filed by.</summary>
    private static byte[] Signed(ReviewItem item, string proposalJson) => Encoding.UTF8.GetBytes(string.Join(
        '\u001f',
        item.Id,
        item.Path,
        item.SourceRoot,
        item.SourceIsRelease ? "1" : "0",
        item.Library,
        item.AnimeLibrary ?? "",
        ModeName(item.Mode),
        item.Destination ?? "",
        proposalJson));

    internal static string ModeName(RouteMode mode) => mode switch
    {
        RouteMode.Copy => "copy",
        RouteMode.Hardlink => "hardlink",
        _ => "move",
    };

    internal static RouteMode? ModeOf(string? name) => name switch
    {
        "move" => RouteMode.Move,
        "copy" => RouteMode.Copy,
        "hardlink" => RouteMode.Hardlink,
        _ => null,
    };

    private static IdentifyStatus? StatusOf(string? name) =>
        name is null ? null : Enum.GetValues<IdentifyStatus>().Cast<IdentifyStatus?>().FirstOrDefault(s => MetadataNames.Of(s!.Value) == name);

    private static string ShowJson(ReviewShow show) =>
        JsonSerializer.Serialize(new StoredShow(show.Id.ToString(), show.Name, show.Year), ReviewStoreJson.Default.StoredShow);

    private static List<ReviewShow> ShowsOf(string json) =>
        [.. (JsonSerializer.Deserialize(json, ReviewStoreJson.Default.ListStoredShow) ?? [])
            .Select(s => ShowId.TryParse(s.Id, out var id) ? new ReviewShow(id.Value, s.Name, s.Year) : null)
            .OfType<ReviewShow>()];

    private static class State
    {
        public const string Held = "held";
        public const string Skipped = "skipped";
    }
}

/// <summary>A show as the queue stores it.</summary>
internal sealed record StoredShow(string Id, string Name, int? Year);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(StoredShow))]
[JsonSerializable(typeof(List<StoredShow>))]
internal sealed partial class ReviewStoreJson : JsonSerializerContext;
