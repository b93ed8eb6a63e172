using System.Text.Json;
using Episodic.Core.Parsing;
using Episodic.Llm.Resilience;
using Episodic.Tests.Fakes;

namespace Episodic.Bench;

/// <summary>
/// A fake model for the benchmarks: answers each OpenAI request with what the names say (the rule parser's reading,
/// so answers pass grounding), after a fixed latency, and reports realistic usage: the prompt's and the answer's
/// o200k token counts.
/// </summary>
internal sealed class GroundedResponder(TimeSpan latency)
{
    private readonly TokenEstimator _tokens = new();

    public FakeReply Reply(RecordedRequest request)
    {
        var body = request.Json;
        var messages = body.GetProperty("messages");
        var promptTokens = 0;
        foreach (var m in messages.EnumerateArray())
        {
            promptTokens += 4 + _tokens.Count(m.GetProperty("content").GetString());
        }

        var user = messages[messages.GetArrayLength() - 1].GetProperty("content").GetString() ?? "";
        var batch = body.TryGetProperty("response_format", out var rf) && rf.GetProperty("json_schema").GetProperty("name").GetString() == "episode_parse_batch";
        var content = batch ? BatchAnswer(user) : Answer(SingleName(user), null);
        return FakeReply.Text(content, promptTokens, _tokens.Count(content)) with { Delay = latency };
    }

    private static string SingleName(string user)
    {
        var line = user.Split('\n').First(l => l.TrimStart().StartsWith('"'));
        return JsonSerializer.Deserialize<string>(line.Trim()) ?? "";
    }

    private static string BatchAnswer(string user)
    {
        // The names are one JSON array on a line of their own; an item's index is its position.
        var line = user.Split('\n').First(l => l.TrimStart().StartsWith('['));
        using var doc = JsonDocument.Parse(line.Trim());
        // Either names (parse-batch/2) or {index, filename} objects (parse-batch/1), so either prompt can be measured.
        var items = doc.RootElement.EnumerateArray().Select((e, i) => e.ValueKind == JsonValueKind.String
            ? Answer(e.GetString()!, i)
            : Answer(e.GetProperty("filename").GetString()!, e.GetProperty("index").GetInt32()));
        return $"{{\"results\":[{string.Join(",", items)}]}}";
    }

    private static string Answer(string name, int? index)
    {
        var p = RuleParser.Default.Parse(name);
        var answer = new Dictionary<string, object?>
        {
            ["show_name"] = p.ShowName,
            ["year"] = p.Year,
            ["season"] = p.Season,
            ["episodes"] = p.Episodes,
            ["absolute_episodes"] = p.AbsoluteEpisodes,
            ["air_date"] = p.AirDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["full_season"] = p.FullSeason,
            ["special"] = p.Special,
            ["crc32"] = p.Crc32,
            ["release_group"] = p.ReleaseGroup,
            ["version"] = p.Version,
            ["is_episode"] = p.IsEpisode,
            ["confidence"] = 0.9,
            ["reasoning"] = "Read from the name.",
        };
        if (index is { } i)
        {
            answer = new Dictionary<string, object?> { ["index"] = i }.Concat(answer).ToDictionary();
        }

        return JsonSerializer.Serialize(answer);
    }
}
