using Episodic.Core.Metadata;

namespace Episodic.Metadata.Providers;

/// <summary>
/// One metadata service seen the same way whatever its wire format: search, alternative titles, show details with
/// its regular seasons, one season's episodes, the episodes of a date. Every call may throw
/// <see cref="Http.MetadataProviderException"/>.
/// </summary>
public interface IMetadataProvider
{
    MetadataProvider Kind { get; }

    /// <summary>Requests this provider has sent to the network so far (cache hits excluded).</summary>
    int NetworkRequests { get; }

    /// <summary>Search results in the provider's own ranking (most relevant first).</summary>
    Task<IReadOnlyList<ShowCandidateInfo>> SearchAsync(string name, int? year, CancellationToken cancellationToken);

    /// <summary>
    /// The show's details with its alternative titles (romaji, local names: used for matching names that are neither
    /// the name nor the original name, and for finding library folders); null when the provider has no such show.
    /// </summary>
    Task<ShowRecord?> ShowAsync(int id, CancellationToken cancellationToken);

    /// <summary>The episodes of one season (0 = specials), in episode order; empty when the provider has no such season.</summary>
    Task<IReadOnlyList<ProviderEpisode>> SeasonAsync(ShowRecord show, int season, CancellationToken cancellationToken);

    /// <summary>Every regular episode (specials excluded) in airing order: season by season, episode by episode.</summary>
    Task<IReadOnlyList<ProviderEpisode>> RegularEpisodesAsync(ShowRecord show, CancellationToken cancellationToken);

    /// <summary>The episodes that aired on <paramref name="airDate"/> (daily shows).</summary>
    Task<IReadOnlyList<ProviderEpisode>> OnDateAsync(ShowRecord show, DateOnly airDate, CancellationToken cancellationToken);
}

/// <summary>One search result, reduced to what matching needs.</summary>
public sealed record ShowCandidateInfo(ShowId Id, string Name, int? Year)
{
    public string? OriginalName { get; init; }

    /// <summary>ISO 3166-1 code of the country of origin (TMDB origin_country, TVmaze network country).</summary>
    public string? Country { get; init; }

    public string? Overview { get; init; }

    /// <summary>Filled when the provider's search answer carries them, or after <see cref="IMetadataProvider.AlternativeTitlesAsync"/>.</summary>
    public IReadOnlyList<string> AlternativeTitles { get; init; } = [];

    /// <summary>The full show, when the search answer already carries it (TVmaze): saves a details request.</summary>
    internal ShowRecord? Record { get; init; }
}

/// <summary>A show's details and the numbers of its regular seasons (specials excluded).</summary>
public sealed record ShowRecord(IdentifiedShow Show, IReadOnlyList<int> RegularSeasons)
{
    /// <summary>First air date of each season, where known (picks the season of a daily show's date).</summary>
    public IReadOnlyDictionary<int, DateOnly> SeasonStarts { get; init; } = new Dictionary<int, DateOnly>();
}

/// <summary>One episode as the provider numbers it.</summary>
public sealed record ProviderEpisode(int Season, int Number, string? Title, DateOnly? AirDate);
