namespace Episodic.Llm.Pipeline;

/// <summary>One backend in the fallback chain: its service (cache, dedup, resilience already composed in) and whether its circuit is open.</summary>
public sealed record ChainBackend(string Name, ILlmService Service, Func<bool> IsOpen);
