using System.Globalization;
using Episodic.Routing.Journal;
using Episodic.Routing.Library;
using Episodic.Routing.Planning;
using Episodic.Routing.Reporting;

namespace Episodic.Routing.Apply;

/// <summary>
/// The clean-up after a move run: a release folder whose every video was filed, and that holds nothing but leftovers
/// (<see cref="LeftoverExtensions"/>, a Sample folder, empty folders), is emptied and removed. Nothing is deleted: each
/// leftover is moved into the library's trash (".episodic/trash/&lt;run&gt;/"), each removed folder is journaled, so
/// <c>undo</c> brings the folder back byte for byte. A folder holding a video or any other file is never touched, and
/// the download root itself is no release folder (a user's notes there stay).
/// </summary>
internal static class ReleaseCleaner
{
    /// <summary>What a download leaves beside its videos once they are filed: notes, links, checksums, repair volumes, the release .nfo.</summary>
    public static readonly IReadOnlySet<string> LeftoverExtensions = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { ".txt", ".url", ".sfv", ".par2", ".nfo" };

    /// <summary>Sample folders: their sample videos go with the rest of the leftovers.</summary>
    public static readonly IReadOnlySet<string> SampleFolders = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "sample", "samples" };

    public static void Clean(RoutePlan plan, RouteJournal journal, FileOps ops, RouteSummary summary)
    {
        var header = journal.Header;
        var folders = plan.Items
            .Where(i => i.Action == RouteAction.Move && i.ReleaseFolder is not null && !File.Exists(i.Source))
            .Select(i => JournalScope.Normalise(i.ReleaseFolder!))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        var trashRoot = Path.Join(LibraryLock.FolderOf(header.Library), "trash", header.Run);
        for (var n = 0; n < folders.Count; n++)
        {
            var folder = folders[n];
            if (header.LibraryRoots.Any(root => JournalScope.Under(root, [folder]) || JournalScope.Under(folder, [root])))
            {
                continue;
            }

            try
            {
                CleanOne(folder, Path.Join(trashRoot, (n + 1).ToString(CultureInfo.InvariantCulture)), journal, ops, summary);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                summary.Problem($"the clean-up of '{folder}' stopped: {ex.Message} (what it moved is journaled; undo restores it)");
            }
        }
    }

    private static void CleanOne(string folder, string trash, RouteJournal journal, FileOps ops, RouteSummary summary)
    {
        if (!Directory.Exists(folder) || new DirectoryInfo(folder).LinkTarget is not null)
        {
            return;
        }

        var files = new List<string>();
        var dirs = new List<string>();
        if (Blocker(folder, inSample: false, files, dirs) is { } kept)
        {
            summary.Note($"kept the release folder '{folder}': it still holds '{kept}'");
            return;
        }

        var parent = Path.GetDirectoryName(folder)!;
        foreach (var file in files)
        {
            var destination = Path.Join(trash, Path.GetRelativePath(parent, file));
            JournaledFolders.Ensure(Path.GetDirectoryName(destination)!, journal, ops);
            var temp = Transfer.TempBeside(destination);
            var intent = new JournalEntry { Type = JournalRecordKind.Intent, Op = JournalOp.Trash, Id = RouteJournal.NewId(), Source = file, Destination = destination, Size = new FileInfo(file).Length, Temp = temp };
            journal.Write(intent);
            Transfer.Move(ops, file, destination, temp, checkCrc: true);
            journal.Write(intent with { Type = JournalRecordKind.Done, Time = DateTimeOffset.UtcNow, Temp = null });
            summary.Cleaned++;
        }

        var removed = 0;
        foreach (var dir in dirs.OrderByDescending(d => d.Length).ThenBy(d => d, StringComparer.Ordinal).Append(folder))
        {
            if (Directory.Exists(dir) && !Directory.EnumerateFileSystemEntries(dir).Any())
            {
                var intent = new JournalEntry { Type = JournalRecordKind.Intent, Op = JournalOp.Rmdir, Id = RouteJournal.NewId(), Source = dir };
                journal.Write(intent);
                Directory.Delete(dir);
                journal.Write(intent with { Type = JournalRecordKind.Done, Time = DateTimeOffset.UtcNow });
                removed++;
            }
        }

        summary.FoldersRemoved += removed;
        summary.Note($"cleaned up '{folder}': {files.Count} leftover(s) moved to '{trash}', {removed} folder(s) removed (undo restores them)");
    }

    /// <summary>The first entry that keeps the folder (a video outside Sample/, a file not in the leftover table, a link), or null; lists what may go.</summary>
    private static string? Blocker(string dir, bool inSample, List<string> files, List<string> dirs)
    {
        foreach (var entry in Directory.EnumerateFileSystemEntries(dir).Order(StringComparer.Ordinal))
        {
            var info = new FileInfo(entry);
            if (info.LinkTarget is not null || Path.GetFileName(entry).StartsWith(SourceScanner.ReservedPrefix, StringComparison.Ordinal))
            {
                return entry;
            }

            if (Directory.Exists(entry))
            {
                dirs.Add(entry);
                if (Blocker(entry, inSample || SampleFolders.Contains(Path.GetFileName(entry)), files, dirs) is { } inner)
                {
                    return inner;
                }

                continue;
            }

            var ext = Path.GetExtension(entry);
            if (!File.Exists(entry) || !(LeftoverExtensions.Contains(ext) || (inSample && SourceScanner.IsVideo(entry))))
            {
                return entry;
            }

            files.Add(entry);
        }

        return null;
    }
}
