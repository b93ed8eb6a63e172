using Episodic.Core.Metadata;
using Episodic.Core.Text;

namespace Episodic.Metadata.Configuration;

/// <summary>
/// <c>[aliases]</c>: a show name as it appears in filenames → the provider id it means
/// (<c>Kusuriya no Hitorigoto = tmdb:12345</c>). Names are compared by <see cref="TitleWords.Key(string)"/>, so case
/// and punctuation do not matter.
/// </summary>
public sealed class AliasTable
{
    public static readonly AliasTable Empty = new(new Dictionary<string, ShowId>(StringComparer.Ordinal));

    private readonly IReadOnlyDictionary<string, ShowId> _map;

    private AliasTable(IReadOnlyDictionary<string, ShowId> map) => _map = map;

    public int Count => _map.Count;

    /// <summary>The comparison key of an alias name.</summary>
    public static string KeyOf(string name) => TitleWords.Key(name);

    /// <summary>Builds the table; every entry that is not <c>name = tmdb:ID</c> / <c>tvmaze:ID</c> is a problem naming the fix.</summary>
    public static AliasTable From(IEnumerable<KeyValuePair<string, string?>> entries, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(problems);
        var map = new Dictionary<string, ShowId>(StringComparer.Ordinal);
        foreach (var (name, value) in entries)
        {
            if (!ShowId.TryParse(value, out var id))
            {
                problems.Add($"[aliases] {name} = {value} is not a provider id; write it as tmdb:ID or tvmaze:ID, e.g. {name} = tvmaze:169");
                continue;
            }

            var key = KeyOf(name);
            if (key.Length > 0)
            {
                map[key] = id.Value;
            }
        }

        return new AliasTable(map);
    }

    /// <summary>The alias for <paramref name="showName"/> at <paramref name="provider"/>, if any.</summary>
    public ShowId? Find(string showName, MetadataProvider provider) =>
        _map.TryGetValue(KeyOf(showName), out var id) && id.Provider == provider ? id : null;

    /// <summary>True when the name has an alias at another provider only (it cannot be used here).</summary>
    public bool HasOtherProvider(string showName, MetadataProvider provider) =>
        _map.TryGetValue(KeyOf(showName), out var id) && id.Provider != provider;
}
