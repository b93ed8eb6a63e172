using System.Text.Json;
using Episodic.Routing.Library;

namespace Episodic.Routing.Journal;

/// <summary>One line of a journal that cannot be used, by its 1-based line number.</summary>
public sealed record JournalProblem(int Line, string Reason)
{
    public override string ToString() => $"line {Line}: {Reason}";
}

/// <summary>
/// A journal read and checked as a whole: the header (signed with this user's <see cref="JournalKey"/>, naming the
/// library whose <c>.episodic</c> folder holds it), then every line in sequence with a MAC that verifies and only
/// paths inside the header's roots (<see cref="JournalScope"/>). A torn last line (a crash mid-write) is dropped
/// quietly; every other bad line is a <see cref="JournalProblem"/> and its entry is left out. A header that fails
/// leaves <see cref="Header"/> null: nothing in the file is used, not even with <c>--force</c>.
/// </summary>
public sealed class JournalFile
{
    private JournalFile(string path) => Path = path;

    public string Path { get; }

    /// <summary>Null when the first line is not a valid header (an empty file, a non-journal, a damaged header).</summary>
    public JournalHeader? Header { get; private set; }

    /// <summary>The valid entries, in file order.</summary>
    public IReadOnlyList<JournalEntry> Entries { get; private set; } = [];

    public IReadOnlyList<JournalProblem> Problems { get; private set; } = [];

    /// <summary>The last line was cut off mid-write (ignored: its operation had not started).</summary>
    public bool TornTail { get; private set; }

    /// <summary>Bytes up to the end of the last good line; an append starts here (a torn tail is cut off).</summary>
    internal long ValidLength { get; private set; }

    internal long LastSeq { get; private set; }

    /// <summary>The MAC of the last good line: an append chains on it.</summary>
    internal byte[] LastMac { get; private set; } = [];

    /// <summary>The key the journal was checked with (and an append signs with).</summary>
    internal JournalKey? Key { get; private set; }

    /// <summary>True when the journal can be used as it is: a header and no bad line.</summary>
    public bool IsValid => Header is not null && Problems.Count == 0;

