using System.Text.Json.Serialization;
using Episodic.Automation.Review;
using Episodic.Core.Model;
using Episodic.Routing.Planning;

namespace Episodic.Server;

/// <summary><c>POST /review/{id}/accept</c>: the person's reading; every field optional (none = the proposed reading). One of show, tmdb_id, tvmaze_id.</summary>
public sealed record ReviewAcceptRequest
{
    /// <summary>The show's name ("Name (2005)" for a year).</summary>
    [JsonPropertyName("show")]
    public string? Show { get; init; }

    /// <summary>The show's TMDB id: identified by id, never searched.</summary>
    [JsonPropertyName("tmdb_id")]
    public int? TmdbId { get; init; }

    /// <summary>The show's TVmaze id: identified by id, never searched.</summary>
    [JsonPropertyName("tvmaze_id")]
    public int? TvmazeId { get; init; }

    /// <summary>The season (0 = specials).</summary>
    [JsonPropertyName("season")]
    public int? Season { get; init; }

    /// <summary>Episode numbers (several for a multi-episode file).</summary>
    [JsonPropertyName("episodes")]
    public IReadOnlyList<int>? Episodes { get; init; }
}

/// <summary>A show of a held item: the provider's id (<c>tvmaze:169</c>), its name and year.</summary>
public sealed record ReviewShowDocument(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("year")] int? Year)
{
    internal static ReviewShowDocument From(ReviewShow show) => new(show.Id.ToString(), show.Name, show.Year);
}

/// <summary>One held item of <c>GET /review</c>: what it is, why it was held, the proposed reading and the metadata candidates.</summary>
public sealed record ReviewItemDocument(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("library")] string Library,
    [property: JsonPropertyName("reason")] string Reason,
    [property: JsonPropertyName("detail")] string Detail,
    [property: JsonPropertyName("held_by")] string HeldBy,
    [property: JsonPropertyName("held_at")] DateTimeOffset HeldAt,
    [property: JsonPropertyName("proposal")] EpisodeParse Proposal,
    [property: JsonPropertyName("proposed_show")] ReviewShowDocument? ProposedShow,
    [property: JsonPropertyName("candidates")] IReadOnlyList<ReviewShowDocument> Candidates,
    [property: JsonPropertyName("destination")] string? Destination)
{
    internal static ReviewItemDocument From(ReviewItem item) => new(
        item.Id,
        item.Path,
        item.Library,
        item.Reason.WireName(),
        item.Detail,
        item.HeldBy,
        item.HeldAt,
        item.Proposal,
        item.ProposedShow is { } shown ? ReviewShowDocument.From(shown) : null,
        [.. item.Candidates.Select(ReviewShowDocument.From)],
        item.Destination);
}

/// <summary>Response of <c>GET /review</c>: held items oldest first; <c>untrusted</c> lists queue rows not signed with the server user's key (never offered).</summary>
public sealed record ReviewListDocument(
    [property: JsonPropertyName("items")] IReadOnlyList<ReviewItemDocument> Items,
    [property: JsonPropertyName("untrusted")] IReadOnlyList<string> Untrusted);

/// <summary>Response of an accept that filed the item: where the video went and the journal <c>episodic undo</c> reverses.</summary>
public sealed record ReviewAcceptDocument(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("source")] string? Source,
    [property: JsonPropertyName("destination")] string? Destination,
    [property: JsonPropertyName("journal")] string? Journal);

/// <summary>Response of <c>POST /review/{id}/skip</c>: the item left the queue; the file stays where it is.</summary>
public sealed record ReviewSkipDocument(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("skipped")] bool Skipped);
