using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Episodic.Core.Text;

namespace Episodic.Core.Metadata;

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
            MetadataNames.Of(id.Status),
            id.Show?.Name,
            id.Show?.Year,
            id.Show?.Id.ToString(),
            id.Show?.TmdbId,
            id.Show?.TvmazeId,
            id.Season,
            id.Episodes,
            id.EpisodeTitle,
            id.AirDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            MetadataNames.Of(id.MatchedBy),
            Math.Round(id.Confidence, 3),
            id.Reason);
    }
}

/// <summary>Source-generated serialisation of <see cref="IdentificationJson"/>.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(IdentificationJson))]
[JsonSerializable(typeof(List<IdentificationJson>))]
public sealed partial class IdentificationJsonContext : JsonSerializerContext;

/// <summary>How an identification is written: its context with <see cref="JsonTextEncoder"/>, so names stay readable.</summary>
public static class IdentificationJsonText
{
    /// <summary>The contract's options: <see cref="IdentificationJsonContext"/> plus <see cref="JsonTextEncoder"/>.</summary>
    public static JsonSerializerOptions Options { get; } = new(IdentificationJsonContext.Default.Options)
    {
        Encoder = JsonTextEncoder.Instance,
    };

    /// <summary>One identification as compact JSON (a JSON line, a response body).</summary>
    public static string ToJson(IdentificationJson identification) =>
        JsonSerializer.Serialize(identification, (JsonTypeInfo<IdentificationJson>)Options.GetTypeInfo(typeof(IdentificationJson)));

    /// <summary>Several as one compact JSON array.</summary>
    public static string ToJson(List<IdentificationJson> identifications) =>
        JsonSerializer.Serialize(identifications, (JsonTypeInfo<List<IdentificationJson>>)Options.GetTypeInfo(typeof(List<IdentificationJson>)));
}
