using Microsoft.Extensions.Options;

namespace Episodic.Llm.Configuration;

/// <summary>
/// The one validator for <see cref="LlmSettings"/>: the generated attribute checks plus the cross-field rules,
/// every problem reported at once. Registered by <see cref="LlmServiceCollectionExtensions.AddLlmSettings"/>.
/// </summary>
public sealed class LlmSettingsValidator : IValidateOptions<LlmSettings>
{
    private static readonly string[] SectionOrder = ["[llm]", "[ollama]", "[openai]", "[anthropic]"];

    private readonly LlmSettingsAnnotations annotations = new();
    private readonly LlmSettingsRules rules = new();

    public ValidateOptionsResult Validate(string? name, LlmSettings options)
    {
        var problems = Problems(name, options);
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    internal List<string> Problems(string? name, LlmSettings options)
    {
        var problems = new List<string>();
        foreach (var result in new[] { annotations.Validate(name, options), rules.Validate(name, options) })
        {
            if (result.Failed)
            {
                problems.AddRange(result.Failures.Select(WithoutMemberPrefix));
            }
        }

        // Grouped by section ([llm], [ollama], [openai], [anthropic]) so attribute and rule messages about one section sit together.
        return [.. problems.OrderBy(SectionRank)];
    }

    private static int SectionRank(string problem)
    {
        var rank = Array.FindIndex(SectionOrder, s => problem.StartsWith(s, StringComparison.Ordinal));
        return rank < 0 ? SectionOrder.Length : rank;
    }

    /// <summary>
    /// The generated validator prefixes each message with the C# member path ("Llm.Service: ..."); our messages
    /// already name the INI key, which is what the user can act on.
    /// </summary>
    private static string WithoutMemberPrefix(string failure)
    {
        var bracket = failure.IndexOf(": [", StringComparison.Ordinal);
        return bracket >= 0 && !failure[..bracket].Contains('[', StringComparison.Ordinal) ? failure[(bracket + 2)..] : failure;
    }
}
