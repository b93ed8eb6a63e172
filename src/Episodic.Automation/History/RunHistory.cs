using Episodic.Routing.Journal;
using Episodic.Routing.Library;
using Episodic.Routing.Reporting;

namespace Episodic.Automation.History;

/// <summary>
/// The runs of a library, read from the journals in its <c>.episodic</c> folder (newest first), and undo of one of
/// them under the library's lock. Shared by <c>episodic history</c>, <c>undo --last</c> and the server's pages.
/// </summary>
public static class RunHistory
{
    /// <summary>Every run recorded in <paramref name="libraryRoot"/>, newest first; none when it has no journals.</summary>
    /// <exception cref="JournalKeyException">The user's journal key cannot be read or made.</exception>
    public static IReadOnlyList<RunRecord> List(string libraryRoot, JournalKey? key = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(libraryRoot);
        var folder = LibraryLock.FolderOf(Path.TrimEndingDirectorySeparator(Path.GetFullPath(libraryRoot)));
        if (!Directory.Exists(folder))
        {
            return [];
        }

        return [.. Directory.GetFiles(folder, "journal-*.jsonl").Select(p => Read(p, key)).OrderByDescending(r => r.Started).ThenByDescending(r => r.Journal, StringComparer.Ordinal)];
    }

    /// <summary>The newest run that has something to undo, or null.</summary>
    public static RunRecord? Last(string libraryRoot, JournalKey? key = null) => List(libraryRoot, key).FirstOrDefault(r => r.CanUndo && r.Filed + r.Deduplicated > 0);

    /// <summary>Reads one journal as a run record (never throws for a bad journal: that is <see cref="RunState.Unreadable"/>).</summary>
    public static RunRecord Read(string journalPath, JournalKey? key = null)
    {
        var file = JournalFile.Load(journalPath, key);
        if (file.Header is not { } header)
        {
            return new RunRecord
            {
                Journal = file.Path,
                Started = NamedTime(file.Path) ?? (File.Exists(file.Path) ? new DateTimeOffset(File.GetLastWriteTimeUtc(file.Path), TimeSpan.Zero) : default),
                State = RunState.Unreadable,
                Problem = file.Problems.Count > 0 ? file.Problems[0].ToString() : null,
            };
        }

        var entries = file.Entries;
        var done = entries.Where(e => e.Type == JournalRecordKind.Done && e.Op != JournalOp.Undo).ToList();
        var undone = entries.Where(e => e.Type == JournalRecordKind.Done && e.Op == JournalOp.Undo && e.Ref is not null).Select(e => e.Ref!).ToHashSet(StringComparer.Ordinal);
        var undoable = done.Where(e => e.Op != JournalOp.Mkdir).Select(e => e.Id).Distinct(StringComparer.Ordinal).ToList();
        var undoneCount = undoable.Count(undone.Contains);
        var pending = RouteJournal.Pending(entries).Count;
        var state = !file.IsValid ? RunState.Unreadable
            : undoable.Count > 0 && undoneCount == undoable.Count ? RunState.Undone
            : undoneCount > 0 ? RunState.PartlyUndone
            : pending > 0 ? RunState.Unfinished
            : RunState.Complete;
        int Count(JournalOp op) => done.Where(e => e.Op == op).Select(e => e.Id).Distinct(StringComparer.Ordinal).Count();
        return new RunRecord
        {
            Journal = file.Path,
            Run = header.Run,
            Library = header.Library,
            AnimeLibrary = header.AnimeLibrary,
            Started = header.Started,
            Ended = entries.Count > 0 ? entries[^1].Time : null,
            Command = header.Command,
            Sources = header.Sources,
            Moved = Count(JournalOp.Move),
            Copied = Count(JournalOp.Copy),
            Linked = Count(JournalOp.Link),
            Deduplicated = Count(JournalOp.Dedup),
            FoldersCreated = Count(JournalOp.Mkdir),
            Undone = undoneCount,
            Bytes = done.Where(e => e.Op is JournalOp.Move or JournalOp.Copy or JournalOp.Link).GroupBy(e => e.Id, StringComparer.Ordinal).Sum(g => g.First().Size ?? 0),
            State = state,
            Problem = file.Problems.Count > 0 ? file.Problems[0].ToString() : null,
        };
    }

    /// <summary>The time in a journal's name ("journal-20261126-042927-546-3fa9c1.jsonl"), or null.</summary>
    private static DateTimeOffset? NamedTime(string path)
    {
        var name = Path.GetFileNameWithoutExtension(path);
        return name.Length >= 27 && DateTime.TryParseExact(name.AsSpan(8, 19), "yyyyMMdd-HHmmss-fff", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal, out var time)
            ? new DateTimeOffset(time, TimeSpan.Zero)
            : null;
    }

    /// <summary>
    /// Undoes the run <paramref name="journalPath"/> records under the lock of the libraries its header names (waiting
    /// up to <paramref name="wait"/>), as <c>episodic undo</c> does.
    /// </summary>
    /// <exception cref="JournalRejectedException">The journal fails its checks (and not <paramref name="force"/>).</exception>
    /// <exception cref="LibraryBusyException">Another run held the lock for all of <paramref name="wait"/>.</exception>
    public static UndoSummary Undo(string journalPath, TimeSpan wait, bool force = false, CancellationToken cancellationToken = default)
    {
        var file = JournalFile.Load(journalPath);
        if (file.Header is null || (!file.IsValid && !force))
        {
            throw new JournalRejectedException(file.Path, file.Problems);
        }

        using var libraryLock = LibraryLock.Acquire(file.Header.LibraryRoots.Where(Directory.Exists), wait, "undo", cancellationToken);
        return RouteUndo.Undo(journalPath, null, force, cancellationToken);
    }
}
