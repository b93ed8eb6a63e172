using Episodic.Metadata.Providers;

namespace Episodic.Metadata.Identify;

/// <summary>
/// Chooses among several plausible shows when the rules cannot. The identifier depends on this small interface, not
/// on the LLM stack, so the stack can be composed elsewhere (<see cref="LlmShowPicker"/> adapts it).
/// </summary>
public interface IShowPicker
{
    /// <summary>"backend:model", for reasons and warnings.</summary>
    string Name { get; }

    /// <summary>The chosen candidate (always one of <paramref name="candidates"/>), or null when none fits.</summary>
    Task<ShowPick?> PickAsync(string showName, IReadOnlyList<ShowCandidateInfo> candidates, CancellationToken cancellationToken);
}

/// <summary>A picker's choice, its confidence and its reasoning.</summary>
public sealed record ShowPick(ShowCandidateInfo Candidate, double Confidence, string Reasoning);
