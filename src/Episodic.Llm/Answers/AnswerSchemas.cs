using System.Text.Json;

namespace Episodic.Llm.Answers;

/// <summary>
/// JSON schemas sent as structured-output constraints. Written in the strict subset every provider accepts: all
/// properties required, nullable through type unions, no additional properties.
/// </summary>
public static class AnswerSchemas
{
    private const string ParseProperties = """
        "show_name": { "type": ["string", "null"] },
        "year": { "type": ["integer", "null"] },
        "season": { "type": ["integer", "null"] },
        "episodes": { "type": "array", "items": { "type": "integer" } },
        "absolute_episodes": { "type": "array", "items": { "type": "integer" } },
        "air_date": { "type": ["string", "null"], "description": "YYYY-MM-DD" },
        "full_season": { "type": "boolean" },
        "special": { "type": "boolean" },
        "crc32": { "type": ["string", "null"] },
        "release_group": { "type": ["string", "null"] },
        "version": { "type": ["integer", "null"] },
        "is_episode": { "type": "boolean" },
        "confidence": { "type": "number" },
        "reasoning": { "type": "string" }
        """;

    private const string ParseRequired = """
        "show_name", "year", "season", "episodes", "absolute_episodes", "air_date", "full_season", "special",
        "crc32", "release_group", "version", "is_episode", "confidence", "reasoning"
        """;

    public static JsonElement Parse { get; } = Load($$"""
        { "type": "object", "additionalProperties": false,
          "properties": { {{ParseProperties}} },
          "required": [ {{ParseRequired}} ] }
        """);

    public static JsonElement ParseBatch { get; } = Load($$"""
        { "type": "object", "additionalProperties": false,
          "properties": { "results": { "type": "array", "items": {
            "type": "object", "additionalProperties": false,
            "properties": { "index": { "type": "integer" }, {{ParseProperties}} },
            "required": [ "index", {{ParseRequired}} ] } } },
          "required": [ "results" ] }
        """);

    public static JsonElement SuggestShow { get; } = Load("""
        { "type": "object", "additionalProperties": false,
          "properties": {
            "id": { "type": "integer" },
            "show_name": { "type": ["string", "null"] },
            "confidence": { "type": "number" },
            "reasoning": { "type": "string" } },
          "required": [ "id", "show_name", "confidence", "reasoning" ] }
        """);

    public static JsonElement ShortName { get; } = Load("""
        { "type": "object", "additionalProperties": false,
          "properties": { "name": { "type": "string" } },
          "required": [ "name" ] }
        """);

    private static JsonElement Load(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.Clone();
    }
}
