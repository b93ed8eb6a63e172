using Episodic.Routing.Apply;
using Episodic.Routing.Planning;
using Episodic.Routing.Reporting;

namespace Episodic.Routing.Journal;

/// <summary>
/// Finishes what a crashed run left in the journal, before the re-run plans anew. For each intent without a "done"
/// line, the state of the disk decides: temp files are removed; a move whose source is gone and whose destination is
/// complete is marked done; a move or copy whose destination is complete and identical to a still-present source is
/// finished (the source is removed for a move). Anything else is marked abandoned and the source, still in place,
/// is simply routed again by the new plan.
/// </summary>
internal static class JournalRecovery
{
    /// <summary>Resolves every pending intent; returns the lines written (done or abandoned).</summary>
    public static IReadOnlyList<JournalEntry> Recover(IReadOnlyList<JournalEntry> entries, RouteJournal journal, FileOps ops, RouteSummary summary)
    {
        var written = new List<JournalEntry>();
        foreach (var intent in RouteJournal.Pending(entries))
        {
            try
            {
                written.Add(RecoverOne(intent, journal, ops, summary));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                summary.Problem($"could not recover '{intent.Source}' → '{intent.Destination}' from the journal: {ex.Message}");
            }
        }

        return written;
    }

    /// <summary>
    /// Sidecars a crash separated from their video: the video's move is done (its source is gone) but a file with its
    /// stem still sits where it was. The re-run's scan cannot see them (it finds videos), so the journal leads.
    /// </summary>
    public static IEnumerable<(string Source, string Destination)> StrandedSidecars(IEnumerable<JournalEntry> entries)
    {
        var listings = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var e in entries)
        {
            if (e.Type != JournalRecordKind.Done || e.Op is not (JournalOp.Move or JournalOp.Dedup) || e.Source is not { } src || e.Destination is not { } dst
                || !SourceScanner.IsVideo(src) || File.Exists(src))
            {
                continue;
            }

            var dir = Path.GetDirectoryName(src)!;
            if (!listings.TryGetValue(dir, out var files))
            {
                files = Directory.Exists(dir) ? Directory.GetFiles(dir) : [];
                listings[dir] = files;
            }

            var stem = Path.GetFileNameWithoutExtension(src);
            foreach (var file in files)
            {
                var name = Path.GetFileName(file);
                if (SourceScanner.IsSidecarOf(name, stem) && File.Exists(file))
                {
                    yield return (file, Path.Join(Path.GetDirectoryName(dst), Path.GetFileNameWithoutExtension(dst) + Companions.CompanionName.Suffix(name, name[..stem.Length])));
                }
            }
        }
    }

    private static JournalEntry RecoverOne(JournalEntry intent, RouteJournal journal, FileOps ops, RouteSummary summary)
    {
        if (intent.Temp is { } temp && File.Exists(temp))
        {
            ops.Delete(temp);
            summary.Note($"removed the temp file '{temp}' an interrupted run left");
        }

        if (intent.Op == JournalOp.Mkdir)
        {
            // Made or not, the folder is the undo's business (it is removed when empty); nothing to finish here.
            var made = intent with { Type = Directory.Exists(intent.Destination) ? JournalRecordKind.Done : JournalRecordKind.Abandoned, Time = DateTimeOffset.UtcNow };
            journal.Write(made);
            return made;
        }

        if (intent.Op == JournalOp.Rmdir)
        {
            var removed = intent with { Type = Directory.Exists(intent.Source) ? JournalRecordKind.Abandoned : JournalRecordKind.Done, Time = DateTimeOffset.UtcNow };
            journal.Write(removed);
            return removed;
        }

        var src = intent.Source!;
        var dst = intent.Destination!;
        if (Transfer.SamePathIgnoringCase(src, dst))
        {
            var closed = intent with { Type = JournalRecordKind.Abandoned, Time = DateTimeOffset.UtcNow, Temp = null };
            journal.Write(closed);
            return closed;
        }

        var srcExists = File.Exists(src);
        var dstExists = File.Exists(dst);
        var dstComplete = dstExists && (intent.Size is not { } size || new FileInfo(dst).Length == size);
        var finished = intent.Op switch
        {
            JournalOp.Move or JournalOp.Dedup or JournalOp.Trash when !srcExists && dstComplete => true,
            JournalOp.Move or JournalOp.Dedup or JournalOp.Trash when srcExists && dstComplete && ContentHash.Identical(src, dst) => FinishMove(ops, src),
            JournalOp.Copy or JournalOp.Link when srcExists && dstComplete && ContentHash.Identical(src, dst) => true,
            _ => false,
        };

        if (finished)
        {
            var done = intent with { Type = JournalRecordKind.Done, Time = DateTimeOffset.UtcNow, Note = "recovered", Temp = null };
            journal.Write(done);
            summary.Recovered++;
            summary.Note($"completed the interrupted {intent.Op.WireName()} '{src}' → '{dst}'");
            return done;
        }

        if (!srcExists && !dstExists)
        {
            summary.Problem($"the journal's {intent.Op.WireName()} '{src}' → '{dst}': neither file exists any more");
        }

        var abandoned = intent with { Type = JournalRecordKind.Abandoned, Time = DateTimeOffset.UtcNow, Temp = null };
        journal.Write(abandoned);
        return abandoned;
    }

    /// <summary>The copy was renamed into place before the crash: only deleting the source was left.</summary>
    private static bool FinishMove(FileOps ops, string src)
    {
        ops.Delete(src);
        return true;
    }
}
