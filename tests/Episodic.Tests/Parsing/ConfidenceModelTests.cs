using Episodic.Core.Evaluation;
using Episodic.Core.Parsing;
using Episodic.Core.Parsing.Confidence;
using Xunit;

namespace Episodic.Tests.Parsing;

/// <summary>The fitted confidence model: its data file, its fitter, and its out-of-fold check.</summary>
public sealed class ConfidenceModelTests
{
    [Fact]
    public void The_embedded_weights_file_names_every_feature_and_nothing_else()
    {
        var path = Path.Combine(TestPaths.RepoRoot, "src", "Episodic.Core", "Parsing", "Confidence", "confidence-weights.tsv");
        var named = File.ReadLines(path).Where(l => l.Length > 0 && l[0] != '#' && !l.StartsWith("feature\t", StringComparison.Ordinal))
            .Select(l => l.Split('\t')[0]).Where(n => n != "intercept").ToList();
        Assert.Equal(ConfidenceFeatures.Names, named);
        Assert.Equal(ConfidenceFeatures.Count, ConfidenceWeights.Embedded.Weights.Length);
    }

    [Fact]
    public void An_unknown_feature_in_a_weights_file_is_refused_with_its_line()
    {
        var ex = Assert.Throws<FormatException>(() => ConfidenceWeights.Parse(new StringReader("# c\nfeature\tweight\nintercept\t1\nno.such\t2\n")));
        Assert.Contains("line 4", ex.Message, StringComparison.Ordinal);
    }

    /// <summary>Synthetic rows: feature 0 marks safe rows (always right), feature 1 risky ones (right unless <paramref name="wrong"/> says so).</summary>
    private static (List<double[]> X, List<bool> Y) Synthetic(Func<int, bool> wrong)
    {
        var x = new List<double[]>();
        var y = new List<bool>();
        for (var i = 0; i < 200; i++)
        {
            var risky = i % 2 == 0;
            x.Add(Vector(risky ? 1 : 0));
            y.Add(!risky || !wrong(i));
        }

        return (x, y);
    }

    private static double[] Vector(int hot)
    {
        var row = new double[ConfidenceFeatures.Count];
        row[hot] = 1;
        return row;
    }

    [Fact]
    public void The_fitter_learns_which_evidence_predicts_errors()
    {
        var (x, y) = Synthetic(i => i % 10 != 0);
        var w = LogisticFit.Fit(x, y, errorWeight: 1);
        Assert.True(w.Score(Vector(0)) > 0.9, $"safe {w.Score(Vector(0))}");
        Assert.InRange(w.Score(Vector(1)), 0.05, 0.4);
        Assert.Equal(w.Score(Vector(1)), LogisticFit.Fit(x, y, errorWeight: 1).Score(Vector(1)), 12);
    }

    [Fact]
    public void Weighting_errors_lowers_confidence_only_where_errors_occur()
    {
        var (x, y) = Synthetic(i => i % 4 == 0);
        var plain = LogisticFit.Fit(x, y, errorWeight: 1);
        var weighted = LogisticFit.Fit(x, y, errorWeight: 5);
        Assert.True(weighted.Score(Vector(1)) < plain.Score(Vector(1)) - 0.1);
        Assert.True(weighted.Score(Vector(0)) > 0.95);
    }

    [Fact]
    public void A_doubt_never_earns_a_positive_weight_even_where_it_was_harmless()
    {
        // Rows carrying the doubt are always right, rows without it wrong half the time: an unconstrained fit would
        // make the doubt a reason for confidence.
        var doubt = ConfidenceFeatures.Names.ToList().IndexOf("doubt.title_is_tag");
        var plain = ConfidenceFeatures.Names.ToList().IndexOf("form.bare_number");
        var x = new List<double[]>();
        var y = new List<bool>();
        for (var i = 0; i < 200; i++)
        {
            var doubted = i % 2 == 0;
            x.Add(Vector(doubted ? doubt : plain));
            y.Add(doubted || i % 4 == 1);
        }

        var w = LogisticFit.Fit(x, y, errorWeight: 1);
        Assert.True(w.Score(Vector(doubt)) <= w.Score(new double[ConfidenceFeatures.Count]) + 1e-9, "a doubt raised the confidence");
        Assert.True(w.Score(Vector(plain)) < w.Score(new double[ConfidenceFeatures.Count]), "the unconstrained feature was not learnt");
    }

    [Fact]
    public void Reasoning_is_rendered_from_typed_evidence()
    {
        var p = RuleParser.Default.Parse("Series.Title.S01E07.1080p.WEB-DL-NTb");
        Assert.StartsWith("Matched S01E07 as season and episode in the file name", p.Reasoning, StringComparison.Ordinal);
    }
}
