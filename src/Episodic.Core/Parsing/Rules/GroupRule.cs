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
        var start = 0;

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
                break;
            }

            scan.ReleaseGroup = scan.Name[tokens[start].Start..tokens[end].End].Trim();
            scan.FansubStyle = true;
            scan.Consume(start, end);
            start = end + 1;
        }

        start = SkipWebSitePrefix(scan, start);
        scan.TitleStart = start;

        if (scan.ReleaseGroup is null)
        {
            FindTrailingGroup(scan);
        }
    }

    private static bool IsOpening(string sep) => sep.IndexOfAny(['[', '【', '(', '{']) >= 0;

    private static bool ContainsMarker(List<Token> tokens, int from, int to)
    {
        for (var i = from; i <= to; i++)
        {
            if (Patterns.SeasonEpisode().IsMatch(tokens[i].Text) || SeasonEpisodeRule.IsCross(tokens[i].Text))
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
                if (IsWebSite(tokens, start, i - 1) && !tokens[start..i].Any(t => Patterns.SeasonEpisode().IsMatch(t.Text)))
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
