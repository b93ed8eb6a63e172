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

    /// <summary>
    /// S01E02, s1e1, S01E01E02, S06xE01, S01E01v2, S06E01b, S01EP24, S01E02and03; Portuguese "T02E22" (temporada) and a
    /// bare "01E06", both only as two digits then two digits (a "T1000" or "1E10" never qualifies).
    /// </summary>
    [GeneratedRegex(@"^(?:s|t(?=\d{2}e\d{2})|(?=\d{2}e\d{2}$))(?<s>\d{1,4})(?:x?e|ep|x)(?<e>\d{1,4})(?<more>(?:(?:e|and)\d{1,4})*)(?:v(?<v>\d{1,2}))?[a-d]?$", Options, Timeout)]
    public static partial Regex SeasonEpisode();

    /// <summary>S01, s2, S2016 (a season on its own).</summary>
    [GeneratedRegex(@"^s(?<s>\d{1,4})$", Options, Timeout)]
    public static partial Regex SeasonOnly();

    /// <summary>S01D01: season 1, disc 1.</summary>
    [GeneratedRegex(@"^s(?<s>\d{1,3})d\d{1,2}$", Options, Timeout)]
    public static partial Regex SeasonDisc();

    /// <summary>E05, ep05, EP06, x01 (the episode half of a split marker), E01E02.</summary>
    [GeneratedRegex(@"^(?:e|ep|x)(?<e>\d{1,5})(?<more>(?:e\d{1,4})*)(?:v(?<v>\d{1,2}))?$", Options, Timeout)]
    public static partial Regex EpisodePart();

    /// <summary>
    /// 4x05, 01x04, 02x01x02, 1x02and03, 3x1001 (what tvnamer-style templates write past episode 999) — but not 1280x720;
    /// the cross may be the Cyrillic look-alike "х" or "×" ("06х01").
    /// </summary>
    [GeneratedRegex(@"^(?<s>\d{1,4})[xх×](?<e>\d{1,4})(?<more>(?:(?:[xх×]|and)\d{1,3})*)(?:v(?<v>\d{1,2}))?$", Options, Timeout)]
    public static partial Regex Cross();

    /// <summary>1xAll: a whole season.</summary>
    [GeneratedRegex(@"^(?<s>\d{1,2})xall$", Options, Timeout)]
    public static partial Regex CrossAll();

    /// <summary>Part01, Pt3: a mini-series part written as one word (episode words joined to their number come from the word table).</summary>
    [GeneratedRegex(@"^(?:part|pt)(?<e>\d{1,4})$", Options, Timeout)]
    public static partial Regex PartJoined();

    /// <summary>A plain episode number with an optional version or end tag: 06, 01v2, 12END, 13完.</summary>
    [GeneratedRegex(@"^(?<e>\d{1,4})(?:v(?<v>\d{1,2}))?(?:end|fin|完)?$", Options, Timeout)]
    public static partial Regex Number();

    /// <summary>A split episode: the number with a part letter, "12a", "09b", "111C" (never a resolution or a codec).</summary>
    [GeneratedRegex(@"^(?<e>\d{1,4})(?<part>[a-d])$", Options, Timeout)]
    public static partial Regex SplitNumber();

    /// <summary>Ordinal numbers: 1st, 2nd, 3rd, 4th.</summary>
    [GeneratedRegex(@"^(?<n>\d{1,2})(?:st|nd|rd|th)$", Options, Timeout)]
    public static partial Regex Ordinal();

    /// <summary>1of4, 3of9.</summary>
    [GeneratedRegex(@"^(?<e>\d{1,3})of(?<n>\d{1,3})$", Options, Timeout)]
    public static partial Regex NOfM();

    /// <summary>Chinese/Japanese episode counters: 第05话, 第5集, and without 第: 01話, 12话.</summary>
    [GeneratedRegex(@"^第?(?<e>\d{1,4})[话話集回]$", Options, Timeout)]
    public static partial Regex ChineseEpisode();

    /// <summary>CJK season counters: 第2期, 第二季, 第3部 (digits or the numerals one to twenty).</summary>
    [GeneratedRegex(@"^第(?<s>\d{1,2}|[一二三四五六七八九十]{1,2})[期季部]$", Options, Timeout)]
    public static partial Regex CjkSeason();

    /// <summary>A version tag on its own: v2, V2.</summary>
    [GeneratedRegex(@"^v(?<v>\d{1,2})$", Options, Timeout)]
    public static partial Regex Version();

    /// <summary>An 8-hex CRC32 tag (checked for letters/digits mix by the caller).</summary>
    [GeneratedRegex(@"^[0-9a-f]{8}$", Options, Timeout)]
    public static partial Regex Crc();

    /// <summary>Top-level domains that mark a web site prefix ("www.site.org - ").</summary>
    [GeneratedRegex(@"^(?:com|org|net|ru|de|nl|fr|it|es|pl|au|nz|ca|za|info|tv|co|me|to|cc|eu|uk|biz|se|ro|in)$", Options, Timeout)]
    public static partial Regex TopLevelDomain();
}
