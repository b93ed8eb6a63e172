using Episodic.Core.Parsing.Tokens;

namespace Episodic.Core.Parsing.Rules;

/// <summary>
/// Finds the release group ("[SubsPlease] ..." prefix or "...-NTb" suffix) and skips web-site prefixes
/// ("www.site.org - ", "[www.site.com]"), setting where the title may start.
/// </summary>
internal static class GroupRule
{
    public static void Apply(Scan scan)
    {
        var tokens = scan.Tokens;
        var start = SkipWordBeforeGroup(scan);

        // Leading bracket groups: a web site, a release group, or (Chinese style) several tags before the title.
        while (start < tokens.Count && tokens[start].InBrackets && tokens[start].Sep.TrimStart().Length > 0 && IsOpening(tokens[start].Sep))
        {
            var group = tokens[start].Group;
            var end = start;
            while (end + 1 < tokens.Count && tokens[end + 1].Group == group)
            {
                end++;
            }

            // A bracket that holds the whole name, or the episode marker itself, is not a prefix.
            if (end == tokens.Count - 1 || ContainsMarker(tokens, start, end))
            {
                break;
            }

            if (IsWebSite(tokens, start, end))
            {
                scan.Consume(start, end);
                start = end + 1;
                continue;
            }

            if (scan.ReleaseGroup is not null)
            {
                // "[Grp1]_[Grp2]_Title_Ep04": a second bracket followed by free title words is a second group.
                if (FollowedByTitleWords(scan, end))
                {
                    scan.Consume(start, end);
                    start = end + 1;
                }

                break;
            }

            scan.ReleaseGroup = scan.Name[tokens[start].Start..tokens[end].End].Trim();
            scan.LeadingGroup = (start, end);
            scan.FansubStyle = true;
            scan.Consume(start, end);
            start = end + 1;
        }

        start = SkipWebSitePrefix(scan, start);
        start = SkipNumberPrefix(scan, start);
        scan.TitleStart = start;

        if (scan.ReleaseGroup is null)
        {
            FindTrailingGroup(scan);
        }
    }

    /// <summary>
    /// "165.Show Name.s08e014": a number of three or four digits joined by a dot to title words that are written with
    /// spaces is a prefix (an absolute count before the title), not part of the show name. Guard: "101.Dalmatian.Street.S01E01"
    /// writes its title with the same dots, so its number stays in the title; a year ("1923.") never qualifies; only
    /// where an SxxEyy decides the episode.
    /// </summary>
    private static int SkipNumberPrefix(Scan scan, int start) =>
        scan.At(start) is { IsDigits: true, IsYear: false, InBrackets: false, Text.Length: 3 or 4 } n && n.Text[0] != '0'
        && scan.At(start + 1) is { Sep: ".", IsDigits: false } && scan.At(start + 2) is { Sep: " " }
        && scan.Tokens.Exists(t => Patterns.SeasonEpisode().IsMatch(t)) ? start + 1 : start;

    /// <summary>
    /// "Site.[Grp]_Title_-_01v2", "tracker [Grp] Title - 05": one word glued before a leading group bracket is a site or
    /// tracker prefix, not the title. Guard: the bracket must be followed by free title words, so "Show [2019] - 01" keeps
    /// its title.
    /// </summary>
    private static int SkipWordBeforeGroup(Scan scan)
    {
        var tokens = scan.Tokens;
        if (tokens.Count < 4 || tokens[0].InBrackets || !tokens[1].InBrackets || tokens[1].Opener != '[' || tokens[1].IsDigits || tokens[0].IsDigits)
        {
            return 0;
        }

        var end = 1;
        while (end + 1 < tokens.Count && tokens[end + 1].Group == tokens[1].Group)
        {
            end++;
        }

        if (!FollowedByTitleWords(scan, end) || ContainsMarker(tokens, 0, end))
        {
            return 0;
        }

        scan.Consume(0, 0);
        return 1;
    }

    /// <summary>The token after <paramref name="end"/> is an unbracketed word that is no episode marker.</summary>
    private static bool FollowedByTitleWords(Scan scan, int end) =>
        scan.At(end + 1) is { InBrackets: false, IsDigits: false } next && next.Text.Any(char.IsLetter)
        && !Patterns.SeasonEpisode().IsMatch(next) && !Patterns.EpisodePart().IsMatch(next) && scan.At(end + 2) is not null;

    private static bool IsOpening(string sep) => sep.AsSpan().IndexOfAny("[【({") >= 0;

    private static bool ContainsMarker(List<Token> tokens, int from, int to)
    {
        for (var i = from; i <= to; i++)
        {
            if (Patterns.SeasonEpisode().IsMatch(tokens[i]) || SeasonEpisodeRule.IsCross(tokens[i]))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsWebSite(List<Token> tokens, int from, int to)
    {
        var hasTld = false;
        for (var i = from; i <= to; i++)
        {
            var text = tokens[i].Text;
            if (text.Equals("www", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            if (i > from && tokens[i].Sep == "." && Patterns.TopLevelDomain().IsMatch(text))
            {
                hasTld = true;
            }
        }

        return hasTld;
    }

    /// <summary>"www.test123.org - Show..." / "From [ WWW.SITE.COM ] - Show...": drop everything up to the spaced dash.</summary>
    private static int SkipWebSitePrefix(Scan scan, int start)
    {
        var tokens = scan.Tokens;
        for (var i = start; i < Math.Min(tokens.Count, start + 6); i++)
        {
            if (i > start && tokens[i].SpacedDashBefore)
            {
                if (IsWebSite(tokens, start, i - 1) && !tokens[start..i].Any(t => Patterns.SeasonEpisode().IsMatch(t)))
                {
                    scan.Consume(start, i - 1);
                    return i;
                }

                break;
            }
        }

        return start;
    }

    /// <summary>"...x264-GROUP" / "...WEB-DL-NTb": the last token, glued by a bare dash, after release noise or a marker.</summary>
    private static void FindTrailingGroup(Scan scan)
    {
        var tokens = scan.Tokens;
        var last = tokens.Count - 1;
        if (last < 2 || tokens[last].InBrackets)
        {
            return;
        }

        var t = tokens[last];
        if (t.Sep == "-" && t.Kind is not TokenKind.Noise && !t.IsDigits && tokens[last - 1].Kind == TokenKind.Noise)
        {
            scan.ReleaseGroup = t.Text;
            t.Kind = TokenKind.Noise;
        }
    }
}
