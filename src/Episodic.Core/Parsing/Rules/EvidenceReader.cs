using Episodic.Core.Parsing.Confidence;
using Episodic.Core.Parsing.Tokens;
using Episodic.Core.Parsing.Vocabulary;

namespace Episodic.Core.Parsing.Rules;

/// <summary>
/// Records, after the resolver has chosen, what of the name stayed unexplained and which readings compete with the
/// winner. This is what lets the confidence model doubt a name it has never seen: leftovers and rivals, not the rule.
/// </summary>
internal static class EvidenceReader
{
    public static void Fill(Reading reading, Scan scan, Marker primary, IReadOnlyList<Marker> merged, List<int> titleTokens)
    {
        var e = reading.Evidence;
        var inTitle = new HashSet<int>(titleTokens);
        e.FansubStyle = scan.FansubStyle;
        e.TitleHasNumber = titleTokens.Any(i => scan.Tokens[i].IsDigits && !scan.Tokens[i].IsYear);
        for (var i = scan.TitleStart; i < scan.Count; i++)
        {
            var t = scan.Tokens[i];
            if (t.Consumed || inTitle.Contains(i) || t.Kind is TokenKind.Noise or TokenKind.Crc or TokenKind.Dash || t.IsYear)
            {
                continue;
            }

            if (t.IsDigits)
            {
                e.OtherNumbers++;
            }
            else if (t.InBrackets)
            {
                e.UnplacedInBrackets++;
            }
        }

        for (var i = primary.Last + 1; i < scan.Count; i++)
        {
            var t = scan.Tokens[i];
            if (t.Kind is TokenKind.Noise or TokenKind.Crc || t.InBrackets || t.Consumed)
            {
                break;
            }

            e.WordsAfterMarker++;
        }

        var first = scan.Tokens[primary.First].Text;
        e.NumberDigits = primary.Kind == MarkerKind.Number ? first.TakeWhile(char.IsAsciiDigit).Count() : 0;
        e.Rival = FindRival(reading, scan, primary) ?? CompetingMarker(reading, scan, primary, merged);
    }

    /// <summary>
    /// The best reading built on another marker of the name that the winner did not absorb ("Show 2x03 ... E05",
    /// "2010.11.23 ... 214"): the winner stands, and how far the loser's form sits below it becomes the margin.
    /// </summary>
    private static Rival? CompetingMarker(Reading reading, Scan scan, Marker primary, IReadOnlyList<Marker> merged)
    {
        Marker? best = null;
        foreach (var m in scan.Markers)
        {
            if (m == primary || merged.Contains(m) || m.Kind == MarkerKind.Special || !Differs(reading, m)
                || best is not null && FormPriors.Of(m.Form) <= FormPriors.Of(best.Form))
            {
                continue;
            }

            best = m;
        }

        if (best is null)
        {
            return null;
        }

        var margin = Math.Clamp((FormPriors.Of(primary.Form) - FormPriors.Of(best.Form)) * 4, 0, 1);
        return new Rival(RivalKind.OtherMarker, best.Form, best.Season, [.. best.Episodes], margin, best.Date);
    }

    private static bool Differs(Reading reading, Marker m) =>
        m.Date is { } d ? reading.AirDate != d : m.Season != reading.Season && m.Season is not null || m.Episodes.Count > 0 && !m.Episodes.SequenceEqual(reading.Episodes) && !m.Episodes.SequenceEqual(reading.Absolute);

    private static Rival? FindRival(Reading reading, Scan scan, Marker primary)
    {
        var digits = reading.Evidence.NumberDigits;
        if (primary.Form is MarkerForm.DashNumber or MarkerForm.BareNumber or MarkerForm.BracketedNumber && digits is 3 or 4 && primary.Episodes.Count == 1)
        {
            // "Show - 1071": absolute, or S10E71? Fansub cues and a leading zero make the compact reading unlikely.
            var n = primary.Episodes[0];
            var leadingZero = scan.Tokens[primary.First].Text[0] == '0';
            if (n % 100 != 0 && !leadingZero)
            {
                var margin = scan.FansubStyle ? 0.8 : primary.Form == MarkerForm.DashNumber ? 0.5 : 0.3;
                return new Rival(RivalKind.AbsoluteOrCompact, MarkerForm.CompactNumber, n / 100, [n % 100], margin);
            }
        }

        if (primary.Form == MarkerForm.CompactNumber && primary.Season is { } s && primary.Episodes.Count == 1)
        {
            return new Rival(RivalKind.CompactOrAbsolute, MarkerForm.BareNumber, null, [s * 100 + primary.Episodes[0]], 0.2);
        }

        if (reading.Evidence.TitleHasNumber && primary.Kind is MarkerKind.Number or MarkerKind.Episode)
        {
            return new Rival(RivalKind.TitleNumberOrEpisode, MarkerForm.BareNumber, null, [], 0.5);
        }

        return null;
    }
}
