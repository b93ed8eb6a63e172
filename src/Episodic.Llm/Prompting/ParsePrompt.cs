using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Episodic.Llm.Prompting;

/// <summary>
/// The parse requests' messages, rendered in one place so what <see cref="LlmService"/> sends and what the cost
/// estimate of <c>eval --llm</c> counts are the same text.
/// </summary>
public static class ParsePrompt
{
    /// <summary>The one-name request (<see cref="PromptLibrary.ParseFilename"/>); <paramref name="feedback"/> is the previous rejection, or empty.</summary>
    public static ChatMessage[] OneName(PromptLibrary prompts, string filename, string feedback = "")
    {
        ArgumentNullException.ThrowIfNull(prompts);
        var template = prompts[PromptLibrary.ParseFilename];
        var values = new Dictionary<string, string> { ["filename_json"] = JsonSerializer.Serialize(filename), ["feedback"] = feedback };
        return [new ChatMessage(ChatRole.System, template.System), new ChatMessage(ChatRole.User, template.RenderUser(values))];
    }

    /// <summary>The many-name request (<see cref="PromptLibrary.ParseBatch"/>): items keyed by index.</summary>
    public static ChatMessage[] Batch(PromptLibrary prompts, IReadOnlyList<string> filenames)
    {
        ArgumentNullException.ThrowIfNull(prompts);
        ArgumentNullException.ThrowIfNull(filenames);
        var template = prompts[PromptLibrary.ParseBatch];
        var items = JsonSerializer.Serialize(filenames.Select((f, i) => new { index = i, filename = f }));
        var user = template.RenderUser(new Dictionary<string, string> { ["items_json"] = items, ["feedback"] = "" });
        return [new ChatMessage(ChatRole.System, template.System), new ChatMessage(ChatRole.User, user)];
    }
}
