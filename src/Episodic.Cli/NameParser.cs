using Episodic.Core.Model;
using Episodic.Core.Parsing;
using Episodic.Llm;
using Episodic.Llm.Providers;

namespace Episodic.Cli;

/// <summary>How <c>parse</c> reads one name: the rule parser, or an LLM backend that falls back to it when the backend fails.</summary>
internal static class NameParser
{
    public static Func<string, EpisodeParse> Rules { get; } = RuleParser.Default.Parse;

    public static Func<string, EpisodeParse> Llm(ILlmService service, int maxTokens, CliContext context, CancellationToken cancellationToken)
    {
        var warned = false;
        return name =>
        {
            try
            {
                // parse streams one name at a time; the pipeline (batching, concurrency) is a later layer.
                return service.ParseFilenameAsync(name, maxTokens, cancellationToken).GetAwaiter().GetResult();
            }
            catch (LlmBackendException ex)
            {
                if (!warned)
                {
                    context.Error($"{service.Name} failed ({ex.Message}); the rule parser answers instead.");
                    warned = true;
                }

                var rules = RuleParser.Default.Parse(name);
                return rules with { Reasoning = $"{rules.Reasoning} The {service.Name} backend failed ({ex.Message}), so the rule parser answered." };
            }
        };
    }
}
