using Episodic.Core.Parsing.Confidence;

namespace Episodic.Core.Parsing;

/// <summary>
/// What the rule parser doubted about its reading, as data: its named <see cref="Doubt"/>s and the runner-up reading
/// that stayed close. A model tier is shown these so it can settle exactly the disputed fields instead of re-reading
/// the whole name; <see cref="DisputedFields"/> names them in the answer schema's terms.
/// </summary>
public sealed record RuleDoubts
{
    public RuleDoubts(IReadOnlyList<Doubt> doubts, RivalReading? rival)
    {
        ArgumentNullException.ThrowIfNull(doubts);
        Doubts = doubts;
        Rival = rival;
        var fields = new List<string>(8);
        foreach (var doubt in doubts)
        {
            AddFields(fields, FieldsOf(doubt));
        }

        if (rival is not null)
        {
            AddFields(fields, FieldsOf(rival));
        }

        fields.Sort(string.CompareOrdinal); // a cached static delegate: Sort(StringComparer.Ordinal) wrapped the comparer in a new one per call
        DisputedFields = [.. fields];
    }

    public IReadOnlyList<Doubt> Doubts { get; }

    public RivalReading? Rival { get; }

    /// <summary>The answer fields the doubts and the rival dispute (show_name, season, episodes, ...), sorted.</summary>
    public IReadOnlyList<string> DisputedFields { get; }

    /// <summary>One short sentence per doubt, then the rival's, as the reasoning words them.</summary>
    public IEnumerable<string> Descriptions() =>
        Doubts.Select(ConfidenceModel.Describe).Concat(Rival is null ? [] : [Rival.Description]);

    /// <summary>
    /// Null when the parser had nothing to doubt. Takes the rival already rendered, so the parser describes it once for both
    /// the reasoning and this record.
    /// </summary>
    internal static RuleDoubts? From(DoubtSet doubts, RivalReading? rival)
    {
        if (rival is null && doubts.Count == 0)
        {
            return null; // the common case: nothing to sort, nothing to build
        }

        // A sort of distinct values, as Order() gave, without its enumerators.
        var list = new List<Doubt>(doubts.Count);
        foreach (var doubt in doubts)
        {
            list.Add(doubt);
        }

        list.Sort();
        return new RuleDoubts(list, rival);
    }

    /// <summary>Adds the fields not yet present (ordinal), as Distinct did.</summary>
    private static void AddFields(List<string> into, string[] fields)
    {
        foreach (var field in fields)
        {
            if (!into.Contains(field))
            {
                into.Add(field);
            }
        }
    }

    public bool Equals(RuleDoubts? other) =>
        other is not null && Doubts.SequenceEqual(other.Doubts) && Equals(Rival, other.Rival);

    public override int GetHashCode() => HashCode.Combine(Doubts.Count, Rival);

    // The field lists are shared arrays, read only: a list literal per call was garbage on every doubted name.
    private static readonly string[] None = [];
    private static readonly string[] ShowName = ["show_name"];
    private static readonly string[] ShowNameSeason = ["show_name", "season"];
    private static readonly string[] AirDate = ["air_date"];
    private static readonly string[] Episodes = ["episodes"];
    private static readonly string[] ShowNameGroup = ["show_name", "release_group"];
    private static readonly string[] EpisodesSpecial = ["episodes", "special"];
    private static readonly string[] SeasonEpisodes = ["season", "episodes"];
    private static readonly string[] SeasonYear = ["season", "year"];
    private static readonly string[] EpisodesFullSeason = ["episodes", "full_season"];
    private static readonly string[] EpisodesAirDate = ["episodes", "air_date"];
    private static readonly string[] SeasonEpisodesAbsolute = ["season", "episodes", "absolute_episodes"];
    private static readonly string[] ShowNameEpisodes = ["show_name", "episodes"];
    private static readonly string[] SeasonEpisodesFullSeason = ["season", "episodes", "full_season"];
    private static readonly string[] AirDateSeasonEpisodes = ["air_date", "season", "episodes"];

    private static string[] FieldsOf(Doubt doubt) => doubt switch
    {
        Doubt.SeasonTokenInFansubName => ShowNameSeason,
        Doubt.AlternativeTitles or Doubt.DashInTitle => ShowName,
        Doubt.BracketedDate => AirDate,
        Doubt.ChainedEpisodes => Episodes,
        Doubt.TitleInGroupBracket => ShowNameGroup,
        Doubt.SplitEpisode => EpisodesSpecial,
        Doubt.TitleIsTag or Doubt.NoTitleBeforeMarker => ShowName,
        Doubt.SeasonOver100 => SeasonEpisodes,
        Doubt.EpisodesOutOfOrder => Episodes,
        Doubt.UnexplainedNumberNearMarker => SeasonEpisodes,
        Doubt.TitleEndsInNumber => ShowNameSeason,
        Doubt.YearBeforeMarker => SeasonYear,
        Doubt.EpisodeBesidePack => EpisodesFullSeason,
        Doubt.YearAsWholeName => EpisodesAirDate,
        _ => None,
    };

    private static string[] FieldsOf(RivalReading rival) => rival.Kind switch
    {
        RivalKind.AbsoluteOrCompact or RivalKind.CompactOrAbsolute => SeasonEpisodesAbsolute,
        RivalKind.TitleNumberOrEpisode => ShowNameEpisodes,
        RivalKind.PackOrEpisode => SeasonEpisodesFullSeason,
        RivalKind.OtherMarker => rival.AirDate is null ? SeasonEpisodes : AirDateSeasonEpisodes,
        _ => None,
    };
}

/// <summary>The runner-up reading of the numbers: what it would say, and the rule parser's sentence for it.</summary>
public sealed record RivalReading(RivalKind Kind, int? Season, IReadOnlyList<int> Episodes, DateOnly? AirDate, string Description)
{
    public bool Equals(RivalReading? other) =>
        other is not null && Kind == other.Kind && Season == other.Season && Episodes.SequenceEqual(other.Episodes) && AirDate == other.AirDate;

    public override int GetHashCode() => HashCode.Combine(Kind, Season, Episodes.Count, AirDate);
}
