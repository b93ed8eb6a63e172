using Episodic.Core.Evaluation;
using Episodic.Core.Parsing;
using Xunit;

namespace Episodic.Tests;

/// <summary>The rule parser must keep its exact-match accuracy on the dev corpora above these floors.</summary>
public sealed class AccuracyFloorTests
{
    private static readonly string[] DevCorpora = ["sonarr.tsv", "guessit.tsv", "sync2nas.tsv"];

    [Theory]
    [InlineData("sonarr.tsv", 93.0)]
    [InlineData("guessit.tsv", 93.0)]
    [InlineData("sync2nas.tsv", 95.0)]
    public void Exact_match_accuracy_is_at_least_the_floor(string corpus, double floorPct)
    {
        var rows = CorpusReader.Read(TestPaths.DevCorpus(corpus));
        var report = Evaluator.Evaluate(corpus, rows, RuleParser.Default);
        var pct = 100.0 * report.Exact / Math.Max(report.Rows, 1);
        Assert.True(pct >= floorPct,
            $"{corpus}: {report.Exact}/{report.Rows} exact = {pct:0.0}% < {floorPct}%; misses by field: "
            + string.Join(", ", report.FieldMisses.Select(p => $"{p.Key}={p.Value}")));
    }

    /// <summary>
    /// The confidence is what the pipeline escalates on, so it must mean something: across the dev corpora, results at
    /// or above 0.9 are exact at least 98% of the time, and most wrong results sit below the 0.7 escalation threshold.
    /// </summary>
    [Fact]
    public void Confidence_is_calibrated_on_the_dev_corpora()
    {
        var reports = DevCorpora
            .Select(c => Evaluator.Evaluate(c, CorpusReader.Read(TestPaths.DevCorpus(c)), RuleParser.Default))
            .ToList();
        var overall = Evaluator.Overall(reports);

        var top = overall.Calibration[CalibrationBand.IndexOf(0.95)];
        Assert.True(top.Count > 0 && top.Accuracy >= 0.98, $"[0.9,1.0]: {top.Exact}/{top.Count} exact, below 98%.");

        var wrong = reports.SelectMany(r => r.Misses).ToList();
        var wrongBelowThreshold = wrong.Count(v => v.Result.Confidence < 0.7);
        Assert.True(wrongBelowThreshold * 2 > wrong.Count, $"only {wrongBelowThreshold} of {wrong.Count} wrong results are below 0.7.");
    }
}
