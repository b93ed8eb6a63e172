using System.Text.RegularExpressions;

namespace Episodic.Core.Parsing.Rules;

/// <summary>
/// Token-sized patterns. Each is anchored and runs on one short token, so it is linear in practice; the timeout is a
/// second guard for hostile input.
/// </summary>
internal static partial class Patterns
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;
    private const int Timeout = Episodic.Core.Text.RegexLimits.TimeoutMs;

    private static readonly TokenPattern SeasonEpisodeGated = new(SeasonEpisodeRegex(), "sStT0123456789", needsDigit: true, AsciiTokenMatchers.SeasonEpisode);
    private static readonly TokenPattern SeasonOnlyGated = new(SeasonOnlyRegex(), "sS", needsDigit: true, AsciiTokenMatchers.SeasonOnly);
    private static readonly TokenPattern SeasonDiscGated = new(SeasonDiscRegex(), "sS", needsDigit: true, AsciiTokenMatchers.SeasonDisc);
    private static readonly TokenPattern EpisodePartGated = new(EpisodePartRegex(), "eExX", needsDigit: true, AsciiTokenMatchers.EpisodePart);
    private static readonly TokenPattern CrossGated = new(CrossRegex(), "0123456789", needsDigit: false, AsciiTokenMatchers.Cross);
    private static readonly TokenPattern CrossAllGated = new(CrossAllRegex(), "0123456789", needsDigit: false, AsciiTokenMatchers.CrossAll);
    private static readonly TokenPattern PartJoinedGated = new(PartJoinedRegex(), "pP", needsDigit: true, AsciiTokenMatchers.PartJoined);
    private static readonly TokenPattern NumberGated = new(NumberRegex(), "0123456789", needsDigit: false, AsciiTokenMatchers.Number);
    private static readonly TokenPattern SplitNumberGated = new(SplitNumberRegex(), "0123456789", needsDigit: false, AsciiTokenMatchers.SplitNumber);
    private static readonly TokenPattern OrdinalGated = new(OrdinalRegex(), "0123456789", needsDigit: false, AsciiTokenMatchers.Ordinal);
    private static readonly TokenPattern NOfMGated = new(NOfMRegex(), "0123456789", needsDigit: false, AsciiTokenMatchers.NOfM);
    private static readonly TokenPattern ChineseEpisodeGated = new(ChineseEpisodeRegex(), "0123456789", needsDigit: false, AsciiTokenMatchers.Never);
    private static readonly TokenPattern CjkSeasonGated = new(CjkSeasonRegex(), "", needsDigit: false, AsciiTokenMatchers.Never);
    private static readonly TokenPattern VersionGated = new(VersionRegex(), "vV", needsDigit: true, AsciiTokenMatchers.VersionTag);

    /// <summary>
    /// S01E02, s1e1, S01E01E02, S06xE01, S01E01v2, S06E01b, S01EP24, S01E02and03; Portuguese "T02E22" (temporada) and a
    /// bare "01E06", both only as two digits then two digits (a "T1000" or "1E10" never qualifies).
    /// </summary>
    public static TokenPattern SeasonEpisode() => SeasonEpisodeGated;

    [GeneratedRegex(@"^(?:s|t(?=\d{2}e\d{2})|(?=\d{2}e\d{2}$))(?<s>\d{1,4})(?:x?e|ep|x)(?<e>\d{1,4})(?<more>(?:(?:e|and)\d{1,4})*)(?:v(?<v>\d{1,2}))?[a-d]?$", Options, Timeout)]
    private static partial Regex SeasonEpisodeRegex();

    /// <summary>S01, s2, S2016 (a season on its own).</summary>
    public static TokenPattern SeasonOnly() => SeasonOnlyGated;

    [GeneratedRegex(@"^s(?<s>\d{1,4})$", Options, Timeout)]
    private static partial Regex SeasonOnlyRegex();

    /// <summary>S01D01: season 1, disc 1.</summary>
    public static TokenPattern SeasonDisc() => SeasonDiscGated;

    [GeneratedRegex(@"^s(?<s>\d{1,3})d\d{1,2}$", Options, Timeout)]
    private static partial Regex SeasonDiscRegex();

    /// <summary>E05, ep05, EP06, x01 (the episode half of a split marker), E01E02.</summary>
    public static TokenPattern EpisodePart() => EpisodePartGated;

    [GeneratedRegex(@"^(?:e|ep|x)(?<e>\d{1,5})(?<more>(?:e\d{1,4})*)(?:v(?<v>\d{1,2}))?$", Options, Timeout)]
    private static partial Regex EpisodePartRegex();

    /// <summary>
    /// 4x05, 01x04, 02x01x02, 1x02and03, 3x1001 (what tvnamer-style templates write past episode 999) — but not 1280x720;
    /// the cross may be the Cyrillic look-alike "х" or "×" ("06х01").
    /// </summary>
    public static TokenPattern Cross() => CrossGated;

    [GeneratedRegex(@"^(?<s>\d{1,4})[xх×](?<e>\d{1,4})(?<more>(?:(?:[xх×]|and)\d{1,3})*)(?:v(?<v>\d{1,2}))?$", Options, Timeout)]
    private static partial Regex CrossRegex();

    /// <summary>1xAll: a whole season.</summary>
    public static TokenPattern CrossAll() => CrossAllGated;

    [GeneratedRegex(@"^(?<s>\d{1,2})xall$", Options, Timeout)]
    private static partial Regex CrossAllRegex();

    /// <summary>Part01, Pt3: a mini-series part written as one word (episode words joined to their number come from the word table).</summary>
    public static TokenPattern PartJoined() => PartJoinedGated;

    [GeneratedRegex(@"^(?:part|pt)(?<e>\d{1,4})$", Options, Timeout)]
    private static partial Regex PartJoinedRegex();

    /// <summary>A plain episode number with an optional version or end tag: 06, 01v2, 12END, 13完.</summary>
    public static TokenPattern Number() => NumberGated;

    [GeneratedRegex(@"^(?<e>\d{1,4})(?:v(?<v>\d{1,2}))?(?:end|fin|完)?$", Options, Timeout)]
    private static partial Regex NumberRegex();

    /// <summary>A split episode: the number with a part letter, "12a", "09b", "111C" (never a resolution or a codec).</summary>
    public static TokenPattern SplitNumber() => SplitNumberGated;

    [GeneratedRegex(@"^(?<e>\d{1,4})(?<part>[a-d])$", Options, Timeout)]
    private static partial Regex SplitNumberRegex();

    /// <summary>Ordinal numbers: 1st, 2nd, 3rd, 4th.</summary>
    public static TokenPattern Ordinal() => OrdinalGated;

    [GeneratedRegex(@"^(?<n>\d{1,2})(?:st|nd|rd|th)$", Options, Timeout)]
    private static partial Regex OrdinalRegex();

    /// <summary>1of4, 3of9.</summary>
    public static TokenPattern NOfM() => NOfMGated;

    [GeneratedRegex(@"^(?<e>\d{1,3})of(?<n>\d{1,3})$", Options, Timeout)]
    private static partial Regex NOfMRegex();

    /// <summary>Chinese/Japanese episode counters: 第05话, 第5集, and without 第: 01話, 12话.</summary>
    public static TokenPattern ChineseEpisode() => ChineseEpisodeGated;

    [GeneratedRegex(@"^第?(?<e>\d{1,4})[话話集回]$", Options, Timeout)]
    private static partial Regex ChineseEpisodeRegex();

    /// <summary>CJK season counters: 第2期, 第二季, 第3部 (digits or the numerals one to twenty).</summary>
    public static TokenPattern CjkSeason() => CjkSeasonGated;

    [GeneratedRegex(@"^第(?<s>\d{1,2}|[一二三四五六七八九十]{1,2})[期季部]$", Options, Timeout)]
    private static partial Regex CjkSeasonRegex();

    /// <summary>A version tag on its own: v2, V2.</summary>
    public static TokenPattern Version() => VersionGated;

    [GeneratedRegex(@"^v(?<v>\d{1,2})$", Options, Timeout)]
    private static partial Regex VersionRegex();

    /// <summary>An 8-hex CRC32 tag (checked for letters/digits mix by the caller).</summary>
    [GeneratedRegex(@"^[0-9a-f]{8}$", Options, Timeout)]
    public static partial Regex Crc();

    /// <summary>Top-level domains that mark a web site prefix ("www.site.org - ").</summary>
    [GeneratedRegex(@"^(?:com|org|net|ru|de|nl|fr|it|es|pl|au|nz|ca|za|info|tv|co|me|to|cc|eu|uk|biz|se|ro|in)$", Options, Timeout)]
    public static partial Regex TopLevelDomain();
}
