using Episodic.Core.Model;

namespace Episodic.Core.Evaluation;

/// <summary>The judgement of one scored row: which fields failed (empty = exact).</summary>
public sealed record RowVerdict(CorpusRow Row, EpisodeParse Result, IReadOnlyList<string> Fails)
{
    public bool IsExact => Fails.Count == 0;
}
