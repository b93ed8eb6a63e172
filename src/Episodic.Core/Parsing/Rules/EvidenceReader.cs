using Episodic.Core.Parsing.Confidence;
using Episodic.Core.Parsing.Tokens;

namespace Episodic.Core.Parsing.Rules;

/// <summary>
/// Records, after the readings were scored, what of the name stayed unexplained and the runner-up reading
/// (<see cref="Readings"/>). This is what lets the confidence model doubt a name it has never seen: leftovers and rivals, not the rule.
/// </summary>
internal static class EvidenceReader
{
    public static void Fill(Reading reading, Scan scan, Marker primary, Rival? rival, List<int> titleTokens)
    {
        var e = reading.Evidence;
        e.FansubStyle = scan.FansubStyle;
        e.TitleHasNumber = HasNumber(scan, titleTokens);
        for (var i = scan.TitleStart; i < scan.Count; i++)
        {
            var t = scan.Tokens[i];
            if (t.Consumed || titleTokens.Contains(i) || t.Kind is TokenKind.Noise or TokenKind.Crc or TokenKind.Dash || t.IsYear)
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
        var digits = first.AsSpan().IndexOfAnyExceptInRange('0', '9');
        e.NumberDigits = primary.Kind == MarkerKind.Number ? digits < 0 ? first.Length : digits : 0;
        e.Rival = rival;
        e.Coverage = ReadingScorer.CoverageOf(scan, primary.First, primary.Last, titleTokens);
    }

    /// <summary>A title token that is a number and not a year; a loop, as this runs on every name.</summary>
    private static bool HasNumber(Scan scan, List<int> titleTokens)
    {
        foreach (var i in titleTokens)
        {
            if (scan.Tokens[i] is { IsDigits: true, IsYear: false })
            {
                return true;
            }
        }

        return false;
    }
}
