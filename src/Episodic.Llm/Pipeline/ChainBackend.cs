namespace Episodic.Llm.Pipeline;

/// <summary>One backend in the fallback chain: its service (cache, dedup, resilience already composed in) and whether its circuit is open.</summary>
public sealed record ChainBackend(string Name, ILlmService Service, Func<bool> IsOpen)
{
    /// <summary>The backend's composed chat client (the chain <see cref="Service"/> talks through); <c>check</c> probes it.</summary>
    public Resilience.BackendClient? Client { get; init; }

    /// <summary>The validated settings the client was built from.</summary>
    public Providers.BackendOptions? Backend { get; init; }
}
