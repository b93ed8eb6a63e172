using System.Text.Json.Serialization;

namespace Episodic.Cli;

/// <summary>
/// The line <c>suggest-show</c> prints: a named contract so System.Text.Json writes it from generated code, which the
/// native (AOT, trimmed) binary needs; an anonymous type would need reflection.
/// </summary>
internal sealed record SuggestShowLine(
    [property: JsonPropertyName("id")] int Id,
    [property: JsonPropertyName("show_name")] string? ShowName,
    [property: JsonPropertyName("show_id")] string? ShowId,
    [property: JsonPropertyName("confidence")] double Confidence,
    [property: JsonPropertyName("reasoning")] string Reasoning,
    [property: JsonPropertyName("candidates")] int Candidates);

/// <summary>Source-generated serializer for <see cref="SuggestShowLine"/> (default options, as before).</summary>
[JsonSerializable(typeof(SuggestShowLine))]
internal sealed partial class SuggestShowJson : JsonSerializerContext;
