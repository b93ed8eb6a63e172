using System.Text.Json.Serialization;
using Episodic.Core.Model;

namespace Episodic.Server;

/// <summary><c>POST /parse</c>: one release or file name.</summary>
public sealed record ParseRequest([property: JsonPropertyName("name")] string? Name);

/// <summary><c>POST /parse/batch</c>: names parsed in order.</summary>
public sealed record BatchParseRequest([property: JsonPropertyName("names")] IReadOnlyList<string?>? Names);

/// <summary><c>POST /route/plan</c>: where these names would go in the library; no file is touched.</summary>
public sealed record RoutePlanRequest
{
    [JsonPropertyName("names")]
    public IReadOnlyList<string?>? Names { get; init; }

    /// <summary>Library root for TV (as the client sees it; never read).</summary>
    [JsonPropertyName("library")]
    public string? Library { get; init; }

    /// <summary>Separate root for anime; default: <see cref="Library"/>.</summary>
    [JsonPropertyName("anime_library")]
    public string? AnimeLibrary { get; init; }

    /// <summary>Show folders already in the library, so "the.office.us" goes into "The Office (US)".</summary>
    [JsonPropertyName("existing_shows")]
    public IReadOnlyList<string?>? ExistingShows { get; init; }

    /// <summary>Season/episode template, e.g. <c>{show}/Season {season:00}/{show} - S{season:00}E{episode:00}{ext}</c>.</summary>
    [JsonPropertyName("template")]
    public string? Template { get; init; }

    /// <summary>Names below this confidence are skipped (default <see cref="Routing.RoutingOptions.DefaultMinConfidence"/>).</summary>
    [JsonPropertyName("min_confidence")]
    public double? MinConfidence { get; init; }
}

/// <summary>Response of <c>POST /parse/batch</c>.</summary>
public sealed record BatchParseDocument([property: JsonPropertyName("results")] IReadOnlyList<EpisodeParse> Results);

/// <summary>One name of a route plan.</summary>
public sealed record RoutePlanItemDocument(
    [property: JsonPropertyName("input")] string Input,
    [property: JsonPropertyName("action")] string Action,
    [property: JsonPropertyName("destination")] string? Destination,
    [property: JsonPropertyName("relative_path")] string? RelativePath,
    [property: JsonPropertyName("show_folder")] string? ShowFolder,
    [property: JsonPropertyName("layout")] string? Layout,
    [property: JsonPropertyName("new_show_folder")] bool NewShowFolder,
    [property: JsonPropertyName("anime")] bool Anime,
    [property: JsonPropertyName("reason")] string Reason,
    [property: JsonPropertyName("confidence"), JsonConverter(typeof(ConfidenceJsonConverter))] double Confidence,
    [property: JsonPropertyName("parse")] EpisodeParse Parse);

/// <summary>Response of <c>POST /route/plan</c>.</summary>
public sealed record RoutePlanDocument([property: JsonPropertyName("items")] IReadOnlyList<RoutePlanItemDocument> Items);
