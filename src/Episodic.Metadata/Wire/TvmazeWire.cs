using System.Text.Json.Serialization;

namespace Episodic.Metadata.Wire;

// TVmaze wire shapes (camelCase, HAL "_embedded"). Only the fields Episodic reads.

/// <summary>One element of the <c>search/shows</c> list: a relevance score and the show.</summary>
internal sealed record TvmazeSearchHit(double Score, TvmazeShow? Show);

/// <summary><c>shows/{id}</c> (with <c>embed=akas</c>) and the show inside a search hit.</summary>
internal sealed record TvmazeShow(
    int Id,
    string? Name,
    string? Premiered,
    string? Status,
    TvmazeNetwork? Network,
    TvmazeNetwork? WebChannel,
    TvmazeExternals? Externals,
    string? Summary,
    [property: JsonPropertyName("_embedded")] TvmazeEmbedded? Embedded);

internal sealed record TvmazeNetwork(string? Name, TvmazeCountry? Country);

internal sealed record TvmazeCountry(string? Name, string? Code);

internal sealed record TvmazeExternals(int? Tvrage, int? Thetvdb, string? Imdb);

internal sealed record TvmazeEmbedded(List<TvmazeAka>? Akas);

/// <summary>An alternative name, with the country it is used in (null = worldwide).</summary>
internal sealed record TvmazeAka(string? Name, TvmazeCountry? Country);

/// <summary>One element of <c>shows/{id}/episodes</c> or <c>episodesbydate</c>; specials have no number.</summary>
internal sealed record TvmazeEpisode(int Id, string? Name, int Season, int? Number, string? Type, string? Airdate);

/// <summary>TVmaze's error body: <c>{"name":"Not Found","message":"","code":0,"status":404}</c>.</summary>
internal sealed record TvmazeError(string? Name, string? Message, int Code, int Status);

/// <summary>Source-generated (de)serialisation of the TVmaze contracts.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(List<TvmazeSearchHit>))]
[JsonSerializable(typeof(TvmazeShow))]
[JsonSerializable(typeof(List<TvmazeEpisode>))]
[JsonSerializable(typeof(TvmazeError))]
internal sealed partial class TvmazeJsonContext : JsonSerializerContext;
