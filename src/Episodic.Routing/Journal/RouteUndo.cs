using Episodic.Routing.Apply;
using Episodic.Routing.Reporting;

namespace Episodic.Routing.Journal;

/// <summary>
/// Reverses a journal, newest operation first, judging each by the state of the disk so that it is safe to re-run:
/// moves go back (only when nothing is in the way and the file still has the journaled size and CRC32, so a file the
/// user replaced is never taken out of the library), dedups are restored by copying the kept file back, copies and links
/// are deleted only when their source still exists with identical content, and folders routing created are removed
/// when empty. Every step is journaled (op "undo", ref = the operation's id) so an interrupted undo resumes.
/// </summary>
public static class RouteUndo
{
    /// <summary>
    /// Undoes the run <paramref name="journalPath"/> records. The whole journal is checked first: with any bad line (a
    /// torn last line aside) nothing is touched and <see cref="JournalRejectedException"/> says which line, unless
    /// <paramref name="force"/>, which undoes the valid lines and lists the others in <see cref="UndoSummary.Problems"/>.
    /// </summary>
    public static UndoSummary Undo(string journalPath, IProgress<RouteProgress>? progress = null, bool force = false, CancellationToken cancellationToken = default) =>
        Undo(journalPath, FileOps.Real, progress, force, cancellationToken);

    internal static UndoSummary Undo(string journalPath, FileOps ops, IProgress<RouteProgress>? progress = null, bool force = false, CancellationToken cancellationToken = default)
    {
        var file = JournalFile.Load(journalPath);
        if (file.Header is null || (!file.IsValid && !force))
        {
            throw new JournalRejectedException(file.Path, file.Problems);
        }

        var summary = new UndoSummary();
        foreach (var problem in file.Problems)
        {
            summary.Problem($"not undone: {problem} (left out by --force)");
            summary.Unreadable++;
        }

        var entries = file.Entries;
        using var journal = RouteJournal.Append(file);
        // Temp files of interrupted copies (routing's or an earlier undo's) hold nothing that is not also elsewhere;
        // the journal check has made sure each is one of ours, beside its destination.
        foreach (var stale in RouteJournal.Pending(entries).Concat(RouteJournal.Pending(entries, undo: true)))
        {
            if (stale.Temp is { } temp && File.Exists(temp))
            {
                ops.Delete(temp);
            }
        }

        var undone = entries.Where(e => e.Op == JournalOp.Undo && e.Type == JournalRecordKind.Done && e.Ref is not null).Select(e => e.Ref!).ToHashSet(StringComparer.Ordinal);
        var steps = Steps(entries).Where(e => !undone.Contains(e.Id)).Reverse().ToList();
        for (var i = 0; i < steps.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            progress?.Report(new RouteProgress(i, steps.Count, steps[i].Destination ?? "", 0));
            try
            {
                UndoOne(steps[i], journal, ops, summary);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                summary.Failed++;
                summary.Problem($"could not undo {steps[i].Op.WireName()} '{steps[i].Source}' → '{steps[i].Destination}': {ex.Message}");
            }
        }

        progress?.Report(new RouteProgress(steps.Count, steps.Count, "", 0));

        // The caller holds the library lock, so the run that wrote the journal is not live: a missing end record means
        // it was killed or crashed, or the journal was cut at a line boundary (which no MAC can show).
        if (file.EndsEarly)
        {
            summary.EndsEarly = true;
            var after = file.LastRoutingTime is { } last ? $" after {last.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}" : "";
            summary.Problem($"the journal ends early: it has no end record, so the run that wrote it was killed or crashed, or its last lines were cut off; everything it names was undone, but files that run filed{after} may still be in {string.Join(" and ", file.Header.LibraryRoots)}");
        }

        return summary;
    }

