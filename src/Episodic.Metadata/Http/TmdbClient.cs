using System.Globalization;
using Episodic.Metadata.Configuration;
using Episodic.Metadata.Wire;

namespace Episodic.Metadata.Http;

/// <summary>
/// Typed client for TMDB API v3: <c>search/tv</c>, <c>tv/{id}</c> (with alternative titles appended),
/// <c>tv/{id}/season/{n}</c> and <c>tv/{id}/alternative_titles</c>. The key is added by <see cref="TmdbAuthHandler"/>.
/// </summary>
public sealed class TmdbClient(HttpClient http, TmdbFetcher fetcher, MetadataSettings settings)
{
    private string Language => "language=" + Uri.EscapeDataString(settings.TmdbLanguage);

    internal Task<TmdbSearchPage?> SearchAsync(string query, int? year, CancellationToken cancellationToken)
    {
        var url = $"search/tv?query={Uri.EscapeDataString(query)}&include_adult=false&{Language}&page=1"
            + (year is { } y ? "&first_air_date_year=" + y.ToString(CultureInfo.InvariantCulture) : "");
        return fetcher.Fetcher.GetAsync(http, url, MetadataDefaults.SearchTtl, TmdbJsonContext.Default.TmdbSearchPage, false, cancellationToken);
    }

    internal Task<TmdbShow?> ShowAsync(int id, CancellationToken cancellationToken) =>
        fetcher.Fetcher.GetAsync(http, $"tv/{id.ToString(CultureInfo.InvariantCulture)}?{Language}&append_to_response=alternative_titles", MetadataDefaults.ShowTtl, TmdbJsonContext.Default.TmdbShow, false, cancellationToken);

    internal Task<TmdbSeason?> SeasonAsync(int id, int season, bool running, CancellationToken cancellationToken) =>
        fetcher.Fetcher.GetAsync(
            http,
            $"tv/{id.ToString(CultureInfo.InvariantCulture)}/season/{season.ToString(CultureInfo.InvariantCulture)}?{Language}",
            running ? MetadataDefaults.RunningEpisodesTtl : MetadataDefaults.EndedEpisodesTtl,
            TmdbJsonContext.Default.TmdbSeason,
            notFoundIsNull: true,
            cancellationToken);

    internal Task<TmdbAlternativeTitles?> AlternativeTitlesAsync(int id, CancellationToken cancellationToken) =>
        fetcher.Fetcher.GetAsync(http, $"tv/{id.ToString(CultureInfo.InvariantCulture)}/alternative_titles", MetadataDefaults.ShowTtl, TmdbJsonContext.Default.TmdbAlternativeTitles, true, cancellationToken);
}

/// <summary>The TMDB fetcher as its own type, so the typed clients of both providers can be resolved side by side.</summary>
public sealed record TmdbFetcher(ResponseFetcher Fetcher);
