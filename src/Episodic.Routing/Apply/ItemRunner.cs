using Episodic.Routing.Journal;
using Episodic.Routing.Planning;
using Episodic.Routing.Reporting;

namespace Episodic.Routing.Apply;

/// <summary>Applies one plan item (its video, then its sidecars) for <see cref="RouteExecutor"/>.</summary>
internal sealed class ItemRunner(RouteJournal journal, ApplyOptions options, RouteSummary summary)
{
    private readonly FileOps _ops = options.Ops;

    /// <summary>The video whose content was just checked against its name's CRC32 tag (--verify-crc), if any.</summary>
    private string? _crcChecked;

    public void Run(RouteItem item)
    {
        switch (item.Action)
        {
            case RouteAction.Skip:
                summary.Skipped++;
                return;
            case RouteAction.AlreadyDone:
                summary.AlreadyDone++;
                return;
        }

        try
        {
            if (RouteVideo(item) is { } finalDestination)
            {
                foreach (var (source, destination) in item.Sidecars)
                {
                    RouteSidecar(source, destination, item.Destination!, finalDestination);
                }
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            summary.Failed++;
            summary.Problem($"failed: '{item.Source}': {ex.Message} (the source is kept)");
        }
    }

    /// <summary>A sidecar an interrupted run left behind its (already routed) video.</summary>
    public void RouteStranded(string src, string destination)
    {
        try
        {
            if (Place(src, destination) is not null)
            {
                summary.Recovered++;
                summary.Note($"routed '{src}', left behind by an interrupted run, beside its video");
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            summary.Failed++;
            summary.Problem($"failed: sidecar '{src}': {ex.Message} (the source is kept)");
        }
    }

    /// <summary>Routes the video; returns where it ended up (for the sidecars), or null when it stayed put.</summary>
    private string? RouteVideo(RouteItem item)
    {
        var src = item.Source;
        if (!File.Exists(src))
        {
            summary.Skipped++;
            summary.Problem(new FileInfo(src).LinkTarget is { } target
                ? $"skipped: '{src}' is a symlink to '{target}', which does not exist"
                : $"skipped: '{src}' no longer exists");
            return null;
        }

        if (options.VerifyCrc && ContentHash.TagOf(src) is { } tag)
        {
            var actual = ContentHash.Hex(ContentHash.Crc32Of(src));
            if (actual != tag)
            {
                summary.CrcMismatches++;
                summary.Skipped++;
                summary.Problem($"CRC32 mismatch: '{src}' is named [{tag}] but its content is {actual}; not moved");
                return null;
            }

            summary.Verified++;
            _crcChecked = src;
        }

        return Place(src, item.Destination!, item);
    }

    private void RouteSidecar(string src, string plannedDestination, string plannedVideo, string finalVideo)
    {
        if (!File.Exists(src))
        {
            return;
        }

        // A video filed as "name (2).mkv" takes its subtitles along as "name (2).en.srt".
        var destination = plannedVideo == finalVideo
            ? plannedDestination
            : Path.Join(Path.GetDirectoryName(finalVideo), SourceScanner.SidecarName(Path.GetFileName(plannedDestination), Path.GetFileNameWithoutExtension(plannedVideo), Path.GetFileNameWithoutExtension(finalVideo)));
        try
        {
            Place(src, destination);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            summary.Failed++;
            summary.Problem($"failed: sidecar '{src}': {ex.Message} (the source is kept)");
        }
    }

    /// <summary>
    /// Handles collisions, then transfers. Returns the destination used, or null when the file stays. A video
    /// (<paramref name="video"/> given) left in place by a conflict is recorded as held, so a review queue can take it.
    /// </summary>
    private string? Place(string src, string destination, RouteItem? video = null)
    {
        if (Apply.Transfer.SamePathIgnoringCase(src, destination))
        {
            // On a case-insensitive file system this is the same file: "identical, remove the source" would delete it.
            summary.AlreadyDone++;
            return destination;
        }

        if (File.Exists(destination))
        {
            if (ContentHash.Identical(src, destination))
            {
                KeepOne(src, destination);
                return destination;
            }

            summary.Conflicts++;
            if (options.OnConflict == OnConflict.Skip)
            {
                summary.Skipped++;
                summary.Problem($"conflict: '{destination}' exists with different content; '{src}' is left in place");
                if (video is not null)
                {
                    summary.Hold(video, new RouteHold(HoldReason.Conflict, $"a different file is already at '{destination}'"));
                }

                return null;
            }

            destination = FreeName(destination);
            summary.Note($"conflict: '{src}' filed as '{Path.GetFileName(destination)}' beside the different existing file");
        }

        Transfer(src, destination);
        return destination;
    }

    /// <summary>Identical content is already there: in move mode the source goes (one copy kept); otherwise nothing to do.</summary>
    private void KeepOne(string src, string destination)
    {
        summary.AlreadyDone++;
        if (options.Mode != RouteMode.Move)
        {
            summary.AddFiled(new FiledFile(src, destination, SourceScanner.IsVideo(src), SourceRemoved: false, Changed: false));
            return;
        }

        var id = RouteJournal.NewId();
        var intent = new JournalEntry { Type = JournalRecordKind.Intent, Op = JournalOp.Dedup, Id = id, Source = src, Destination = destination, Size = Apply.Transfer.ContentLength(src) };
        journal.Write(intent);
        _ops.Delete(src);
        journal.Write(intent with { Type = JournalRecordKind.Done, Time = DateTimeOffset.UtcNow });
        summary.AddFiled(new FiledFile(src, destination, SourceScanner.IsVideo(src), SourceRemoved: true, Changed: false));
    }

    private void Transfer(string src, string destination)
    {
        EnsureFolder(Path.GetDirectoryName(destination)!);
        var size = Apply.Transfer.ContentLength(src);
        var link = Apply.Transfer.IsLink(src);
        var tag = SourceScanner.IsVideo(src) ? ContentHash.TagOf(src) : null;
        // Hard links journal the temp too: across file systems they fall back to a copy through it, and a kill mid-copy
        // must leave resume and undo a line that names it.
        var temp = Apply.Transfer.TempBeside(destination);
        var op = options.Mode switch
        {
            RouteMode.Copy => JournalOp.Copy,
            RouteMode.Hardlink => JournalOp.Link,
            _ => JournalOp.Move,
        };
        var intent = new JournalEntry { Type = JournalRecordKind.Intent, Op = op, Id = RouteJournal.NewId(), Source = src, Destination = destination, Size = size, Crc = tag, CrcChecked = tag is not null && _crcChecked == src ? true : null, Temp = temp };
        journal.Write(intent);
        string? note = null;
        try
        {
            switch (options.Mode)
            {
                case RouteMode.Copy:
                    Apply.Transfer.CopyVerified(_ops, src, destination, temp, tag is not null);
                    summary.Copied++;
                    break;
                case RouteMode.Hardlink:
                    // A hard link to a symlink would be a second symlink: link the file it points to.
                    note = Link(link ? new FileInfo(src).ResolveLinkTarget(returnFinalTarget: true)!.FullName : src, destination, temp, tag is not null);
                    break;
                case RouteMode.Move when link:
                    // Renaming a symlink moves the link (a relative one dangles); the content is copied in and the link removed.
                    Apply.Transfer.MoveAcrossDevices(_ops, src, destination, temp, tag is not null);
                    summary.Moved++;
                    note = "symlink: content copied, link removed";
                    break;
                default:
                    Apply.Transfer.Move(_ops, src, destination, temp, tag is not null);
                    summary.Moved++;
                    break;
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            journal.Write(intent with { Type = JournalRecordKind.Failed, Time = DateTimeOffset.UtcNow, Note = ex.Message, Temp = null });
            throw;
        }

        journal.Write(intent with { Type = JournalRecordKind.Done, Time = DateTimeOffset.UtcNow, Note = note, Temp = null });
        summary.Bytes += size;
        summary.AddFiled(new FiledFile(src, destination, SourceScanner.IsVideo(src), SourceRemoved: op == JournalOp.Move));
    }

    private string? Link(string src, string destination, string temp, bool checkCrc)
    {
        try
        {
            _ops.HardLink(src, destination);
            summary.Linked++;
            return null;
        }
        catch (CrossDeviceException ex)
        {
            Apply.Transfer.CopyVerified(_ops, src, destination, temp, checkCrc);
            summary.Copied++;
            summary.Note($"'{src}' could not be hard-linked into the library ({ex.Message}): copied instead");
            return "copied: cross-device";
        }
    }

    /// <summary>Creates missing folders top-down, journaling each first so undo can remove the ones it leaves empty.</summary>
    private void EnsureFolder(string folder) => JournaledFolders.Ensure(folder, journal, _ops);

    /// <summary>"name (2).mkv", "name (3).mkv", ... the first that does not exist.</summary>
    internal static string FreeName(string destination)
    {
        var dir = Path.GetDirectoryName(destination)!;
        var stem = Path.GetFileNameWithoutExtension(destination);
        var ext = Path.GetExtension(destination);
        for (var n = 2; ; n++)
        {
            var candidate = Path.Join(dir, $"{stem} ({n}){ext}");
            if (!File.Exists(candidate))
            {
                return candidate;
            }
        }
    }
}
