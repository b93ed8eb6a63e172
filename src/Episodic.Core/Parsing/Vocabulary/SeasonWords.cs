using System.Collections.Frozen;

namespace Episodic.Core.Parsing.Vocabulary;

/// <summary>Words that announce a season, an episode or a special, in the languages release names use.</summary>
internal static class SeasonWords
{
    /// <summary>Season words of every language (generated from <see cref="MarkerLanguages"/>).</summary>
    public static readonly WordSet Season = new(MarkerLanguages.SeasonWords);

    /// <summary>Episode words of every language (generated from <see cref="MarkerLanguages"/>).</summary>
    public static readonly WordSet Episode = new(MarkerLanguages.EpisodeWords);

    /// <summary>Season words written after their number ("3 сезон", "2.Sezon", "2季").</summary>
    public static readonly WordSet SeasonAfterNumber = new(MarkerLanguages.SeasonWordsAfterNumber);

    /// <summary>Episode words written after their number ("7 серия", "5.Bölüm", "5화").</summary>
    public static readonly WordSet EpisodeAfterNumber = new(MarkerLanguages.EpisodeWordsAfterNumber);

    /// <summary>Season words that may be joined to their number ("Sezon2", "Sn2", "시즌2").</summary>
    public static readonly WordSet SeasonJoinable = new(MarkerLanguages.JoinableSeasonWords);

    /// <summary>Episode words that may be joined to their number ("Odc7", "Folge5").</summary>
    public static readonly WordSet EpisodeJoinable = new(MarkerLanguages.JoinableEpisodeWords);

    /// <summary>Ordinal suffixes written as their own token after a dash ("5-й", "09-я").</summary>
    public static readonly WordSet OrdinalSuffixes = new(MarkerLanguages.OrdinalSuffixes);

    /// <summary>
    /// Plural episode words that list a season's episodes ("Season 3 Episodes 1-8", "S2 Eps.05-08"). Read only right
    /// after a season: alone they are too common in free text to mark an episode.
    /// </summary>
    public static readonly FrozenSet<string> EpisodeList = new[] { "episodes", "eps" }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Words that join the two ends of a range of seasons ("1ª a 8ª Temporada", "2nd to 4th Season").</summary>
    public static readonly WordSet RangeWords = new(["a", "al", "to", "até", "bis", "à"]);

    /// <summary>Special-episode keywords; a name with one of these and no number is a special without an episode number.</summary>
    public static readonly WordSet Special = new(["ova", "oav", "oad", "ovd", "sp", "special", "specials", "ncop", "nced", "creditless"]);

    /// <summary>Ordinal words and suffixed ordinals ("3rd Season", "Second Season").</summary>
    public static readonly FrozenDictionary<string, int> Ordinals = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase)
    {
        ["first"] = 1,
        ["second"] = 2,
        ["third"] = 3,
        ["fourth"] = 4,
        ["fifth"] = 5,
        ["sixth"] = 6,
        ["seventh"] = 7,
        ["eighth"] = 8,
        ["ninth"] = 9,
        ["tenth"] = 10,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The words of <see cref="Ordinals"/> as a <see cref="WordSet"/>: every free token of every name is asked whether it
    /// is an ordinal, and the set turns nearly all away by length and first letter before the dictionary compares it
    /// with each word of its length.
    /// </summary>
    public static readonly WordSet OrdinalWords = new(Ordinals.Keys);

    /// <summary>Folders that say nothing about the show ("TV", "Downloads").</summary>
    public static readonly FrozenSet<string> GenericFolders = new[]
    {
        "tv", "tv shows", "tvshows", "shows", "series", "serien", "anime", "downloads", "download", "complete", "completed", "incomplete", "media", "videos", "video",
        "unsorted", "test", "temp", "tmp", "mnt", "home", "volume1", "nas", "tv drop", "postprocessing", "new", "torrents", "library", "extras", "specials", "mkv", "data",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    public static readonly FrozenDictionary<string, int> Months = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase)
    {
        ["jan"] = 1,
        ["january"] = 1,
        ["feb"] = 2,
        ["february"] = 2,
        ["mar"] = 3,
        ["march"] = 3,
        ["apr"] = 4,
        ["april"] = 4,
        ["may"] = 5,
        ["jun"] = 6,
        ["june"] = 6,
        ["jul"] = 7,
        ["july"] = 7,
        ["aug"] = 8,
        ["august"] = 8,
        ["sep"] = 9,
        ["sept"] = 9,
        ["september"] = 9,
        ["oct"] = 10,
        ["october"] = 10,
        ["nov"] = 11,
        ["november"] = 11,
        ["dec"] = 12,
        ["december"] = 12,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
}
