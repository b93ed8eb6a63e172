using Episodic.Core.Evaluation;
using Episodic.Core.Parsing;
using Xunit;

namespace Episodic.Tests;

/// <summary>The rule parser must keep its exact-match accuracy on the dev corpora above these floors.</summary>
public sealed class AccuracyFloorTests
{
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
}
