using System.Text.Json;
using System.Text.Json.Nodes;

namespace Episodic.Tests.Docs;

/// <summary>
/// Compares a doc's JSON example with an actual answer, allowing the elisions docs use to stay short: a member
/// <c>"...": "..."</c> means "the object has more members", and the string <c>"..."</c> stands for any value. Anything
/// shown must match exactly, so a stale path or confidence still fails.
/// </summary>
internal static class DocJson
{
    private const string Elided = "...";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static JsonNode? TryParse(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static bool Matches(JsonNode? expected, JsonNode? actual)
    {
        if (expected is JsonValue v && v.TryGetValue<string>(out var s) && s == Elided)
        {
            return true;
        }

        switch (expected)
        {
            case JsonObject e when actual is JsonObject a:
                var open = e.ContainsKey(Elided);
                return e.Where(m => m.Key != Elided).All(m => a.TryGetPropertyValue(m.Key, out var av) && Matches(m.Value, av))
                    && (open || e.Count == a.Count);
            case JsonArray e when actual is JsonArray a:
                return e.Count == a.Count && e.Zip(a).All(p => Matches(p.First, p.Second));
            default:
                return JsonNode.DeepEquals(expected, actual);
        }
    }

    /// <summary>The actual answer cut to the doc's shape (its elisions kept), indented when the doc indents.</summary>
    public static string Reshape(JsonNode? expected, JsonNode? actual, bool indented)
    {
        var shaped = Cut(expected, actual);
        return indented ? shaped?.ToJsonString(Indented) ?? "null" : shaped?.ToJsonString(new JsonSerializerOptions { Encoder = Indented.Encoder }) ?? "null";
    }

    private static JsonNode? Cut(JsonNode? expected, JsonNode? actual)
    {
        if (expected is JsonValue v && v.TryGetValue<string>(out var s) && s == Elided)
        {
            return JsonValue.Create(Elided);
        }

        switch (expected)
        {
            case JsonObject e when actual is JsonObject a && e.ContainsKey(Elided):
                var cut = new JsonObject();
                foreach (var (key, value) in e)
                {
                    cut[key] = key == Elided ? JsonValue.Create(Elided) : a.TryGetPropertyValue(key, out var av) ? Cut(value, av) : null;
                }

                return cut;
            case JsonObject e when actual is JsonObject a:
                var whole = new JsonObject();
                foreach (var (key, value) in a)
                {
                    whole[key] = e.TryGetPropertyValue(key, out var ev) ? Cut(ev, value) : value?.DeepClone();
                }

                return whole;
            case JsonArray e when actual is JsonArray a:
                return new JsonArray(a.Select((item, i) => i < e.Count ? Cut(e[i], item) : item?.DeepClone()).ToArray());
            default:
                return actual?.DeepClone();
        }
    }
}
