namespace Episodic.Core.Metadata;

/// <summary>How far identification got; only <see cref="Identified"/> may be filed by its metadata.</summary>
public enum IdentifyStatus
{
    /// <summary>Show and episode are known to the provider.</summary>
    Identified,

    /// <summary>The name is not an episode, or has no show name to search for.</summary>
    NotAnEpisode,

    /// <summary>The provider knows no show that fits the name.</summary>
    ShowNotFound,

    /// <summary>Several shows fit and none could be chosen with enough confidence.</summary>
    Ambiguous,

    /// <summary>The show is known but the provider has no such episode (e.g. S09E40 of a show with 2 seasons).</summary>
    EpisodeUnknown,

    /// <summary>The provider could not be asked (down, key refused, offline with nothing cached).</summary>
    ProviderUnavailable,
}

/// <summary>Which rule accepted the show; shown as <c>matched_by</c> in plans and <c>identify</c> output.</summary>
public enum MatchedBy
{
    /// <summary>An <c>[aliases]</c> entry named the provider id.</summary>
    Alias,

    /// <summary>The show's primary name.</summary>
    Name,

    /// <summary>The show's original (native-language) name.</summary>
    OriginalName,

    /// <summary>One of the provider's alternative titles (akas).</summary>
    AlternativeTitle,

    /// <summary>The configured model chose among several plausible candidates.</summary>
    Model,

    /// <summary>No rule decided and no model answered: the provider's best-ranked plausible candidate, with lowered confidence.</summary>
    MostLikely,
}

/// <summary>A show as the provider knows it: canonical name and year, ids, and every name it goes by.</summary>
public sealed record IdentifiedShow(ShowId Id, string Name, int? Year)
{
    public string? OriginalName { get; init; }

    public IReadOnlyList<string> AlternativeTitles { get; init; } = [];

    /// <summary>ISO 3166-1 code of the country of origin, when the provider says.</summary>
    public string? Country { get; init; }

    /// <summary>True while new episodes may still appear (episode lists are cached for hours, not days).</summary>
    public bool Running { get; init; }

    public int? TmdbId { get; init; }

    public int? TvmazeId { get; init; }

    /// <summary>"Name (Year)", the Plex/Jellyfin folder name.</summary>
    public string DisplayName => Year is { } y ? $"{Name} ({y.ToString(System.Globalization.CultureInfo.InvariantCulture)})" : Name;
}

/// <summary>
/// The result of identifying one parsed file: the show, its real numbering and episode title, how it matched and how
/// sure that is. <see cref="Reason"/> is always a readable sentence, also when nothing was found.
/// </summary>
public sealed record Identification(IdentifyStatus Status, string Reason)
{
    public IdentifiedShow? Show { get; init; }

    /// <summary>The provider's season of the episode(s); 0 for specials.</summary>
    public int? Season { get; init; }

    /// <summary>Episode numbers within <see cref="Season"/>.</summary>
    public IReadOnlyList<int> Episodes { get; init; } = [];

    /// <summary>The provider's episode title; several episodes are joined with " + ".</summary>
    public string? EpisodeTitle { get; init; }

    public DateOnly? AirDate { get; init; }

    public MatchedBy? MatchedBy { get; init; }

    /// <summary>How sure the show match is, in [0,1]; routing files nothing below its floor.</summary>
    public double Confidence { get; init; }

    /// <summary>The shows that fitted when none could be chosen (<see cref="IdentifyStatus.Ambiguous"/>), best-ranked first; what a person picks from.</summary>
    public IReadOnlyList<IdentifiedShow> Candidates { get; init; } = [];

    public bool IsIdentified => Status == IdentifyStatus.Identified;
}
