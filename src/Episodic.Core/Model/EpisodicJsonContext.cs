using System.Text.Json.Serialization;

namespace Episodic.Core.Model;

/// <summary>
/// The source-generated JSON contract of <see cref="EpisodeParse"/>: snake_case names, nulls written, the source as
/// its wire string and the confidence rounded (both by converters on the types). The CLI's json/jsonl output, the
/// SQLite cache entries and the server's responses and OpenAPI schema all come from this one declaration.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    RespectNullableAnnotations = true)]
[JsonSerializable(typeof(EpisodeParse))]
public sealed partial class EpisodicJsonContext : JsonSerializerContext;
