using Episodic.Core.Parsing.Tokens;
using Episodic.Core.Parsing.Vocabulary;

namespace Episodic.Core.Parsing.Rules;

/// <summary>
/// One linear model over features of a whole reading: how explicit its form is (<see cref="FormPriors"/>), how much of
/// the name it explains, whether a number next to its marker stays unexplained, and whether the name's style (fansub
/// brackets and CRC, scene dots) agrees with its numbering. Every candidate of a name is scored by it; the best wins
/// and the gap to the runner-up is the margin the confidence model and the reasoning read.
/// </summary>
internal static class ReadingScorer
{
    /// <summary>Weight of the form's prior: the explicitness of the written marker.</summary>
    private const double Prior = 4.0;

    /// <summary>Weight of the share of the name's content tokens the reading explains.</summary>
    private const double Coverage = 2.0;

    /// <summary>Penalty per free number right beside the marker that the reading leaves unexplained ("S04.11").</summary>
    private const double UnexplainedNearMarker = 1.5;

    /// <summary>The proposers saw positional context the features do not (a dash before the number, a date prefix).</summary>
    private const double ProposerContext = 1.0;

    /// <summary>Fansub style (leading [Group], CRC) agrees with absolute numbering and disagrees with compact SxxEyy.</summary>
    private const double FansubStyle = 0.5;

    /// <summary>A spaced dash before a bare number is the anime layout of an absolute episode.</summary>
    private const double DashLayout = 0.5;

    /// <summary>Score gap that counts as a clear win: the margin is the gap over this, clamped to [0, 1].</summary>
    public const double MarginScale = 4.0;

    public static double Score(Scan scan, ReadingCandidate c, List<int> titleTokens)
    {
        var score = Prior * FormPriors.Of(c.Form) + Coverage * CoverageOf(scan, c.First, c.Last, titleTokens)
            - UnexplainedNearMarker * UnexplainedBeside(scan, c, titleTokens);
        if (c.IsProposed)
        {
            score += ProposerContext;
        }

        var compact = c.Form == MarkerForm.CompactNumber;
        if (scan.FansubStyle)
        {
            score += compact ? -2 * FansubStyle : c.Absolute.Count > 0 && c.Season is null ? FansubStyle : 0;
        }

        if (compact && scan.At(c.First) is { SpacedDashBefore: true })
        {
            score -= DashLayout;
        }

        return score;
    }

    /// <summary>Margin of the winner over the runner-up, from 0 (a tie) to 1 (a clear win).</summary>
    public static double Margin(double best, double runnerUp) => Math.Clamp((best - runnerUp) / MarginScale, 0, 1);

    /// <summary>Share of the content tokens from the title on (words and numbers, not noise, CRC or dashes) that a reading whose marker spans tokens <paramref name="first"/>..<paramref name="last"/> places.</summary>
    public static double CoverageOf(Scan scan, int first, int last, List<int> titleTokens)
    {
        // The title's tokens as bits (the first 64; a name longer than that asks the list), so each token is one test
        // rather than a walk of the list: this runs for every candidate reading of every name.
        var titleBits = 0UL;
        foreach (var k in titleTokens)
        {
            titleBits |= k is >= 0 and < 64 ? 1UL << k : 0;
        }

        var content = 0;
        var explained = 0;
        for (var i = scan.TitleStart; i < scan.Count; i++)
        {
            var t = scan.Tokens[i];
            if (t.Kind is TokenKind.Noise or TokenKind.Crc or TokenKind.Dash)
            {
                continue;
            }

            content++;
            var inTitle = i < 64 ? (titleBits >> i & 1) != 0 : titleTokens.Contains(i);
            if (t.Consumed || inTitle || i >= first && i <= last)
            {
                explained++;
            }
        }

        return content == 0 ? 1 : (double)explained / content;
    }

    /// <summary>Free numbers right before or after the candidate's marker (not a year, not in brackets, a short separator).</summary>
    private static int UnexplainedBeside(Scan scan, ReadingCandidate c, List<int> titleTokens)
    {
        var n = 0;
        if (IsLooseNumber(scan, c.Last + 1, c.Last + 1, titleTokens))
        {
            n++;
        }

        if (c.First > scan.TitleStart && IsLooseNumber(scan, c.First - 1, c.First, titleTokens))
        {
            n++;
        }

        return n;
    }

    /// <summary>Token <paramref name="i"/> is a free short number; <paramref name="joint"/> is the token whose separator joins it to the marker.</summary>
    private static bool IsLooseNumber(Scan scan, int i, int joint, List<int> titleTokens) =>
        scan.At(i) is { Consumed: false, IsDigits: true, IsYear: false, InBrackets: false } t && t.Text.Length <= 4
        && scan.At(joint) is { Sep.Length: <= 2 } && !titleTokens.Contains(i);
}
