using System.Globalization;

namespace Episodic.Routing.Library;

/// <summary>
/// The library's show folders indexed by their <see cref="ShowFolderMatcher"/> keys (normalised name → folders), so
/// matching a name is a few dictionary lookups instead of a pass over every folder: 500 names against 20,000
/// folders is 500 × 3 lookups, not 10 million comparisons. Folders planned during a run can be added.
/// </summary>
public sealed class ShowFolderIndex
{
    private readonly Dictionary<string, SortedSet<string>>[] _byKey = [.. Enumerable.Range(0, ShowFolderMatcher.Levels).Select(_ => new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal))];
    private readonly Dictionary<string, string> _strictKey = new(StringComparer.Ordinal);
    private readonly List<string> _folders = [];
    private readonly HashSet<string> _all = new(StringComparer.Ordinal);

    public ShowFolderIndex(IEnumerable<string> folders)
    {
        ArgumentNullException.ThrowIfNull(folders);
        foreach (var folder in folders)
        {
            Add(folder);
        }
    }

    /// <summary>Every folder added, in the order given (hidden ones included; they are never matched).</summary>
    public IReadOnlyList<string> Folders => _folders;

    public int Count => _folders.Count;

    public bool Contains(string folder) => _all.Contains(folder);

    public void Add(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        if (_all.Add(folder))
        {
            _folders.Add(folder);
        }

        if (folder.Length == 0 || folder.StartsWith('.') || _strictKey.ContainsKey(folder))
        {
            return;
        }

        var keys = ShowFolderMatcher.FolderKeys(folder);
        _strictKey[folder] = keys[0];
        for (var level = 0; level < keys.Length; level++)
        {
            if (keys[level].Length == 0)
            {
                continue;
            }

            if (!_byKey[level].TryGetValue(keys[level], out var set))
            {
                set = new SortedSet<string>(StringComparer.Ordinal);
                _byKey[level][keys[level]] = set;
            }

            set.Add(folder);
        }
    }

    /// <summary>
    /// The folder for a parsed show: an exact key match first (the ordinally first when several), then without the
    /// year, then without year and country; a looser level only answers when one folder qualifies, or the year read
    /// from the name picks one.
    /// </summary>
    public string? Match(string showName, int? year)
    {
        ArgumentNullException.ThrowIfNull(showName);
        if (ShowFolderMatcher.WantedKeys(showName, year) is not { } wanted)
        {
            return null;
        }

        for (var level = 0; level < wanted.Length; level++)
        {
            if (wanted[level].Length == 0 || !_byKey[level].TryGetValue(wanted[level], out var hits) || hits.Count == 0)
            {
                continue;
            }

            if (hits.Count == 1 || level == 0)
            {
                return hits.Min;
            }

            if (year is { } y)
            {
                // Several "Doctor Who (...)" folders: the year read from the name decides.
                var yearText = y.ToString(CultureInfo.InvariantCulture);
                var withYear = hits.Where(h => _strictKey[h].EndsWith(yearText, StringComparison.Ordinal)).Take(2).ToList();
                if (withYear.Count == 1)
                {
                    return withYear[0];
                }
            }

            return null;
        }

        return null;
    }
}
