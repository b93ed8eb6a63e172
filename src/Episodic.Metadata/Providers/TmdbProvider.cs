using Episodic.Core.Metadata;
using Episodic.Metadata.Http;
using Episodic.Metadata.Wire;

namespace Episodic.Metadata.Providers;

/// <summary>TMDB behind <see cref="IMetadataProvider"/>: seasons are fetched one by one, only those a lookup needs.</summary>
internal sealed class TmdbProvider(Func<TmdbClient> client, ResponseFetcher fetcher) : IMetadataProvider
{
    private static readonly HashSet<string> RunningStatuses = new(StringComparer.OrdinalIgnoreCase) { "Returning Series", "In Production", "Planned", "Pilot" };

    public MetadataProvider Kind => MetadataProvider.Tmdb;

    public int NetworkRequests => fetcher.NetworkRequests;

    public async Task<IReadOnlyList<ShowCandidateInfo>> SearchAsync(string name, int? year, CancellationToken cancellationToken)
    {
        var page = await client().SearchAsync(name, year, cancellationToken).ConfigureAwait(false);

        // A page without "results" is not TMDB's answer (a proxy's page, a changed API): an outage, not "no such show".
        if (page?.Results is null)
        {
            throw new MetadataProviderException(MetadataProvider.Tmdb, MetadataFailure.BadResponse, "tmdb sent an answer without search results for search/tv (not TMDB's search/tv shape)");
        }

        return Candidates(page);
    }

    /// <summary>The candidates of a <c>search/tv</c> page, live or saved (<see cref="SavedSearch"/>).</summary>
    internal static List<ShowCandidateInfo> Candidates(TmdbSearchPage? page) =>
        [.. (page?.Results ?? []).Where(r => r.Name is { Length: > 0 }).Select(r => new ShowCandidateInfo(new ShowId(MetadataProvider.Tmdb, r.Id), r.Name!, WireDates.Year(r.FirstAirDate))
        {
            OriginalName = r.OriginalName,
            Country = r.OriginCountry is [var c, ..] ? c : null,
            Overview = r.Overview,
        })];

    public async Task<ShowRecord?> ShowAsync(int id, CancellationToken cancellationToken)
    {
        TmdbShow? show;
        try
        {
            show = await client().ShowAsync(id, cancellationToken).ConfigureAwait(false);
        }
        catch (MetadataProviderException ex) when (ex.Failure == MetadataFailure.NotFound)
        {
            return null;
        }

        if (show?.Name is not { Length: > 0 } name)
        {
            return null;
        }

        var seasons = show.Seasons ?? [];
        var identified = new IdentifiedShow(new ShowId(MetadataProvider.Tmdb, show.Id), name, WireDates.Year(show.FirstAirDate))
        {
            OriginalName = show.OriginalName,
            // append_to_response saves a request; an answer without the appended block asks the endpoint itself.
            AlternativeTitles = Titles(show.AlternativeTitles ?? await client().AlternativeTitlesAsync(id, cancellationToken).ConfigureAwait(false)),
            Country = show.OriginCountry is [var c, ..] ? c : null,
            Running = show.InProduction || (show.Status is { } s && RunningStatuses.Contains(s)),
            TmdbId = show.Id,
        };
        return new ShowRecord(identified, [.. seasons.Where(s => s.SeasonNumber > 0).Select(s => s.SeasonNumber).Order()])
        {
            SeasonStarts = seasons.Where(s => WireDates.Parse(s.AirDate) is not null).ToDictionary(s => s.SeasonNumber, s => WireDates.Parse(s.AirDate)!.Value),
        };
    }

    public async Task<IReadOnlyList<ProviderEpisode>> SeasonAsync(ShowRecord show, int season, CancellationToken cancellationToken)
    {
        var answer = await client().SeasonAsync(show.Show.Id.Id, season, show.Show.Running, cancellationToken).ConfigureAwait(false);
        return (answer?.Episodes ?? []).Select(e => new ProviderEpisode(season, e.EpisodeNumber, e.Name, WireDates.Parse(e.AirDate))).OrderBy(e => e.Number).ToList();
    }

    public async Task<IReadOnlyList<ProviderEpisode>> RegularEpisodesAsync(ShowRecord show, CancellationToken cancellationToken)
    {
        var all = new List<ProviderEpisode>();
        foreach (var season in show.RegularSeasons)
        {
            all.AddRange(await SeasonAsync(show, season, cancellationToken).ConfigureAwait(false));
        }

        return all;
    }

    public async Task<IReadOnlyList<ProviderEpisode>> OnDateAsync(ShowRecord show, DateOnly airDate, CancellationToken cancellationToken)
    {
        // The season that started last on or before the date holds it (for daily shows seasons are usually years);
        // the one before is tried too, for a season that began early in the year.
        var candidates = show.SeasonStarts.Where(s => s.Key > 0 && s.Value <= airDate).OrderByDescending(s => s.Value).Select(s => s.Key).Take(2).ToList();
        foreach (var season in candidates)
        {
            var hits = (await SeasonAsync(show, season, cancellationToken).ConfigureAwait(false)).Where(e => e.AirDate == airDate).ToList();
            if (hits.Count > 0)
            {
                return hits;
            }
        }

        return [];
    }

    private static List<string> Titles(TmdbAlternativeTitles? titles) =>
        [.. (titles?.Results ?? []).Select(t => t.Title).OfType<string>().Where(t => t.Length > 0).Distinct(StringComparer.Ordinal)];
}
