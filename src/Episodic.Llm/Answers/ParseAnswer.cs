using System.Globalization;
using System.Text.Json;

namespace Episodic.Llm.Answers;

/// <summary>A model's parse of one filename, read leniently from JSON; <see cref="Problems"/> lists what was malformed.</summary>
public sealed class ParseAnswer
{
    public string? ShowName { get; init; }

    public int? Year { get; init; }

    public int? Season { get; init; }

    public IReadOnlyList<int> Episodes { get; init; } = [];

    public IReadOnlyList<int> AbsoluteEpisodes { get; init; } = [];

    public DateOnly? AirDate { get; init; }

    public bool FullSeason { get; init; }

    public bool Special { get; init; }

    public string? Crc32 { get; init; }

    public string? ReleaseGroup { get; init; }

    public int? Version { get; init; }

    public bool IsEpisode { get; init; } = true;

    public double Confidence { get; init; }

    public string Reasoning { get; init; } = "";

    public IReadOnlyList<string> Problems { get; init; } = [];

    public static ParseAnswer Read(JsonElement e)
    {
        var problems = new List<string>();
        if (e.ValueKind != JsonValueKind.Object)
        {
            return new ParseAnswer { Problems = ["the answer must be a JSON object"] };
        }

        var episodes = IntList(e, "episodes", problems);
        if (episodes.Count == 0 && Int(e, "episode", problems) is { } single)
        {
            // The Sync2NAS contract used a single "episode" field; accept it.
            episodes = [single];
        }

        return new ParseAnswer
        {
            ShowName = Str(e, "show_name", problems)?.Trim(),
            Year = Int(e, "year", problems),
            Season = Int(e, "season", problems),
            Episodes = episodes,
            AbsoluteEpisodes = IntList(e, "absolute_episodes", problems),
            AirDate = Date(e, "air_date", problems),
            FullSeason = Bool(e, "full_season") ?? false,
            Special = Bool(e, "special") ?? false,
            Crc32 = Str(e, "crc32", problems)?.Trim(),
            ReleaseGroup = Str(e, "release_group", problems)?.Trim(),
            Version = Int(e, "version", problems),
            IsEpisode = Bool(e, "is_episode") ?? true,
            Confidence = Number(e, "confidence", problems) ?? 0.5,
            Reasoning = Str(e, "reasoning", problems) ?? "",
            Problems = problems,
        };
    }

    private static JsonElement? Get(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? v : null;

    private static string? Str(JsonElement e, string name, List<string> problems)
    {
        if (Get(e, name) is not { } v)
        {
            return null;
        }

        if (v.ValueKind == JsonValueKind.String)
        {
            return v.GetString();
        }

        problems.Add($"{name} must be a string");
        return null;
    }

    private static int? Int(JsonElement e, string name, List<string> problems)
    {
        if (Get(e, name) is not { } v)
        {
            return null;
        }

        if (v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var n))
        {
            return n;
        }

        if (v.ValueKind == JsonValueKind.String && int.TryParse(v.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out n))
        {
            return n;
        }

        problems.Add($"{name} must be a whole number");
        return null;
    }

    private static double? Number(JsonElement e, string name, List<string> problems)
    {
        if (Get(e, name) is not { } v)
        {
            return null;
        }

        if (v.ValueKind == JsonValueKind.Number)
        {
            return v.GetDouble();
        }

        problems.Add($"{name} must be a number");
        return null;
    }

    private static bool? Bool(JsonElement e, string name) =>
        Get(e, name) is { } v && v.ValueKind is JsonValueKind.True or JsonValueKind.False ? v.GetBoolean() : null;

    private static List<int> IntList(JsonElement e, string name, List<string> problems)
    {
        var list = new List<int>();
        if (Get(e, name) is not { } v)
        {
            return list;
        }

        if (v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var one))
        {
            list.Add(one);
            return list;
        }

        if (v.ValueKind != JsonValueKind.Array)
        {
            problems.Add($"{name} must be an array of whole numbers");
            return list;
        }

        foreach (var item in v.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.Number && item.TryGetInt32(out var n))
            {
                list.Add(n);
            }
            else
            {
                problems.Add($"{name} must hold whole numbers only");
                break;
            }
        }

        return list;
    }

    private static DateOnly? Date(JsonElement e, string name, List<string> problems)
    {
        var s = Str(e, name, problems);
        if (s is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            return d;
        }

        problems.Add($"{name} must be YYYY-MM-DD");
        return null;
    }
}
