using System.Text.Json.Serialization;

namespace Episodic.Llm.Prompting;

/// <summary>One show candidate as the suggest-show prompt shows it to the model (overview cut to 300 characters).</summary>
internal sealed record PromptCandidate(
    [property: JsonPropertyName("id")] int Id,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("original_name")] string? OriginalName,
    [property: JsonPropertyName("first_air_date")] string? FirstAirDate,
    [property: JsonPropertyName("overview")] string? Overview,
    [property: JsonPropertyName("alternative_titles")] IReadOnlyList<string>? AlternativeTitles);

/// <summary>
/// Source-generated JSON for the values put into prompts (default options, as the reflection serializer had), so the
/// prompt code needs no reflection and stays trim- and AOT-safe.
/// </summary>
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(List<PromptCandidate>))]
internal sealed partial class PromptJson : JsonSerializerContext;
