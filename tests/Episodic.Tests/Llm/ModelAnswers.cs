using System.Text.Json;

namespace Episodic.Tests.Llm;

/// <summary>Builds the JSON a well-behaved model returns for the parse prompts (single answers and batch items).</summary>
internal static class ModelAnswers
{
    /// <summary>One answer for a seasonless (absolute-numbered) episode; <paramref name="index"/> makes it a batch item.</summary>
    public static Dictionary<string, object?> Absolute(string show, int episode, int? index = null, string? crc = null, string group = "SubsPlease", double confidence = 0.9)
    {
        var answer = new Dictionary<string, object?>();
        if (index is { } i)
        {
            answer["index"] = i;
        }

        answer["show_name"] = show;
        answer["year"] = null;
        answer["season"] = null;
        answer["episodes"] = new[] { episode };
        answer["absolute_episodes"] = new[] { episode };
        answer["air_date"] = null;
        answer["full_season"] = false;
        answer["special"] = false;
        answer["crc32"] = crc;
        answer["release_group"] = group;
        answer["version"] = null;
        answer["is_episode"] = true;
        answer["confidence"] = confidence;
        answer["reasoning"] = "Dash number.";
        return answer;
    }

    public static string Json(object answer) => JsonSerializer.Serialize(answer);

    public static string Batch(params object[] items) => JsonSerializer.Serialize(new { results = items });
}
