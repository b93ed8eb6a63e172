using System.Diagnostics;
using Episodic.Core.Model;
using Episodic.Core.Parsing;

namespace Episodic.Core.Evaluation;

/// <summary>Runs a parser over labelled corpora and builds <see cref="CorpusReport"/>s.</summary>
public static class Evaluator
{
    public static CorpusReport Evaluate(string name, IReadOnlyList<CorpusRow> rows, IFilenameParser parser, double threshold = Escalation.DefaultThreshold)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(parser);
        var results = new EpisodeParse[rows.Count];
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < rows.Count; i++)
        {
            results[i] = parser.Parse(rows[i].Filename);
        }

        clock.Stop();
        return Build(name, Scorer.Score(rows, results), rows.Count, clock.Elapsed, threshold);
    }

    /// <summary>Combines per-corpus reports into one overall report.</summary>
    public static CorpusReport Overall(IReadOnlyList<CorpusReport> reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        var misses = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var (field, n) in reports.SelectMany(r => r.FieldMisses))
        {
            misses[field] = misses.GetValueOrDefault(field) + n;
        }

        var bands = CalibrationBand.Bands.Select((b, i) => new CalibrationBand(
            b.Low, b.High, reports.Sum(r => r.Calibration[i].Count), reports.Sum(r => r.Calibration[i].Exact)));
        return new CorpusReport
        {
            Name = "overall",
            Rows = reports.Sum(r => r.Rows),
            Exact = reports.Sum(r => r.Exact),
            FieldMisses = misses,
            Calibration = [.. bands],
            NamesParsed = reports.Sum(r => r.NamesParsed),
            ParseTime = TimeSpan.FromTicks(reports.Sum(r => r.ParseTime.Ticks)),
            Misses = [.. reports.SelectMany(r => r.Misses)],
            Threshold = reports.Count > 0 ? reports[0].Threshold : Escalation.DefaultThreshold,
            Escalated = reports.Sum(r => r.Escalated),
            ConfidentWrong = reports.Sum(r => r.ConfidentWrong),
        };
    }

    /// <summary>A report over verdicts already made (used by cross-validation, where the confidence is out of fold).</summary>
    public static CorpusReport Build(string name, IReadOnlyList<RowVerdict> verdicts, int parsed, TimeSpan elapsed, double threshold) => new()
    {
        Threshold = threshold,
        Escalated = verdicts.Count(v => Escalation.IsEscalated(v.Result, threshold)),
        ConfidentWrong = verdicts.Count(v => !v.IsExact && !Escalation.IsEscalated(v.Result, threshold)),
        Name = name,
        Rows = verdicts.Count,
        Exact = verdicts.Count(v => v.IsExact),
        FieldMisses = Scorer.FieldMisses(verdicts),
        Calibration = CalibrationBand.Compute(verdicts),
        NamesParsed = parsed,
        ParseTime = elapsed,
        Misses = [.. verdicts.Where(v => !v.IsExact)],
    };
}
