using System.Text;
using Episodic.Core.Parsing;
using Episodic.Core.Parsing.Confidence;

namespace Episodic.Core.Evaluation;

/// <summary>How <see cref="ConfidenceTraining.CrossValidate"/> splits the rows.</summary>
public enum CvSplit
{
    /// <summary>K folds by a hash of the row id: catches weights that memorise rows.</summary>
    ByRowHash,

    /// <summary>One fold per corpus (fit on the others): the closer proxy for names from a source never seen.</summary>
    LeaveOneSourceOut,
}

/// <summary>
/// Refits the confidence model on labelled corpora and checks it out of fold. The parse (and so exactness) does not
/// depend on the weights; only the confidence does, so each held-out row is re-scored with weights that never saw it.
/// </summary>
public static class ConfidenceTraining
{
    /// <summary>Fits weights on every scored row of the corpora and returns the weights file's text.</summary>
    public static string Fit(IReadOnlyList<(string Name, IReadOnlyList<CorpusRow> Rows)> corpora, string header)
    {
        var samples = Collect(corpora).Where(s => s.Features is not null).ToList();
        var weights = LogisticFit.Fit([.. samples.Select(s => s.Features!)], [.. samples.Select(s => s.Exact)], SourceBalance(samples));
        return weights.Format(header);
    }

    /// <summary>Out-of-fold reports per corpus and overall: exact, escalated, confident-wrong and calibration.</summary>
    public static (IReadOnlyList<CorpusReport> Reports, CorpusReport Overall) CrossValidate(
        IReadOnlyList<(string Name, IReadOnlyList<CorpusRow> Rows)> corpora, CvSplit split, int folds, double threshold = Escalation.DefaultThreshold)
    {
        ArgumentNullException.ThrowIfNull(corpora);
        if (split == CvSplit.ByRowHash && folds < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(folds), folds, "cross-validation needs at least 2 folds");
        }

        var samples = Collect(corpora);
        var foldOf = samples.Select(s => split == CvSplit.ByRowHash ? (int)(Fnv1a(s.Row.Id) % (uint)folds) : s.CorpusIndex).ToArray();
        var foldCount = split == CvSplit.ByRowHash ? folds : corpora.Count;
        var verdicts = new RowVerdict[samples.Count];
        for (var f = 0; f < foldCount; f++)
        {
            var train = samples.Where((s, i) => foldOf[i] != f && s.Features is not null).ToList();
            var weights = LogisticFit.Fit([.. train.Select(s => s.Features!)], [.. train.Select(s => s.Exact)], SourceBalance(train));
            for (var i = 0; i < samples.Count; i++)
            {
                if (foldOf[i] != f)
                {
                    continue;
                }

                var s = samples[i];
                var confidence = s.Features is null ? s.Result.Confidence
                    : ConfidenceModel.Bound(Math.Clamp(Math.Round(weights.Score(s.Features), 3), 0.01, 0.99), s.Result.Doubts?.Doubts ?? []);
                verdicts[i] = new RowVerdict(s.Row, s.Result with { Confidence = confidence }, s.Fails);
            }
        }

        var reports = corpora.Select((c, ci) => Evaluator.Build(
            c.Name, [.. verdicts.Where((v, i) => samples[i].CorpusIndex == ci)], c.Rows.Count, TimeSpan.Zero, threshold)).ToList();
        return (reports, Evaluator.Overall(reports));
    }

    private static List<Sample> Collect(IReadOnlyList<(string Name, IReadOnlyList<CorpusRow> Rows)> corpora)
    {
        var samples = new List<Sample>();
        for (var ci = 0; ci < corpora.Count; ci++)
        {
            foreach (var row in corpora[ci].Rows.Where(r => r.IsScored))
            {
                var (result, features) = RuleParser.Default.ParseDetailed(row.Filename, ConfidenceWeights.Neutral);
                samples.Add(new Sample(ci, row, result, features, RowJudge.Judge(row, result)));
            }
        }

        return samples;
    }

    /// <summary>
    /// Row weights that temper the size of each source: a row of a source with n of the N rows (K sources) weighs
    /// sqrt(N / (K n)). A source's pull still grows with its size, but sub-linearly, so the two large suites do not set
    /// the weights alone; the model is for names from sources it has never seen, where no one source's habits hold.
    /// Chosen by leave-one-source-out (no balance, square root, full balance tried).
    /// </summary>
    private static double[] SourceBalance(List<Sample> samples)
    {
        var perSource = samples.GroupBy(s => s.CorpusIndex).ToDictionary(g => g.Key, g => g.Count());
        var scale = (double)samples.Count / perSource.Count;
        return [.. samples.Select(s => Math.Sqrt(scale / perSource[s.CorpusIndex]))];
    }

    /// <summary>FNV-1a over the id's UTF-8 bytes: a fold assignment that is stable across runs and machines.</summary>
    private static uint Fnv1a(string id)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(id))
        {
            hash = (hash ^ b) * 16777619u;
        }

        return hash;
    }

    private sealed record Sample(int CorpusIndex, CorpusRow Row, Model.EpisodeParse Result, double[]? Features, IReadOnlyList<string> Fails)
    {
        public bool Exact => Fails.Count == 0;
    }
}
