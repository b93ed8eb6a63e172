using System.Globalization;
using System.Text.Json;
using Episodic.Core.Model;

namespace Episodic.Llm.Caching;

/// <summary>
/// Reads back the exact JSON that <see cref="EpisodeParseJson.ToJson"/> writes. Hand-written like the writer, so the
/// cache never depends on reflection-based serialisation; the derived <c>episode</c> field is ignored on read.
/// </summary>
public static class EpisodeParseJsonReader
{
    /// <exception cref="JsonException">The text is not an EpisodeParse object (malformed JSON or missing <c>input</c>).</exception>
    public static EpisodeParse FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("An EpisodeParse must be a JSON object.");
        }

        var input = String(root, "input") ?? throw new JsonException("An EpisodeParse needs an \"input\" string.");
        return new EpisodeParse
        {
            Input = input,
            ShowName = String(root, "show_name"),
            Year = Int(root, "year"),
            Season = Int(root, "season"),
            Episodes = IntArray(root, "episodes"),
            AbsoluteEpisodes = IntArray(root, "absolute_episodes"),
            AirDate = String(root, "air_date") is { } d ? DateOnly.ParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
            FullSeason = Bool(root, "full_season"),
            Special = Bool(root, "special"),
            Crc32 = String(root, "crc32"),
            ReleaseGroup = String(root, "release_group"),
            Version = Int(root, "version"),
            Confidence = root.TryGetProperty("confidence", out var c) && c.ValueKind == JsonValueKind.Number ? c.GetDouble() : 0,
            Source = AnswerSource.TryParse(String(root, "source"), out var source) ? source : AnswerSource.Rules,
            Reasoning = String(root, "reasoning") ?? "",
        };
    }

    private static string? String(JsonElement o, string name) =>
        o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static int? Int(JsonElement o, string name) =>
        o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt32() : null;

    private static bool Bool(JsonElement o, string name) =>
        o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.True;

    private static int[] IntArray(JsonElement o, string name)
    {
        if (!o.TryGetProperty(name, out var v) || v.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        var values = new int[v.GetArrayLength()];
        var i = 0;
        foreach (var item in v.EnumerateArray())
        {
            values[i++] = item.GetInt32();
        }

        return values;
    }
}
