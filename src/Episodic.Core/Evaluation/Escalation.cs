using Episodic.Core.Model;

namespace Episodic.Core.Evaluation;

/// <summary>The rules-first escalation rule as the scorer counts it: below the threshold a model is asked.</summary>
public static class Escalation
{
    /// <summary>The default escalation threshold of rules-first (and of score.py's <c>--threshold</c>).</summary>
    public const double DefaultThreshold = 0.7;

    public static bool IsEscalated(EpisodeParse result, double threshold)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Confidence < threshold;
    }
}
