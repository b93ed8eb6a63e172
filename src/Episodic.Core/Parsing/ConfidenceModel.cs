namespace Episodic.Core.Parsing;

/// <summary>
/// What the confidence model needs besides its fitted weights: the rendering of doubts for the reasoning and the
/// junk-title test. The confidence itself is the logistic model in <see cref="Confidence.ConfidenceWeights"/>.
/// </summary>
internal static class ConfidenceModel
{
    /// <summary>Confidence of a special named only by keyword (no number): below any sensible escalation threshold.</summary>
    public const double KeywordOnlySpecial = 0.4;

    /// <summary>
    /// Ceiling of the confidence when a doubt names a convention on which the sources disagree ("Show S2 - 07": season 2
    /// to some, a title "Show S2" to others): the rules must not settle it alone, whatever the fitted evidence says.
    /// </summary>
    public const double SourcesDisagreeCeiling = 0.5;

    /// <summary>The fitted confidence, held under <see cref="SourcesDisagreeCeiling"/> when a disagreement doubt fired.</summary>
    public static double Bound(double confidence, IEnumerable<Doubt> doubts) =>
        Bound(confidence, doubts.Contains(DisagreementDoubt));

    /// <summary><see cref="Bound(double, IEnumerable{Doubt})"/> for the parser's own set, asked as a set (no enumeration).</summary>
    internal static double Bound(double confidence, DoubtSet doubts) =>
        Bound(confidence, doubts.Contains(DisagreementDoubt));

    /// <summary>The doubt that names a convention on which the sources disagree.</summary>
    private const Doubt DisagreementDoubt = Doubt.SeasonTokenInFansubName;

    /// <summary>The one rule both overloads apply, once they know whether the disagreement doubt fired.</summary>
    private static double Bound(double confidence, bool sourcesDisagree) =>
        sourcesDisagree ? Math.Min(confidence, SourcesDisagreeCeiling) : confidence;

    public static string Describe(Doubt doubt) => doubt switch
    {
        Doubt.SeasonTokenInFansubName => "\"S2\" may be part of the show name rather than a season",
        Doubt.BracketedDate => "the date is in brackets and may not be the air date",
        Doubt.AlternativeTitles => "the show name was chosen among alternative titles",
        Doubt.DashInTitle => "the show name holds a spaced dash that may start an episode title",
        Doubt.ChainedEpisodes => "chained episode numbers may be a list or a range",
        Doubt.SplitEpisode => "the episode number carries a part letter (a split episode)",
        Doubt.TitleInGroupBracket => "the show name was read from the leading bracket, which usually holds the group",
        Doubt.TitleIsTag => "the show name looks like a release group, a web site or a season tag",
        Doubt.NoTitleBeforeMarker => "words stand before the marker but none was read as the show name",
        Doubt.SeasonOver100 => "the season is above 100 and not a year",
        Doubt.EpisodesOutOfOrder => "the episode numbers were out of order or repeated (sorted and de-duplicated)",
        Doubt.UnexplainedNumberNearMarker => "a number next to the marker is not explained by the reading",
        Doubt.TitleEndsInNumber => "the show name ends in a number that could be a season",
        Doubt.YearBeforeMarker => "a year right before the marker may be the season",
        Doubt.EpisodeBesidePack => "an episode or part number after the season may name one episode of it",
        Doubt.YearAsWholeName => "the file name is a number that could be a year",
        _ => doubt.ToString(),
    };

    /// <summary>Hash-like or scrambled titles ("a3f9c1e0b7d2", "XxQVHK4GJMP3n2dLpmhW").</summary>
    public static bool LooksLikeJunk(string title)
    {
        if (title.Contains(' ', StringComparison.Ordinal) || title.Length < 10)
        {
            return false;
        }

        var digits = 0;
        var letters = 0;
        var upperInside = 0;
        for (var i = 0; i < title.Length; i++)
        {
            var c = title[i];
            digits += char.IsAsciiDigit(c) ? 1 : 0;
            letters += char.IsLetter(c) ? 1 : 0;
            upperInside += i > 0 && char.IsUpper(c) ? 1 : 0;
        }

        return digits >= 3 && letters >= 3 || upperInside >= 4 && digits >= 1;
    }
}
