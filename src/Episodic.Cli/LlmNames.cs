namespace Episodic.Cli;

/// <summary>
/// The <c>--strategy</c> and <c>--backend</c> values the shared options list and accept. The LLM assembly declares
/// them (<c>PipelineOptions.StrategyNames</c>, <c>LlmConfiguration.ServiceNames</c>); they are repeated here so that
/// building the options, which every run of <c>parse</c> does, does not load that assembly and run its static
/// set-up. A test holds the copies equal to the declarations, order included.
/// </summary>
internal static class LlmNames
{
    /// <summary>The strategy that needs no model: the one <c>--strategy</c> value that does not imply <c>--llm</c>.</summary>
    public const string RulesOnly = "rules-only";

    /// <summary>The pipeline strategies, in <c>PipelineOptions.StrategyNames</c> order.</summary>
    public static readonly string[] Strategies = ["rules-first", "llm-first", RulesOnly, "llm-only"];

    /// <summary>
    /// True when <paramref name="strategy"/> (a valid <c>--strategy</c> value) is <see cref="RulesOnly"/>. Decided
    /// from this copy, not from the LLM assembly's table, so that <c>parse --strategy rules-only</c> loads no LLM code.
    /// </summary>
    public static bool IsRulesOnly(string strategy) => string.Equals(strategy, RulesOnly, StringComparison.OrdinalIgnoreCase);

    /// <summary>The backends (<c>[llm] service</c> values), in <c>LlmConfiguration.ServiceNames</c> order.</summary>
    public static readonly string[] Services = ["ollama", "openai", "anthropic"];
}
