using System.Globalization;
using System.Text.Json.Serialization;
using Episodic.Core.Metadata;

namespace Episodic.Metadata;

/// <summary>
/// The JSON contract of one identification, shared by <c>episodic identify -f json|jsonl</c> and <c>POST /identify</c>.
/// Field names are snake_case; absent values are null, episodes an empty array.
/// </summary>
public sealed record IdentificationJson(
    string Input,
    string Status,
    string? Show,
    int? Year,
    string? ShowId,
    int? TmdbId,
    int? TvmazeId,
    int? Season,
    IReadOnlyList<int> Episodes,
    string? EpisodeTitle,
    string? AirDate,
    string? MatchedBy,
    double Confidence,
    string Reason)
{
    public static IdentificationJson From(string input, Identification id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return new IdentificationJson(
            input,
            StatusName(id.Status),
            id.Show?.Name,
            id.Show?.Year,
            id.Show?.Id.ToString(),
            id.Show?.TmdbId,
            id.Show?.TvmazeId,
            id.Season,
            id.Episodes,
            id.EpisodeTitle,
            id.AirDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            MatchedByName(id.MatchedBy),
            Math.Round(id.Confidence, 3),
            id.Reason);
    }

    /// <summary>snake_case status names: identified, not_an_episode, show_not_found, ambiguous, episode_unknown, provider_unavailable.</summary>
    public static string StatusName(IdentifyStatus status) => status switch
    {
        IdentifyStatus.Identified => "identified",
        IdentifyStatus.NotAnEpisode => "not_an_episode",
        IdentifyStatus.ShowNotFound => "show_not_found",
        IdentifyStatus.Ambiguous => "ambiguous",
        IdentifyStatus.EpisodeUnknown => "episode_unknown",
        _ => "provider_unavailable",
    };

    /// <summary>snake_case names: alias, name, original_name, alternative_title, model, most_likely.</summary>
    public static string? MatchedByName(MatchedBy? by) => by switch
    {
        null => null,
        Core.Metadata.MatchedBy.Alias => "alias",
        Core.Metadata.MatchedBy.Name => "name",
        Core.Metadata.MatchedBy.OriginalName => "original_name",
        Core.Metadata.MatchedBy.AlternativeTitle => "alternative_title",
        Core.Metadata.MatchedBy.Model => "model",
        _ => "most_likely",
    };
}

/// <summary>Source-generated serialisation of <see cref="IdentificationJson"/>.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(IdentificationJson))]
[JsonSerializable(typeof(List<IdentificationJson>))]
public sealed partial class IdentificationJsonContext : JsonSerializerContext;
