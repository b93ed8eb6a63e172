using Episodic.Core.Metadata;
using Episodic.Metadata.Http;
using Episodic.Metadata.Wire;

namespace Episodic.Metadata.Providers;

/// <summary>TVmaze behind <see cref="IMetadataProvider"/>: one request lists every episode of a show, specials included.</summary>
internal sealed class TvmazeProvider(Func<TvmazeClient> client, ResponseFetcher fetcher) : IMetadataProvider
{
    private static readonly HashSet<string> RunningStatuses = new(StringComparer.OrdinalIgnoreCase) { "Running", "In Development", "To Be Determined" };

    public MetadataProvider Kind => MetadataProvider.Tvmaze;

    public int NetworkRequests => fetcher.NetworkRequests;

    public async Task<IReadOnlyList<ShowCandidateInfo>> SearchAsync(string name, int? year, CancellationToken cancellationToken)
    {
        var hits = await client().SearchAsync(name, cancellationToken).ConfigureAwait(false);
        return Candidates(hits);
    }

    /// <summary>The candidates of a <c>search/shows</c> list, live or saved (<see cref="SavedSearch"/>).</summary>
    internal static List<ShowCandidateInfo> Candidates(IEnumerable<TvmazeSearchHit> hits) =>
        [.. hits.Where(h => h.Show?.Name is { Length: > 0 }).Select(h => Record(h.Show!)).Select(r => new ShowCandidateInfo(r.Show.Id, r.Show.Name, r.Show.Year)
        {
            Country = r.Show.Country,
            AlternativeTitles = r.Show.AlternativeTitles,
            Record = r,
        })];

    public async Task<ShowRecord?> ShowAsync(int id, CancellationToken cancellationToken)
    {
        try
        {
            return await client().ShowAsync(id, cancellationToken).ConfigureAwait(false) is { Name.Length: > 0 } show ? Record(show) : null;
        }
        catch (MetadataProviderException ex) when (ex.Failure == MetadataFailure.NotFound)
        {
            return null;
        }
    }

    public async Task<IReadOnlyList<ProviderEpisode>> SeasonAsync(ShowRecord show, int season, CancellationToken cancellationToken)
    {
        var all = await client().EpisodesAsync(show.Show.Id.Id, show.Show.Running, cancellationToken).ConfigureAwait(false);
        if (season == 0)
        {
            // TVmaze files specials inside the season they aired in, without a number: Season 00 numbers them by airing order.
            return [.. all.Where(IsSpecial).Select((e, i) => new ProviderEpisode(0, i + 1, e.Name, WireDates.Parse(e.Airdate)))];
        }

        return [.. all.Where(e => e.Season == season && !IsSpecial(e)).Select(Episode).OrderBy(e => e.Number)];
    }

    public async Task<IReadOnlyList<ProviderEpisode>> RegularEpisodesAsync(ShowRecord show, CancellationToken cancellationToken)
    {
        var all = await client().EpisodesAsync(show.Show.Id.Id, show.Show.Running, cancellationToken).ConfigureAwait(false);
        return [.. all.Where(e => !IsSpecial(e) && e.Season > 0).Select(Episode).OrderBy(e => e.Season).ThenBy(e => e.Number)];
    }

    public async Task<IReadOnlyList<ProviderEpisode>> OnDateAsync(ShowRecord show, DateOnly airDate, CancellationToken cancellationToken)
    {
        var all = await client().EpisodesAsync(show.Show.Id.Id, show.Show.Running, cancellationToken).ConfigureAwait(false);
        var hits = all.Where(e => !IsSpecial(e) && WireDates.Parse(e.Airdate) == airDate).Select(Episode).ToList();
        if (hits.Count > 0)
        {
            return hits;
        }

        // An episode newer than the cached list: ask for the date itself.
        var byDate = await client().EpisodesByDateAsync(show.Show.Id.Id, airDate, cancellationToken).ConfigureAwait(false);
        return [.. byDate.Where(e => !IsSpecial(e)).Select(Episode)];
    }

    private static bool IsSpecial(TvmazeEpisode e) => e.Number is null || (e.Type is { } t && t.Contains("special", StringComparison.OrdinalIgnoreCase));

    private static ProviderEpisode Episode(TvmazeEpisode e) => new(e.Season, e.Number ?? 0, e.Name, WireDates.Parse(e.Airdate));

    private static ShowRecord Record(TvmazeShow show)
    {
        var identified = new IdentifiedShow(new ShowId(MetadataProvider.Tvmaze, show.Id), show.Name!, WireDates.Year(show.Premiered))
        {
            AlternativeTitles = [.. (show.Embedded?.Akas ?? []).Select(a => a.Name).OfType<string>().Where(n => n.Length > 0).Distinct(StringComparer.Ordinal)],
            Country = show.Network?.Country?.Code ?? show.WebChannel?.Country?.Code,
            Running = show.Status is { } s && RunningStatuses.Contains(s),
            TvmazeId = show.Id,
        };
        return new ShowRecord(identified, []);
    }
}
