using Episodic.Core.Evaluation;
using Episodic.Core.Parsing.Confidence;
using Xunit;

namespace Episodic.Tests.Parsing;

/// <summary>
/// The fitter's choices for names from unseen sources: a doubt the training rows never show keeps its default
/// penalty, harmless rows pull a doubt towards zero, and a row weight counts like repeating the row.
/// </summary>
public sealed class LogisticFitPriorTests
{
    private static int Index(string name) => ConfidenceFeatures.Names.ToList().IndexOf(name);

    private static double[] Vector(params int[] hot)
    {
        var row = new double[ConfidenceFeatures.Count];
        foreach (var h in hot)
        {
            row[h] = 1;
        }

        return row;
    }

    /// <summary>Rows with a form feature, right unless every fifth; <paramref name="doubted"/> rows also carry the doubt.</summary>
    private static (List<double[]> X, List<bool> Y) Rows(int form, int doubt, Func<int, bool> doubted)
    {
        var x = new List<double[]>();
        var y = new List<bool>();
        for (var i = 0; i < 200; i++)
        {
            x.Add(doubted(i) ? Vector(form, doubt) : Vector(form));
            y.Add(i % 5 != 0);
        }

        return (x, y);
    }

    [Fact]
    public void A_doubt_the_training_rows_never_show_keeps_its_default_penalty()
    {
        var form = Index("form.sxxeyy");
        var doubt = Index("doubt.title_is_tag");
        var (x, y) = Rows(form, doubt, _ => false);
        var w = LogisticFit.Fit(x, y, errorWeight: 1);
        Assert.Equal(LogisticFit.DoubtPrior, w.Weights[doubt], 6);
        Assert.True(w.Score(Vector(form, doubt)) < w.Score(Vector(form)) - 0.05, "an unseen doubt did not lower the confidence");
    }

    [Fact]
    public void Harmless_rows_pull_a_doubt_towards_zero_but_never_above_it()
    {
        var form = Index("form.sxxeyy");
        var doubt = Index("doubt.title_is_tag");

        // The doubt fires only on rows that are right: evidence that it is harmless here.
        var (x, y) = Rows(form, doubt, i => i % 5 != 0 && i % 3 == 0);
        var w = LogisticFit.Fit(x, y, errorWeight: 1);
        Assert.InRange(w.Weights[doubt], LogisticFit.DoubtPrior + 0.1, 0);
    }

    [Fact]
    public void A_row_weight_of_two_counts_like_the_row_written_twice()
    {
        var form = Index("form.bare_number");
        var doubt = Index("doubt.dash_in_title");
        var (x, y) = Rows(form, doubt, i => i % 7 == 0);
        var weights = x.Select((_, i) => i % 2 == 0 ? 2.0 : 1.0).ToList();
        var weighted = LogisticFit.Fit(x, y, weights, errorWeight: 3);

        var xx = new List<double[]>(x);
        var yy = new List<bool>(y);
        for (var i = 0; i < x.Count; i += 2)
        {
            xx.Add(x[i]);
            yy.Add(y[i]);
        }

        var repeated = LogisticFit.Fit(xx, yy, errorWeight: 3);
        Assert.Equal(repeated.Score(Vector(form, doubt)), weighted.Score(Vector(form, doubt)), 9);
        Assert.Equal(repeated.Score(Vector(form)), weighted.Score(Vector(form)), 9);
    }

    [Fact]
    public void Every_feature_that_speaks_against_a_reading_stays_at_or_below_zero_even_on_rows_where_it_only_fires_when_right()
    {
        var form = Index("form.sxxeyy");
        var against = ConfidenceFeatures.Names.Where(ConfidenceFeatures.IsEvidenceAgainst).ToList();
        Assert.Contains("episodes.gapped", against);
        Assert.Contains(against, n => n.StartsWith("rival.", StringComparison.Ordinal));
        Assert.Contains(against, n => n.StartsWith("doubt.", StringComparison.Ordinal));
        Assert.DoesNotContain("crc", against);

        foreach (var name in against)
        {
            // The feature fires on every right row and never on a wrong one: unconstrained, the fit would make it positive.
            var (x, y) = Rows(form, Index(name), i => i % 5 != 0);
            var w = LogisticFit.Fit(x, y, errorWeight: 1);
            Assert.True(w.Weights[Index(name)] <= 0, $"{name} fitted to {w.Weights[Index(name)]}");
        }
    }

    [Fact]
    public void Nearest_false_positive_a_feature_for_the_reading_may_still_fit_positive()
    {
        var form = Index("form.sxxeyy");
        var crc = Index("crc");
        var (x, y) = Rows(form, crc, i => i % 5 != 0);
        var w = LogisticFit.Fit(x, y, errorWeight: 1);
        Assert.True(w.Weights[crc] > 0, $"crc fitted to {w.Weights[crc]}");
    }
}
