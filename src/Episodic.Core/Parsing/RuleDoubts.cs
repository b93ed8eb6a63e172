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

        fields.Sort(StringComparer.Ordinal);
        DisputedFields = [.. fields];
    }

    public IReadOnlyList<Doubt> Doubts { get; }

    public RivalReading? Rival { get; }

    /// <summary>The answer fields the doubts and the rival dispute (show_name, season, episodes, ...), sorted.</summary>
    public IReadOnlyList<string> DisputedFields { get; }

    /// <summary>One short sentence per doubt, then the rival's, as the reasoning words them.</summary>
    public IEnumerable<string> Descriptions() =>
        Doubts.Select(ConfidenceModel.Describe).Concat(Rival is null ? [] : [Rival.Description]);

    /// <summary>Null when the parser had nothing to doubt.</summary>
    internal static RuleDoubts? From(IEnumerable<Doubt> doubts, Rival? rival)
    {
        if (rival is null && doubts is IReadOnlyCollection<Doubt> { Count: 0 })
        {
            return null; // the common case: nothing to sort, nothing to build
        }

        var list = doubts.Order().ToList();
        return list.Count == 0 && rival is null ? null : new RuleDoubts(list, rival?.ToReading());
    }

    /// <summary>Adds the fields not yet present (ordinal), as Distinct did.</summary>
    private static void AddFields(List<string> into, IEnumerable<string> fields)
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

    private static IEnumerable<string> FieldsOf(Doubt doubt) => doubt switch
    {
        Doubt.SeasonTokenInFansubName => ["show_name", "season"],
        Doubt.AlternativeTitles or Doubt.DashInTitle => ["show_name"],
        Doubt.BracketedDate => ["air_date"],
        Doubt.ChainedEpisodes => ["episodes"],
        Doubt.TitleInGroupBracket => ["show_name", "release_group"],
        Doubt.SplitEpisode => ["episodes", "special"],
        Doubt.TitleIsTag or Doubt.NoTitleBeforeMarker => ["show_name"],
        Doubt.SeasonOver100 => ["season", "episodes"],
        Doubt.EpisodesOutOfOrder => ["episodes"],
        Doubt.UnexplainedNumberNearMarker => ["season", "episodes"],
        Doubt.TitleEndsInNumber => ["show_name", "season"],
        Doubt.YearBeforeMarker => ["season", "year"],
        Doubt.EpisodeBesidePack => ["episodes", "full_season"],
        Doubt.YearAsWholeName => ["episodes", "air_date"],
        _ => [],
    };

    private static IEnumerable<string> FieldsOf(RivalReading rival) => rival.Kind switch
    {
        RivalKind.AbsoluteOrCompact or RivalKind.CompactOrAbsolute => ["season", "episodes", "absolute_episodes"],
        RivalKind.TitleNumberOrEpisode => ["show_name", "episodes"],
        RivalKind.PackOrEpisode => ["season", "episodes", "full_season"],
        RivalKind.OtherMarker => rival.AirDate is null ? ["season", "episodes"] : ["air_date", "season", "episodes"],
        _ => [],
    };
}

/// <summary>The runner-up reading of the numbers: what it would say, and the rule parser's sentence for it.</summary>
public sealed record RivalReading(RivalKind Kind, int? Season, IReadOnlyList<int> Episodes, DateOnly? AirDate, string Description)
{
    public bool Equals(RivalReading? other) =>
        other is not null && Kind == other.Kind && Season == other.Season && Episodes.SequenceEqual(other.Episodes) && AirDate == other.AirDate;

    public override int GetHashCode() => HashCode.Combine(Kind, Season, Episodes.Count, AirDate);
}
