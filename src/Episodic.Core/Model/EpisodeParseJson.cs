using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Episodic.Core.Text;

namespace Episodic.Core.Model;

/// <summary>
/// Writes and reads <see cref="EpisodeParse"/> through its one source-generated contract
/// (<see cref="EpisodicJsonContext"/>). Non-ASCII names stay readable (no <c>\uXXXX</c> escapes, <see cref="JsonTextEncoder"/>), as the CLI has
/// always written them.
/// </summary>
public static class EpisodeParseJson
{
    /// <summary>The contract's options: <see cref="EpisodicJsonContext"/> plus <see cref="JsonTextEncoder"/>.</summary>
    public static JsonSerializerOptions Options { get; } = new(EpisodicJsonContext.Default.Options)
    {
        Encoder = JsonTextEncoder.Instance,
    };

    /// <summary>The type information for <see cref="EpisodeParse"/> under <see cref="Options"/>.</summary>
    public static JsonTypeInfo<EpisodeParse> TypeInfo { get; } = (JsonTypeInfo<EpisodeParse>)Options.GetTypeInfo(typeof(EpisodeParse));

    /// <summary>Writes one object to <paramref name="writer"/> (its own options decide indentation and escaping).</summary>
    public static void Write(Utf8JsonWriter writer, EpisodeParse p)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(p);
        JsonSerializer.Serialize(writer, p, TypeInfo);
    }

    /// <summary>One compact JSON object, as used for a JSONL line and a cache entry.</summary>
    public static string ToJson(EpisodeParse p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return JsonSerializer.Serialize(p, TypeInfo);
    }

    /// <summary>Reads what <see cref="ToJson"/> writes; the derived <c>episode</c> field is ignored.</summary>
    /// <exception cref="JsonException">The text is not an EpisodeParse object (malformed, wrong types, no <c>input</c>).</exception>
    public static EpisodeParse FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return JsonSerializer.Deserialize(json, TypeInfo) ?? throw new JsonException("An EpisodeParse must be a JSON object, not null.");
    }
}
