using System.Text.Json.Serialization;

namespace Episodic.Metadata.Wire;

// TMDB API v3 wire shapes (snake_case). Only the fields Episodic reads; unknown fields are ignored.

/// <summary>The paged wrapper of <c>search/tv</c>.</summary>
internal sealed record TmdbSearchPage(int Page, List<TmdbSearchResult>? Results, int TotalPages, int TotalResults);

/// <summary>One <c>search/tv</c> hit.</summary>
internal sealed record TmdbSearchResult(int Id, string? Name, string? OriginalName, string? FirstAirDate, List<string>? OriginCountry, string? Overview, double Popularity);

/// <summary><c>tv/{id}</c>, optionally with <c>append_to_response=alternative_titles</c>.</summary>
internal sealed record TmdbShow(
    int Id,
    string? Name,
    string? OriginalName,
    string? FirstAirDate,
    string? Status,
    bool InProduction,
    List<string>? OriginCountry,
    List<TmdbSeasonSummary>? Seasons,
    TmdbAlternativeTitles? AlternativeTitles);

/// <summary>One entry of <c>tv/{id}</c> <c>seasons</c>.</summary>
internal sealed record TmdbSeasonSummary(int SeasonNumber, int EpisodeCount, string? AirDate, string? Name);

/// <summary><c>tv/{id}/season/{n}</c>.</summary>
internal sealed record TmdbSeason(int SeasonNumber, string? Name, List<TmdbEpisode>? Episodes);

/// <summary>One episode of a TMDB season.</summary>
internal sealed record TmdbEpisode(int EpisodeNumber, int SeasonNumber, string? Name, string? AirDate);

/// <summary><c>tv/{id}/alternative_titles</c> (and the appended form).</summary>
internal sealed record TmdbAlternativeTitles(List<TmdbAlternativeTitle>? Results);

internal sealed record TmdbAlternativeTitle([property: JsonPropertyName("iso_3166_1")] string? Iso31661, string? Title, string? Type);

/// <summary>TMDB's error body: <c>{"status_code":7,"status_message":"Invalid API key: ...","success":false}</c>.</summary>
internal sealed record TmdbError(int StatusCode, string? StatusMessage, bool? Success);

/// <summary>Source-generated (de)serialisation of the TMDB contracts.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(TmdbSearchPage))]
[JsonSerializable(typeof(TmdbShow))]
[JsonSerializable(typeof(TmdbSeason))]
[JsonSerializable(typeof(TmdbAlternativeTitles))]
[JsonSerializable(typeof(TmdbError))]
internal sealed partial class TmdbJsonContext : JsonSerializerContext;
