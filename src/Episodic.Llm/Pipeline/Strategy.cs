namespace Episodic.Llm.Pipeline;

/// <summary>Which tier answers first (<c>[llm] strategy</c>, <c>--strategy</c>).</summary>
public enum Strategy
{
    /// <summary>Rule parser first; names below the threshold escalate to the LLM chain (the default: cheapest).</summary>
    RulesFirst,

    /// <summary>The LLM chain first (Sync2NAS's behaviour); rules when the chain fails or falls short.</summary>
    LlmFirst,

    /// <summary>Never call a model.</summary>
    RulesOnly,

    /// <summary>Always ask the chain; rules only when every backend fails.</summary>
    LlmOnly,
}
