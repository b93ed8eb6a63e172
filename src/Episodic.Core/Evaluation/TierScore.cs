using Episodic.Core.Model;

namespace Episodic.Core.Evaluation;

/// <summary>
/// How one tier (the rules alone, or the pipeline with one backend) read the same labelled names, set against the
/// rules' own reading: what the model fixed and what it broke. The numbers a user compares models by.
/// </summary>
public sealed record TierScore
{
    public required string Name { get; init; }

    /// <summary>Scored rows (expect_parse_only rows excluded).</summary>
    public required int Rows { get; init; }

    public required int Exact { get; init; }

    public double ExactPct => Percent(Exact);

    public required IReadOnlyDictionary<string, int> FieldMisses { get; init; }

    /// <summary>Scored rows the pipeline sent to a model (rules-first: below the threshold; llm-first/llm-only: all).</summary>
    public required int Escalated { get; init; }

    /// <summary>Wrong answers at or above the threshold: nothing downstream would look at them again.</summary>
    public required int ConfidentWrong { get; init; }

    public double ConfidentWrongPct => Percent(ConfidentWrong);

    /// <summary>Rows the rules got wrong and this tier got right.</summary>
    public required int Fixed { get; init; }

    /// <summary>Rows the rules got right and this tier got wrong.</summary>
    public required int Broken { get; init; }

    /// <summary>
    /// Scores <paramref name="results"/> against <paramref name="rows"/>, next to the rules' reading of the same rows.
    /// The three lists line up with <paramref name="rows"/>; <paramref name="escalated"/> says which names went to a model.
    /// </summary>
    public static TierScore Score(string name, IReadOnlyList<CorpusRow> rows, IReadOnlyList<EpisodeParse> rules, IReadOnlyList<EpisodeParse> results, IReadOnlyList<bool> escalated, double threshold)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(escalated);
        if (rules.Count != rows.Count || results.Count != rows.Count || escalated.Count != rows.Count)
        {
            throw new ArgumentException($"rows {rows.Count}, rules {rules.Count}, results {results.Count} and escalated {escalated.Count} must line up");
        }

        var verdicts = new List<RowVerdict>(rows.Count);
        int exact = 0, up = 0, wrongSure = 0, fixedRows = 0, broken = 0;
        for (var i = 0; i < rows.Count; i++)
        {
            if (!rows[i].IsScored)
            {
                continue;
            }

            var verdict = new RowVerdict(rows[i], results[i], RowJudge.Judge(rows[i], results[i]));
            verdicts.Add(verdict);
            var rulesExact = ReferenceEquals(rules[i], results[i]) ? verdict.IsExact : RowJudge.Judge(rows[i], rules[i]).Count == 0;
            exact += verdict.IsExact ? 1 : 0;
            up += escalated[i] ? 1 : 0;
            wrongSure += !verdict.IsExact && results[i].Confidence >= threshold ? 1 : 0;
            fixedRows += !rulesExact && verdict.IsExact ? 1 : 0;
            broken += rulesExact && !verdict.IsExact ? 1 : 0;
        }

        return new TierScore
        {
            Name = name,
            Rows = verdicts.Count,
            Exact = exact,
            FieldMisses = Scorer.FieldMisses(verdicts),
            Escalated = up,
            ConfidentWrong = wrongSure,
            Fixed = fixedRows,
            Broken = broken,
        };
    }

    private double Percent(int n) => Math.Round(100.0 * n / Math.Max(Rows, 1), 1);
}