    /// <summary>
    /// Every routing operation that may have touched the disk, in journal order, once each: all intents (done or not —
    /// a crash may have struck after the operation but before its done line) and the folders created.
    /// </summary>
    private static IEnumerable<JournalEntry> Steps(IReadOnlyList<JournalEntry> entries)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in entries)
        {
            var isStep = e.Op != JournalOp.Undo && (e.Type == JournalRecordKind.Intent || (e.Op == JournalOp.Mkdir && e.Type == JournalRecordKind.Done));
            if (isStep && seen.Add(e.Id))
            {
                yield return e;
            }
        }
    }

    private static void UndoOne(JournalEntry step, RouteJournal journal, FileOps ops, UndoSummary summary)
    {
        if (step.Op == JournalOp.Mkdir)
        {
            var dir = step.Destination!;
            if (Directory.Exists(dir) && !Directory.EnumerateFileSystemEntries(dir).Any())
            {
                Directory.Delete(dir);
            }

            Close(journal, step, null);
            return;
        }

        if (step.Op == JournalOp.Rmdir)
        {
            // The release folder the clean-up removed comes back before its leftovers are moved back into it.
            ops.CreateDirectory(step.Source!);
            Close(journal, step, "folder made again");
            return;
        }

        var src = step.Source!;
        var dst = step.Destination!;
        if (Transfer.SamePathIgnoringCase(src, dst))
        {
            // Possibly one file under two spellings: deleting "the copy" could delete the only one.
            Close(journal, step, null);
            summary.AlreadyBack++;
            return;
        }

        var srcExists = File.Exists(src);
        var dstExists = File.Exists(dst);
        if (step.Op is JournalOp.Move or JournalOp.Dedup or JournalOp.Trash && dstExists && !srcExists && Replaced(step, dst) is { } replaced)
        {
            // As for copies: a file that is not the one routing put there is never moved (or copied) back in its place.
            summary.Conflicts++;
            summary.Problem($"not undone: '{dst}' is not the file routing filed there ({replaced}): it was replaced since; it stays in the library and '{src}' is not recreated");
            return;
        }

        switch (step.Op)
        {
            case JournalOp.Move or JournalOp.Trash when dstExists && !srcExists:
                Act(journal, step, src, dst, temp => Transfer.Move(ops, dst, src, temp, step.Crc is not null), ops, sourceFolder: true);
                summary.Restored++;
                break;
            case JournalOp.Dedup when dstExists && !srcExists:
                // The library already had this file: it stays, and the source gets its copy back.
                Act(journal, step, src, dst, temp => Transfer.CopyVerified(ops, dst, src, temp, step.Crc is not null), ops, sourceFolder: true);
                summary.Restored++;
                break;
            case JournalOp.Move or JournalOp.Copy or JournalOp.Link or JournalOp.Trash when dstExists && srcExists:
                if (!ContentHash.Identical(src, dst))
                {
                    summary.Conflicts++;
                    summary.Problem($"not undone: '{src}' and '{dst}' both exist with different content; both are kept");
                    return;
                }

                Act(journal, step, src, dst, _ => ops.Delete(dst), ops, sourceFolder: false);
                summary.Removed++;
                break;
            case JournalOp.Copy or JournalOp.Link when dstExists && !srcExists:
                summary.Problem($"kept '{dst}': its source '{src}' is gone, so the library copy is the only one");
                break;
            case var _ when srcExists:
                Close(journal, step, null);
                summary.AlreadyBack++;
                break;
            default:
                summary.Failed++;
                summary.Problem($"cannot undo {step.Op.WireName()}: neither '{src}' nor '{dst}' exists");
                break;
        }
    }

    /// <summary>
    /// Why the file at the destination is not the one the journal recorded — another size, or (when the content was
    /// checked against the name's CRC32 tag before it moved, <c>crc_checked</c>) another CRC32 — or null when it may be.
    /// </summary>
    private static string? Replaced(JournalEntry step, string dst)
    {
        var length = new FileInfo(dst).Length;
        if (step.Size is { } size && length != size)
        {
            return $"{length} bytes, the journal says {size}";
        }

        if (step.Crc is { } crc && step.CrcChecked == true && ContentHash.Hex(ContentHash.Crc32Of(dst)) is var actual && !string.Equals(actual, crc, StringComparison.OrdinalIgnoreCase))
        {
            return $"CRC32 {actual}, the journal says {crc}";
        }

        return null;
    }

    private static void Act(RouteJournal journal, JournalEntry step, string src, string dst, Action<string> action, FileOps ops, bool sourceFolder)
    {
        var temp = Transfer.TempBeside(src);
        var intent = new JournalEntry { Type = JournalRecordKind.Intent, Op = JournalOp.Undo, Id = RouteJournal.NewId(), Ref = step.Id, Source = dst, Destination = src, Size = step.Size, Temp = temp, Note = step.Op.WireName() };
        journal.Write(intent);
        if (sourceFolder)
        {
            ops.CreateDirectory(Path.GetDirectoryName(src)!);
        }

        action(temp);
        journal.Write(intent with { Type = JournalRecordKind.Done, Time = DateTimeOffset.UtcNow, Temp = null });
    }

    private static void Close(RouteJournal journal, JournalEntry step, string? note) =>
        journal.Write(new JournalEntry { Type = JournalRecordKind.Done, Op = JournalOp.Undo, Id = RouteJournal.NewId(), Ref = step.Id, Note = note ?? "already undone" });
}
