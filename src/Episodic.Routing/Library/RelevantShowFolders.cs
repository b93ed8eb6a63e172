namespace Episodic.Routing.Library;

/// <summary>
/// A <see cref="ShowFolderIndex"/> of only the folders some planned name could match. A /route/plan request may send
/// 38,000 <c>existing_shows</c> for 20 names: indexing them all costs tens of megabytes per request (three keys and a
/// sorted set per folder), while a folder whose keys match none of the names' keys can never be chosen. Keeping a
/// folder when any of its keys equals a wanted key at the same level gives every lookup the same hits, so the
/// answers are those of the full index.
/// </summary>
public static class RelevantShowFolders
{
    /// <param name="folders">The library's show folders (blank entries are ignored).</param>
    /// <param name="shows">The shows being planned: parsed show name and year.</param>
    public static ShowFolderIndex Index(IEnumerable<string?> folders, IEnumerable<(string ShowName, int? Year)> shows)
    {
        ArgumentNullException.ThrowIfNull(folders);
        ArgumentNullException.ThrowIfNull(shows);
        var wanted = Enumerable.Range(0, ShowFolderMatcher.Levels).Select(_ => new HashSet<string>(StringComparer.Ordinal)).ToArray();
        foreach (var (showName, year) in shows)
        {
            if (string.IsNullOrWhiteSpace(showName) || ShowFolderMatcher.WantedKeys(showName, year) is not { } keys)
            {
                continue;
            }

            for (var level = 0; level < keys.Length; level++)
            {
                if (keys[level].Length > 0)
                {
                    wanted[level].Add(keys[level]);
                }
            }
        }

        var index = new ShowFolderIndex([]);
        foreach (var folder in folders)
        {
            // Hidden folders are never matched, so they need no place in the index either.
            if (string.IsNullOrWhiteSpace(folder) || folder.StartsWith('.'))
            {
                continue;
            }

            var keys = ShowFolderMatcher.FolderKeys(folder);
            for (var level = 0; level < keys.Length; level++)
            {
                if (keys[level].Length > 0 && wanted[level].Contains(keys[level]))
                {
                    index.Add(folder);
                    break;
                }
            }
        }

        return index;
    }
}
