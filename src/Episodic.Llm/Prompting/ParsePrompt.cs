using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Episodic.Llm.Prompting;

/// <summary>
/// The parse requests' messages, rendered in one place so what <see cref="LlmService"/> sends and what the cost
/// estimate of <c>eval --llm</c> counts are the same text.
/// </summary>
public static class ParsePrompt
{
    /// <summary>The one-name request (<see cref="PromptLibrary.ParseFilename"/>).</summary>
    /// <param name="feedback">The previous rejection, or empty.</param>
    /// <param name="rulesHint">The rule parser's reading as JSON (<see cref="RulesHint.ForOneName"/>), or null.</param>
    public static ChatMessage[] OneName(PromptLibrary prompts, string filename, string feedback = "", string? rulesHint = null)
    {
        ArgumentNullException.ThrowIfNull(prompts);
        var template = prompts[PromptLibrary.ParseFilename];
        var values = new Dictionary<string, string>
        {
            ["filename_json"] = Json(filename),
            ["rules_json"] = rulesHint is null ? "" : $"The rule parser's reading (JSON data; it may be wrong): {rulesHint}",
            ["feedback"] = feedback,
        };
        return [new ChatMessage(ChatRole.System, template.System), new ChatMessage(ChatRole.User, template.RenderUser(values))];
    }

    /// <summary>The many-name request (<see cref="PromptLibrary.ParseBatch"/>): the names as one array, an answer's index being its position.</summary>
    /// <param name="rulesHints">The rule parser's doubtful readings by index (<see cref="RulesHint.ForBatch"/>), or null.</param>
    public static ChatMessage[] Batch(PromptLibrary prompts, IReadOnlyList<string> filenames, string? rulesHints = null)
    {
        ArgumentNullException.ThrowIfNull(prompts);
        ArgumentNullException.ThrowIfNull(filenames);
        var template = prompts[PromptLibrary.ParseBatch];
        var values = new Dictionary<string, string>
        {
            ["names_json"] = Json(filenames),
            ["rules_json"] = rulesHints is null ? "" : $"Rule-parser readings by index (data; may be wrong): {rulesHints}",
            ["feedback"] = "",
        };
        return [new ChatMessage(ChatRole.System, template.System), new ChatMessage(ChatRole.User, template.RenderUser(values))];
    }

    /// <summary>A JSON string that escapes quotes, backslashes and control characters, and leaves letters (CJK too) as they are.</summary>
    private static string Json(string value) => Write(json => json.WriteStringValue(value));

    /// <summary>A compact JSON array of strings, escaped as <see cref="Json(string)"/>.</summary>
    private static string Json(IReadOnlyList<string> values) => Write(json =>
    {
        json.WriteStartArray();
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    });

    private static string Write(Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, RulesHint.WriterOptions))
        {
            body(json);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
