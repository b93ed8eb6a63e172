using Episodic.Core.Model;

namespace Episodic.Core.Evaluation;

/// <summary>Scores results against corpus rows as score.py does: skip <c>expect_parse_only</c>, judge the rest.</summary>
public static class Scorer
{
    /// <summary>One verdict per scored row, in corpus order. <paramref name="results"/> must line up with <paramref name="rows"/>.</summary>
    public static IReadOnlyList<RowVerdict> Score(IReadOnlyList<CorpusRow> rows, IReadOnlyList<EpisodeParse> results)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(results);
        if (rows.Count != results.Count)
        {
            throw new ArgumentException($"result count {results.Count} != corpus rows {rows.Count}", nameof(results));
        }

        var verdicts = new List<RowVerdict>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i].IsScored)
            {
                verdicts.Add(new RowVerdict(rows[i], results[i], RowJudge.Judge(rows[i], results[i])));
            }
        }

        return verdicts;
    }

    /// <summary>Failures per field name, as score.py's <c>field_misses</c>.</summary>
    public static IReadOnlyDictionary<string, int> FieldMisses(IEnumerable<RowVerdict> verdicts)
    {
        ArgumentNullException.ThrowIfNull(verdicts);
        var per = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var v in verdicts)
        {
            foreach (var f in v.Fails)
            {
                per[f] = per.GetValueOrDefault(f) + 1;
            }
        }

        return per;
    }
}
