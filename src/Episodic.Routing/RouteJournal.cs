using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Episodic.Routing;

/// <summary>
/// One journal line. <see cref="Type"/>: "intent" (written and flushed before an operation), "done" (after it),
/// "abandoned" (a recovered intent that left nothing to finish) or "failed". <see cref="Op"/>: move, copy, link,
/// dedup (identical file already at the destination, source removed), mkdir, or undo (with <see cref="Ref"/>).
/// </summary>
public sealed record JournalEntry
{
    [JsonPropertyName("type")]
    public required string Type { get; init; }

    [JsonPropertyName("op")]
    public required string Op { get; init; }

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

/// <summary>Journal entry type and operation names.</summary>
public static class JournalNames
{
    public const string Intent = "intent";
    public const string Done = "done";
    public const string Abandoned = "abandoned";
    public const string Failed = "failed";

    public const string Move = "move";
    public const string Copy = "copy";
    public const string Link = "link";
    public const string Dedup = "dedup";
    public const string Mkdir = "mkdir";
    public const string Undo = "undo";
}

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(JournalEntry))]
internal sealed partial class JournalJson : JsonSerializerContext;

/// <summary>
/// An append-only JSON-lines journal. Every line is flushed to the device before the call returns, so after a crash
/// the journal is never behind the file system: each operation that may have happened has its intent on disk.
/// </summary>
public sealed class RouteJournal : IDisposable
{
    private readonly FileStream _stream;

    private RouteJournal(FileStream stream) => _stream = stream;

    public string Path => _stream.Name;

    public static RouteJournal Open(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        return new RouteJournal(new FileStream(full, FileMode.Append, FileAccess.Write, FileShare.Read));
    }

    public static string NewId() => Guid.NewGuid().ToString("N")[..12];

    public void Write(JournalEntry entry)
    {
        var line = JsonSerializer.SerializeToUtf8Bytes(entry, JournalJson.Default.JournalEntry);
        _stream.Write(line);
        _stream.WriteByte((byte)'\n');
        _stream.Flush(flushToDisk: true);
    }

    /// <summary>Every readable line of a journal; a line torn by a crash mid-write is ignored (its operation had not started).</summary>
    public static IReadOnlyList<JournalEntry> Read(string path)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        var entries = new List<JournalEntry>();
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        while (reader.ReadLine() is { } line)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                if (JsonSerializer.Deserialize(line, JournalJson.Default.JournalEntry) is { } entry)
                {
                    entries.Add(entry);
                }
            }
            catch (JsonException)
            {
                // torn last line
            }
        }

        return entries;
    }

    /// <summary>Intents (of routing operations, or undo steps when <paramref name="undo"/>) with no done, abandoned or failed line.</summary>
    public static IReadOnlyList<JournalEntry> Pending(IReadOnlyList<JournalEntry> entries, bool undo = false)
    {
        var closed = entries.Where(e => e.Type != JournalNames.Intent).Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        return entries.Where(e => e.Type == JournalNames.Intent && (e.Op == JournalNames.Undo) == undo && !closed.Contains(e.Id)).ToList();
    }

    /// <summary>
    /// The journal for a run writing under <paramref name="journalFolder"/>: the newest one a crashed run left with
    /// unfinished intents (so re-running the same route resumes it), else a new timestamped file.
    /// </summary>
    public static (string Path, bool Resuming) ForRun(string journalFolder, DateTimeOffset now)
    {
        if (Directory.Exists(journalFolder))
        {
            var unfinished = Directory.GetFiles(journalFolder, "journal-*.jsonl").Order(StringComparer.Ordinal).Reverse()
                .FirstOrDefault(p => Pending(Read(p)).Count > 0);
            if (unfinished is not null)
            {
                return (unfinished, true);
            }
        }

        var name = $"journal-{now.UtcDateTime.ToString("yyyyMMdd-HHmmss-fff", System.Globalization.CultureInfo.InvariantCulture)}.jsonl";
        return (System.IO.Path.Join(journalFolder, name), false);
    }

    public void Dispose() => _stream.Dispose();
}
