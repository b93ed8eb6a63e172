namespace Episodic.Automation.Refresh;

/// <summary>
/// What one run changed in one library: the root and the show folders under it that received files. A server is
/// asked once per library: for the one folder when only one show changed (a quick partial scan), else for the root.
/// </summary>
public sealed record LibraryChange(string Root, IReadOnlyList<string> Folders)
{
    /// <summary>The folder to rescan: the one changed show folder, or the library root when several changed.</summary>
    public string ScanPath => Folders.Count == 1 ? Folders[0] : Root;

    /// <summary>
    /// Groups changed file paths by the library root holding them (the longest that does) and reduces each to its
    /// show folder (the first level under the root). Paths under no root are not a library's business and are left out.
    /// </summary>
    public static IReadOnlyList<LibraryChange> Of(IEnumerable<string> libraryRoots, IEnumerable<string> changedPaths)
    {
        ArgumentNullException.ThrowIfNull(libraryRoots);
        ArgumentNullException.ThrowIfNull(changedPaths);
        var roots = libraryRoots.Select(r => Path.TrimEndingDirectorySeparator(Path.GetFullPath(r))).Distinct(StringComparer.Ordinal).OrderByDescending(r => r.Length).ToList();
        var folders = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var changed in changedPaths)
        {
            var full = Path.GetFullPath(changed);
            if (roots.FirstOrDefault(r => Holds(r, full)) is not { } root)
            {
                continue;
            }

            var relative = Path.GetRelativePath(root, full);
            var first = relative.Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar], 2)[0];
            var folder = first == relative ? root : Path.Join(root, first);
            if (!folders.TryGetValue(root, out var set))
            {
                folders[root] = set = new SortedSet<string>(StringComparer.Ordinal);
            }

            set.Add(folder);
        }

        return [.. roots.Where(folders.ContainsKey).Select(r => new LibraryChange(r, folders[r].Contains(r) ? [r] : [.. folders[r]]))];
    }

    /// <summary>True when <paramref name="path"/> is <paramref name="root"/> or inside it (a separator after the prefix).</summary>
    internal static bool Holds(string root, string path) =>
        path.StartsWith(root, StringComparison.Ordinal) && (path.Length == root.Length || path[root.Length] is '/' or '\\' || root.EndsWith('/') || root.EndsWith('\\'));
}
