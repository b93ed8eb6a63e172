using System.Text;
using System.Text.RegularExpressions;

namespace Episodic.Core.Naming;

/// <summary>
/// The deterministic shortener: used when no model is configured, and as the fallback when a model's short name is
/// too long or drops what a file name must keep (extension, SxxEyy). The result always fits.
/// </summary>
public static partial class NameShortener
{
    private const string Illegal = "<>:\"/\\|?*";

    /// <summary>
    /// A legal name of at most <paramref name="maxLength"/> characters. For a file the extension and the episode
    /// identity (SxxEyy, 1x05, "Episode 5", "- 05", a date, 第12话) always survive: what follows the identity (quality,
    /// codec, group and hash tags) goes first, then bracketed tags before it, then the title is cut.
    /// </summary>
    public static string Shorten(string name, int maxLength, ShortNameKind kind)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 1);
        var clean = Sanitise(name);
        if (clean.Length <= maxLength)
        {
            return clean;
        }

        if (kind == ShortNameKind.Directory)
        {
            return Cut(Words(clean), maxLength);
        }

        var ext = Extension().Match(clean) is { Success: true } e ? e.Value : "";
        var stem = clean[..^ext.Length];
        if (ext.Length >= maxLength)
        {
            // Nothing but (part of) the extension fits: a limit this small cannot keep a usable name.
            return Cut(clean, maxLength);
        }

        var identity = Identity().Match(stem);
        if (!identity.Success)
        {
            return (Cut(Title(stem), maxLength - ext.Length) + ext).Trim();
        }

        var marker = identity.Groups["id"].Value;
        marker = marker.StartsWith('s') || marker.StartsWith('S') ? marker.ToUpperInvariant() : marker;
        var tail = " - " + marker + ext;
        var title = Title(stem[..identity.Index]);
        var room = maxLength - tail.Length;
        if (title.Length > 0 && room >= 1)
        {
            return (Cut(title, room) + tail).Trim();
        }

        // No room for any title: the identity and the extension alone.
        var bare = marker + ext;
        return bare.Length <= maxLength ? bare : Cut(marker, maxLength - ext.Length) + ext;
    }

    /// <summary>
    /// True when <paramref name="shortName"/> reads back to the episode numbers (season, episodes, absolute numbers,
    /// air date) that <paramref name="longName"/> has: a shortened name must never lose them.
    /// </summary>
    public static bool KeepsEpisode(string longName, string shortName, Parsing.IFilenameParser parser)
    {
        ArgumentNullException.ThrowIfNull(parser);
        var before = parser.Parse(longName);
        var after = parser.Parse(shortName);
        static IReadOnlyList<int> Numbers(Model.EpisodeParse p) => p.Episodes.Count > 0 ? p.Episodes : p.AbsoluteEpisodes;
        return Numbers(after).SequenceEqual(Numbers(before))
            && (before.Season is null || after.Season == before.Season)
            && after.AirDate == before.AirDate;
    }

    /// <summary>The title part: group and other bracketed tags removed, separators as spaces.</summary>
    private static string Title(string s) => Words(Brackets().Replace(s, " ").Replace('.', ' ').Replace('_', ' ')).Trim(' ', '-');

    /// <summary>True for a name that is legal on Windows, macOS and Linux.</summary>
    public static bool IsLegal(string name) =>
        name.Length > 0 && !name.Any(c => char.IsControl(c) || Illegal.Contains(c, StringComparison.Ordinal)) && !name.EndsWith('.') && !name.EndsWith(' ') && name.Trim().Length > 0;

    public static string Sanitise(string name)
    {
        var sb = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            sb.Append(char.IsControl(c) || Illegal.Contains(c, StringComparison.Ordinal) ? ' ' : c);
        }

        return string.Join(' ', sb.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries)).TrimEnd('.', ' ');
    }

    /// <summary>Cuts at a word boundary when one is near, never leaving a trailing dot, space or dash.</summary>
    private static string Cut(string s, int max)
    {
        if (s.Length <= max)
        {
            return s.TrimEnd('.', ' ', '-');
        }

        var cut = s[..max];
        var space = cut.LastIndexOf(' ');
        if (space >= max / 2)
        {
            cut = cut[..space];
        }

        var trimmed = cut.TrimEnd('.', ' ', '-');
        return trimmed.Length > 0 ? trimmed : cut[..1];
    }

    private static string Words(string s) => string.Join(' ', s.Split(' ', StringSplitOptions.RemoveEmptyEntries));

    [GeneratedRegex(@"S\d{1,4}E\d{1,4}(?:-?E\d{1,4})*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, Episodic.Core.Text.RegexLimits.TimeoutMs)]
    private static partial Regex Marker();

    /// <summary>
    /// The episode identity, first match wins: SxxEyy (ranges), NxNN, a date, "Episode N"/"EpN"/"EN", 第N话, or a number
    /// after " - " (the fansub form), with an optional version ("05v2").
    /// </summary>
    [GeneratedRegex(
        @"(?<id>S\d{1,4}E\d{1,4}(?:-?E\d{1,4})*)|(?<id>\b\d{1,2}x\d{2,3}\b)|(?<id>\b(?:19|20)\d{2}[.\-_ ]\d{2}[.\-_ ]\d{2}\b)|(?<id>\b(?:Episode|Ep|E)[ .]?\d{1,4}(?:-\d{1,4})?(?:v\d)?\b)|(?<id>第\d{1,4}[话話集])|(?<dash>\s-\s)(?<id>\d{1,4}(?:-\d{1,4})?(?:v\d)?)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, Episodic.Core.Text.RegexLimits.TimeoutMs)]
    private static partial Regex Identity();

    /// <summary>A real extension: a dot and 2-5 letters or digits at the end.</summary>
    [GeneratedRegex(@"\.[A-Za-z0-9]{2,5}$", RegexOptions.CultureInvariant, Episodic.Core.Text.RegexLimits.TimeoutMs)]
    private static partial Regex Extension();

    [GeneratedRegex(@"\[[^\]]*\]|\([^)]*\)|【[^】]*】", RegexOptions.CultureInvariant, Episodic.Core.Text.RegexLimits.TimeoutMs)]
    private static partial Regex Brackets();

    /// <summary>The SxxEyy marker of a name, or null.</summary>
    public static string? MarkerOf(string name) => Marker().Match(name) is { Success: true } m ? m.Value.ToUpperInvariant() : null;
}
