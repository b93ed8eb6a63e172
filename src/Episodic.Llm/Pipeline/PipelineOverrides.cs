namespace Episodic.Llm.Pipeline;

/// <summary>What the command line may override for one run (highest precedence).</summary>
public sealed record PipelineOverrides
{
    public Strategy? Strategy { get; init; }

    public int? Concurrency { get; init; }

    public int? BatchSize { get; init; }

    public bool NoCache { get; init; }

    public string? CacheDir { get; init; }

    /// <summary>The escalation threshold instead of <c>[llm] threshold</c> (eval --threshold).</summary>
    public double? Threshold { get; init; }
}
