namespace Episodic.Core.Parsing;

/// <summary>
/// Turns the deciding rule's base strength and the shape of the result into a calibrated confidence. The weights were
/// fitted on the dev corpora so that results at or above 0.9 are right at least 98% of the time (see docs/calibration.md);
/// names below the escalation threshold (0.7) are the ones worth an LLM call.
/// </summary>
internal static class ConfidenceModel
{
    public static double Score(Reading r, bool titleFromFolder, bool numbersFromFolder)
    {
        if (!r.HasNumbers)
        {
            return r.Special ? 0.4 : 0;
        }

        var c = r.Strength;
        if (r.Title is null)
        {
            c -= 0.25;
        }
        else
        {
            var words = r.Title.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
            if (words > 8)
            {
                c -= 0.15;
            }

            if (LooksLikeJunk(r.Title))
            {
                c -= 0.3;
            }
        }

        foreach (var doubt in r.Doubts)
        {
            c -= Weight(doubt);
        }

        if (titleFromFolder)
        {
            c -= 0.05;
        }

        if (numbersFromFolder)
        {
            c -= 0.1;
        }

        return Math.Clamp(Math.Round(c, 3), 0.01, 0.99);
    }

    public static double Weight(Doubt doubt) => doubt switch
    {
        Doubt.SeasonTokenInFansubName => 0.25,
        Doubt.BracketedDate => 0.3,
        Doubt.AlternativeTitles => 0.12,
        Doubt.DashInTitle => 0.12,
        Doubt.ChainedEpisodes => 0.1,
        _ => 0.1,
    };

    public static string Describe(Doubt doubt) => doubt switch
    {
        Doubt.SeasonTokenInFansubName => "\"S2\" may be part of the show name rather than a season",
        Doubt.BracketedDate => "the date is in brackets and may not be the air date",
        Doubt.AlternativeTitles => "the show name was chosen among alternative titles",
        Doubt.DashInTitle => "the show name holds a spaced dash that may start an episode title",
        Doubt.ChainedEpisodes => "chained episode numbers may be a list or a range",
        _ => doubt.ToString(),
    };

    /// <summary>Hash-like or scrambled titles ("a3f9c1e0b7d2", "XxQVHK4GJMP3n2dLpmhW").</summary>
    public static bool LooksLikeJunk(string title)
    {
        if (title.Contains(' ', StringComparison.Ordinal) || title.Length < 10)
        {
            return false;
        }

        var digits = title.Count(char.IsAsciiDigit);
        var letters = title.Count(char.IsLetter);
        var upperInside = title.Skip(1).Count(char.IsUpper);
        return digits >= 3 && letters >= 3 || upperInside >= 4 && digits >= 1;
    }
}
