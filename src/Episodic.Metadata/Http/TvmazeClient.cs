using System.Globalization;
using Episodic.Metadata.Configuration;
using Episodic.Metadata.Wire;

namespace Episodic.Metadata.Http;

/// <summary>
/// Typed client for TVmaze: <c>search/shows</c>, <c>shows/{id}</c> (with akas embedded), <c>shows/{id}/episodes</c>
/// (specials included, told apart by their type) and <c>shows/{id}/episodesbydate</c>. No key.
/// </summary>
public sealed class TvmazeClient(HttpClient http, TvmazeFetcher fetcher)
{
    internal async Task<List<TvmazeSearchHit>> SearchAsync(string query, CancellationToken cancellationToken) =>
        await fetcher.Fetcher.GetAsync(http, "search/shows?q=" + Uri.EscapeDataString(query), MetadataDefaults.SearchTtl, TvmazeJsonContext.Default.ListTvmazeSearchHit, true, cancellationToken).ConfigureAwait(false) ?? [];

    internal Task<TvmazeShow?> ShowAsync(int id, CancellationToken cancellationToken) =>
        fetcher.Fetcher.GetAsync(http, $"shows/{id.ToString(CultureInfo.InvariantCulture)}?embed=akas", MetadataDefaults.ShowTtl, TvmazeJsonContext.Default.TvmazeShow, false, cancellationToken);

    internal async Task<List<TvmazeEpisode>> EpisodesAsync(int id, bool running, CancellationToken cancellationToken) =>
        await fetcher.Fetcher.GetAsync(
            http,
            $"shows/{id.ToString(CultureInfo.InvariantCulture)}/episodes?specials=1",
            running ? MetadataDefaults.RunningEpisodesTtl : MetadataDefaults.EndedEpisodesTtl,
            TvmazeJsonContext.Default.ListTvmazeEpisode,
            true,
            cancellationToken).ConfigureAwait(false) ?? [];

    internal async Task<List<TvmazeEpisode>> EpisodesByDateAsync(int id, DateOnly date, CancellationToken cancellationToken) =>
        await fetcher.Fetcher.GetAsync(
            http,
            $"shows/{id.ToString(CultureInfo.InvariantCulture)}/episodesbydate?date={date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}",
            MetadataDefaults.RunningEpisodesTtl,
            TvmazeJsonContext.Default.ListTvmazeEpisode,
            true,
            cancellationToken).ConfigureAwait(false) ?? [];
}

/// <summary>The TVmaze fetcher as its own type (see <see cref="TmdbFetcher"/>).</summary>
public sealed record TvmazeFetcher(ResponseFetcher Fetcher);
