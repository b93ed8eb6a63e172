namespace Episodic.Cli;

/// <summary>
/// The <c>--strategy</c> and <c>--backend</c> values the shared options list and accept. The LLM assembly declares
/// them (<c>PipelineOptions.StrategyNames</c>, <c>LlmConfiguration.ServiceNames</c>); they are repeated here so that
/// building the options, which every run of <c>parse</c> does, does not load that assembly and run its static
/// set-up. A test holds the copies equal to the declarations, order included.
/// </summary>
internal static class LlmNames
{
    /// <summary>The pipeline strategies, in <c>PipelineOptions.StrategyNames</c> order.</summary>
    public static readonly string[] Strategies = ["rules-first", "llm-first", "rules-only", "llm-only"];

    /// <summary>The backends (<c>[llm] service</c> values), in <c>LlmConfiguration.ServiceNames</c> order.</summary>
    public static readonly string[] Services = ["ollama", "openai", "anthropic"];
}
