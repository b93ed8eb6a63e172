using System.Text.Json;
using System.Text.Json.Serialization;
using Episodic.Routing.Library;

namespace Episodic.Routing.Journal;

/// <summary>
/// One journal line: what it records (<see cref="JournalRecordKind"/>) about which operation (<see cref="JournalOp"/>;
/// an undo names the undone line in <see cref="Ref"/>).
/// </summary>
public sealed record JournalEntry
{
    /// <summary>The line's place in the journal (the header is 0); a gap or repeat means a line was lost or added.</summary>
    [JsonPropertyName("seq")]
    public long Seq { get; init; }

    [JsonPropertyName("type")]
    public required JournalRecordKind Type { get; init; }

    [JsonPropertyName("op")]
    public required JournalOp Op { get; init; }

    [JsonPropertyName("id")]
    public required string Id { get; init; }

    /// <summary>For undo lines: the id of the routing operation being undone.</summary>
    [JsonPropertyName("ref")]
    public string? Ref { get; init; }

    [JsonPropertyName("src")]
    public string? Source { get; init; }

    [JsonPropertyName("dst")]
    public string? Destination { get; init; }

    [JsonPropertyName("size")]
    public long? Size { get; init; }

    [JsonPropertyName("crc")]
    public string? Crc { get; init; }

    /// <summary>The temp file a copy goes through; recovery deletes it if a crash left it behind.</summary>
    [JsonPropertyName("tmp")]
    public string? Temp { get; init; }

    [JsonPropertyName("time")]
    public DateTimeOffset Time { get; init; } = DateTimeOffset.UtcNow;

    [JsonPropertyName("note")]
    public string? Note { get; init; }
}

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(JournalEntry))]
[JsonSerializable(typeof(JournalHeader))]
internal sealed partial class JournalJson : JsonSerializerContext;

/// <summary>
/// An append-only JSON-lines journal: a header line, then one line per step, numbered in sequence and signed with the
/// user's <see cref="JournalKey"/> in a chain (<see cref="JournalLine"/>). Every line is flushed to the device before the call returns, so after a crash the journal
/// is never behind the file system. A new journal is only created by its first line: a run that changes nothing
/// leaves no file. The file is opened without following a link (<see cref="OwnFile"/>).
/// </summary>
public sealed class RouteJournal : IDisposable
{
    private readonly JournalHeader _header;
    private readonly JournalKey _key;
    private FileStream? _stream;
    private long _seq;
    private byte[] _mac;

    private RouteJournal(string path, JournalHeader header, JournalKey key, FileStream? stream, long seq, byte[] mac)
    {
        Path = path;
        _header = header;
        _key = key;
        _stream = stream;
        _seq = seq;
        _mac = mac;
    }

    public string Path { get; }

    public JournalHeader Header => _header;

    /// <summary>True once the file exists (a line was written, or it was opened to append).</summary>
    public bool Exists => _stream is not null;

    /// <summary>
    /// A new journal at <paramref name="path"/>, signed with <paramref name="key"/> (default: this user's,
    /// <see cref="JournalKey.Current"/>); the file (and its header) is written with the first line.
    /// </summary>
    /// <exception cref="JournalKeyException">The user's key cannot be read or made.</exception>
    public static RouteJournal Create(string path, JournalHeader header, JournalKey? key = null)
    {
        ArgumentNullException.ThrowIfNull(header);
        return new RouteJournal(System.IO.Path.GetFullPath(path), header, key ?? JournalKey.Current, null, 0, []);
    }

    /// <summary>Continues a checked journal: a torn last line is cut off and numbering goes on from the last good line.</summary>
    public static RouteJournal Append(JournalFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (file.Header is null)
        {
            throw new JournalRejectedException(file.Path, file.Problems);
        }

        var stream = OwnFile.Open(file.Path, FileMode.Open, FileAccess.ReadWrite);
        try
        {
            stream.SetLength(file.ValidLength);
            stream.Seek(0, SeekOrigin.End);
            if (stream.Length > 0)
            {
                stream.Seek(-1, SeekOrigin.End);
                var last = stream.ReadByte();
                if (last != '\n')
                {
                    stream.WriteByte((byte)'\n');
                }
            }
        }
        catch
        {
            stream.Dispose();
            throw;
        }

        return new RouteJournal(file.Path, file.Header, file.Key!, stream, file.LastSeq, file.LastMac);
    }

    public static string NewId() => Guid.NewGuid().ToString("N")[..12];

    public void Write(JournalEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (_stream is null)
        {
            var folder = System.IO.Path.GetDirectoryName(Path)!;
            if (OwnFile.IsOwnFolder(folder))
            {
                OwnFile.EnsureFolder(folder);
            }
            else
            {
                Directory.CreateDirectory(folder);
            }

            _stream = OwnFile.Open(Path, FileMode.CreateNew, FileAccess.ReadWrite);
            WriteSealed(JsonSerializer.SerializeToUtf8Bytes(_header with { Seq = 0 }, JournalJson.Default.JournalHeader));
        }

        _seq++;
        WriteSealed(JsonSerializer.SerializeToUtf8Bytes(entry with { Seq = _seq }, JournalJson.Default.JournalEntry));
        _stream.Flush(flushToDisk: true);
    }

    private void WriteSealed(byte[] json)
    {
        var (line, mac) = JournalLine.Seal(json, _key, _mac);
        _stream!.Write(line);
        _mac = mac;
    }

    /// <summary>The valid entries of a journal (see <see cref="JournalFile"/>); a missing or unreadable file has none.</summary>
    public static IReadOnlyList<JournalEntry> Read(string path) => JournalFile.Load(path).Entries;

    /// <summary>Intents (of routing operations, or undo steps when <paramref name="undo"/>) with no done, abandoned or failed line.</summary>
    public static IReadOnlyList<JournalEntry> Pending(IReadOnlyList<JournalEntry> entries, bool undo = false)
    {
        var closed = entries.Where(e => e.Type != JournalRecordKind.Intent).Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        return entries.Where(e => e.Type == JournalRecordKind.Intent && (e.Op == JournalOp.Undo) == undo && !closed.Contains(e.Id)).ToList();
    }

    /// <summary>A new journal's path in <paramref name="journalFolder"/>: timestamped, with a random suffix so two runs never share one.</summary>
    public static string NewPath(string journalFolder, DateTimeOffset now) =>
        System.IO.Path.Join(journalFolder, $"journal-{now.UtcDateTime.ToString("yyyyMMdd-HHmmss-fff", System.Globalization.CultureInfo.InvariantCulture)}-{NewId()[..6]}.jsonl");

    /// <summary>
    /// Journals in <paramref name="journalFolder"/> that a crashed run left with unfinished operations, oldest first,
    /// and those that fail their checks, a planted or foreign one included (so the run that finds them can say it
    /// leaves them alone).
    /// </summary>
    public static IReadOnlyList<string> Unfinished(string journalFolder)
    {
        if (!Directory.Exists(journalFolder))
        {
            return [];
        }

        return Directory.GetFiles(journalFolder, "journal-*.jsonl").Order(StringComparer.Ordinal).Where(p =>
        {
            try
            {
                var file = JournalFile.Load(p);
                return file.Problems.Count > 0 || Pending(file.Entries).Count > 0;
            }
            catch (LibraryAccessException)
            {
                // A link or a FIFO under a journal's name: listed, so the run can say it leaves it alone.
                return true;
            }
        }).ToList();
    }

    public void Dispose() => _stream?.Dispose();
}