    /// <summary>
    /// Reads and checks <paramref name="path"/> with <paramref name="key"/> (default: this user's,
    /// <see cref="JournalKey.Current"/>); a missing file is reported as a problem, never thrown.
    /// </summary>
    /// <exception cref="JournalKeyException">The user's key cannot be read or made.</exception>
    /// <exception cref="LibraryAccessException">The path is a symbolic link or not a regular file (never followed).</exception>
    public static JournalFile Load(string path, JournalKey? key = null)
    {
        var file = new JournalFile(System.IO.Path.GetFullPath(path));
        byte[] bytes;
        try
        {
            using var stream = OwnFile.Open(file.Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            bytes = new byte[stream.Length];
            stream.ReadExactly(bytes);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            file.Problems = [new JournalProblem(0, "no such journal")];
            return file;
        }

        file.Key = key ?? JournalKey.Current;
        file.Parse(bytes, file.Key);
        return file;
    }

    private void Parse(byte[] bytes, JournalKey key)
    {
        var lines = Split(bytes);
        if (lines.Count == 0)
        {
            Problems = [new JournalProblem(1, "the journal is empty")];
            return;
        }

        var problems = new List<JournalProblem>();
        var entries = new List<JournalEntry>();
        var (headerStart, headerLength, headerTerminated) = lines[0];
        var header = ReadHeader(bytes.AsSpan(headerStart, headerLength), key, out var headerProblem, out var headerMac);
        headerProblem ??= header is null ? null : CheckPlace(header);
        if (header is null || headerProblem is not null)
        {
            Problems = [new JournalProblem(1, headerProblem!)];
            return;
        }

        Header = header;
        LastMac = headerMac!;
        var previous = headerMac!;
        ValidLength = headerStart + headerLength + (headerTerminated ? 1 : 0);
        long? expected = 1;
        for (var i = 1; i < lines.Count; i++)
        {
            var (start, length, terminated) = lines[i];
            var entry = ReadEntry(bytes.AsSpan(start, length), header, key, previous, out var reason, out var written);
            previous = written ?? previous;
            // After an unreadable line its number is unknown: the next good line only has to move forward.
            if (entry is not null && reason is null && (expected is { } e ? entry.Seq != e : entry.Seq <= LastSeq))
            {
                reason = entry.Seq <= LastSeq
                    ? $"sequence number {entry.Seq} repeats or goes back (the last was {LastSeq})"
                    : $"sequence number {entry.Seq} skips {entry.Seq - expected} line(s) (expected {expected}): lines are missing";
            }

            if (reason is null)
            {
                entries.Add(entry!);
                expected = entry!.Seq + 1;
                LastSeq = entry.Seq;
                LastMac = written!;
                ValidLength = start + length + (terminated ? 1 : 0);
                continue;
            }

            if (i == lines.Count - 1 && !terminated)
            {
                TornTail = true;
                continue;
            }

            problems.Add(new JournalProblem(i + 1, reason));
            expected = entry is not null && entry.Seq > LastSeq ? entry.Seq + 1 : null;
        }

        Entries = entries;
        Problems = problems;
    }

    private static JournalHeader? ReadHeader(ReadOnlySpan<byte> line, JournalKey key, out string? problem, out byte[]? mac)
    {
        problem = "not an Episodic journal (the first line is not a journal header)";
        mac = null;
        JournalHeader? header;
        try
        {
            header = JsonSerializer.Deserialize(line, JournalJson.Default.JournalHeader);
        }
        catch (JsonException)
        {
            return null;
        }

        if (header is null || header.Format == 0 || header.Run is null || header.Library is null || header.Sources is null)
        {
            return null;
        }

        if (header.Format != JournalHeader.CurrentFormat)
        {
            problem = header.Format < JournalHeader.CurrentFormat
                ? $"journal format {header.Format} is not signed (this build reads format {JournalHeader.CurrentFormat}, signed with the user's journal key); an older build of episodic can still undo it"
                : $"journal format {header.Format} is newer than this build reads (format {JournalHeader.CurrentFormat}); undo it with the build that wrote it";
            return null;
        }

        problem = JournalLine.Verify(line, key, [], out mac) is { } macProblem
            ? $"the header is not signed with this user's journal key ({key.Path}): {macProblem}; a journal is only trusted by the user who wrote it"
            : JournalScope.CheckHeader(header) ?? (header.Seq != 0 ? "the header's sequence number is not 0" : null);
        return problem is null ? header : null;
    }

    /// <summary>
    /// A journal in a library's <c>.episodic</c> folder must name that library: one copied into another library would
    /// otherwise act there. A journal kept elsewhere (<c>--journal FILE</c>) is judged by its signature and roots alone.
    /// </summary>
    private string? CheckPlace(JournalHeader header)
    {
        var folder = System.IO.Path.GetDirectoryName(Path);
        if (folder is null || System.IO.Path.GetFileName(folder) != LibraryLock.FolderName || System.IO.Path.GetDirectoryName(folder) is not { } library)
        {
            return null;
        }

        library = JournalScope.Normalise(library);
        return header.LibraryRoots.Any(r => JournalScope.SamePath(r, library))
            ? null
            : $"the journal sits in the library '{library}' but its header names the library '{header.Library}'";
    }

    private static JournalEntry? ReadEntry(ReadOnlySpan<byte> line, JournalHeader header, JournalKey key, ReadOnlySpan<byte> previous, out string? reason, out byte[]? written)
    {
        written = null;
        if (line.IsEmpty || line.Trim(" \t\r"u8).IsEmpty)
        {
            reason = "an empty line";
            return null;
        }

        if (JournalLine.Verify(line, key, previous, out written) is { } sealProblem)
        {
            reason = sealProblem;
            return null;
        }

        JournalEntry? entry;
        try
        {
            entry = JsonSerializer.Deserialize(line, JournalJson.Default.JournalEntry);
        }
        catch (JsonException ex)
        {
            // The path names the field ("$.op"); the message would name .NET types, so it is not shown.
            reason = ex.Path is { Length: > 2 } at && at.StartsWith("$.", StringComparison.Ordinal)
                ? $"field '{at[2..]}' holds a value the journal format does not have"
                : "not valid JSON";
            return null;
        }

        if (entry is null)
        {
            reason = "not a journal entry";
            return null;
        }

        reason = JournalScope.Check(header, entry);
        return entry;
    }

    /// <summary>(start, length, ends with a newline) for each line; a trailing empty remainder is not a line.</summary>
    private static List<(int Start, int Length, bool Terminated)> Split(byte[] bytes)
    {
        var lines = new List<(int, int, bool)>();
        var start = 0;
        while (start < bytes.Length)
        {
            var end = Array.IndexOf(bytes, (byte)'\n', start);
            if (end < 0)
            {
                lines.Add((start, bytes.Length - start, false));
                break;
            }

            lines.Add((start, end - start, true));
            start = end + 1;
        }

        return lines;
    }
}
