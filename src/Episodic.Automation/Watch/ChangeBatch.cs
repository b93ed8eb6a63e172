namespace Episodic.Automation.Watch;

/// <summary>What a file-system event says happened to the path it names.</summary>
internal enum WatchChange
{
    /// <summary>The path is new: created, or moved in from outside the watched folders.</summary>
    Created,

    /// <summary>The path's content or attributes changed in place.</summary>
    Changed,

    /// <summary>The path is the new name of something renamed inside the watched folders.</summary>
    Renamed,
}

/// <summary>One file-system event as the watcher queues it.</summary>
internal readonly record struct WatchEvent(string Path, WatchChange Change);

/// <summary>
/// What one batch of file-system events asks the watcher to look at, so a batch reads only what changed: the files
/// the events name, the subtrees of folders that arrived (their files raise no events of their own), and only the
/// own files of a folder changed in place (its subfolders raise their own events). A renamed folder asks for a full
/// walk: every path the watcher holds below its old name is stale, and it is rare enough not to matter.
/// </summary>
/// <param name="Full">Walk every watched folder again.</param>
/// <param name="Trees">Folders to walk with their subfolders (none nested in another).</param>
/// <param name="Folders">Folders whose own files are listed, without their subfolders (none inside a tree).</param>
/// <param name="Files">Paths that are not folders (now or any more) and not inside a tree: each is looked at on its own.</param>
internal sealed record ChangeBatch(bool Full, IReadOnlyList<string> Trees, IReadOnlyList<string> Folders, IReadOnlyList<string> Files)
{
    /// <summary>A batch that walks every watched folder (at start, each rescan, and after events were lost).</summary>
    public static ChangeBatch Everything { get; } = new(true, [], [], []);

    /// <summary>Sorts <paramref name="events"/> by what their paths are now on disk; repeated paths count once.</summary>
    public static ChangeBatch Of(IEnumerable<WatchEvent> events)
    {
        var trees = new SortedSet<string>(StringComparer.Ordinal);
        var folders = new SortedSet<string>(StringComparer.Ordinal);
        var files = new SortedSet<string>(StringComparer.Ordinal);
        // A file being written raises a Changed event per write: each path is looked up on disk once.
        foreach (var group in events.GroupBy(e => e.Path, e => e.Change, StringComparer.Ordinal))
        {
            if (!Directory.Exists(group.Key))
            {
                files.Add(group.Key);
            }
            else if (group.Contains(WatchChange.Renamed))
            {
                return Everything;
            }
            else
            {
                (group.Contains(WatchChange.Created) ? trees : folders).Add(group.Key);
            }
        }

        // Ordinal order puts a folder before everything below it, so one pass keeps only the outermost trees.
        var outer = new List<string>();
        foreach (var tree in trees.Where(t => !outer.Any(o => IsBelow(t, o))))
        {
            outer.Add(tree);
        }

        // What lies in a new tree is read by its walk.
        bool InTree(string path) => outer.Any(t => path == t || IsBelow(path, t));
        return new(false, outer, [.. folders.Where(f => !InTree(f))], [.. files.Where(f => !InTree(f))]);
    }

    private static bool IsBelow(string path, string folder) =>
        path.Length > folder.Length + 1 && path[folder.Length] == Path.DirectorySeparatorChar && path.StartsWith(folder, StringComparison.Ordinal);
}
