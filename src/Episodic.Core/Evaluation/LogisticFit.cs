using Episodic.Core.Parsing.Confidence;

namespace Episodic.Core.Evaluation;

/// <summary>
/// Fits the confidence model: L2-regularised logistic regression by Newton's method. Small (tens of features, about a
/// thousand rows), deterministic and exact to the optimum, so a refit is reproducible and the weights explainable.
/// </summary>
internal static class LogisticFit
{
    /// <summary>Ridge strength on the feature weights (not the intercept); chosen by out-of-fold confident-wrong on the dev corpora (0.1, 0.3, 1 tried).</summary>
    public const double DefaultL2 = 0.3;

    /// <summary>
    /// How much a wrong row counts against a right one. A confident wrong answer is filed unasked while an escalated
    /// right one costs one model call, so errors weigh more; chosen by leave-one-source-out (2.5 to 5 tried). After the
    /// parser-class and calibration merges: 3.5 let anitomy reach 5.1 % confident-wrong out of fold, 4.0 gives 13.0 %
    /// escalated / 1.5 % confident-wrong with every held-out source at or under 4.6 %, 5.0 escalates 14.1 % for 1.3 %.
    /// </summary>
    public const double DefaultErrorWeight = 4.0;

    /// <summary>
    /// Ridge centre of the doubt weights. A doubt is evidence against the reading, so one seen on few rows (or on rows of
    /// one source only, which leave-one-source-out then holds out) keeps this default penalty instead of falling to zero;
    /// rows where the doubt is harmless still pull it towards zero. Chosen by leave-one-source-out (0, -1, -1.5, -2 tried).
    /// </summary>
    public const double DoubtPrior = -2.0;

    /// <summary>
    /// Features whose weight may not be positive (<see cref="ConfidenceFeatures.IsEvidenceAgainst"/>): a doubt, a close
    /// rival or a gapped list is evidence against the reading by definition, so a fit on rows where it happened to be
    /// harmless must not turn it into a reason for more confidence.
    /// </summary>
    private static readonly bool[] NonPositive = [false, .. ConfidenceFeatures.Names.Select(ConfidenceFeatures.IsEvidenceAgainst)];

    /// <summary>Fits the weights; <paramref name="rowWeights"/> (default 1 each) scales each row's share of the loss.</summary>
    public static ConfidenceWeights Fit(
        IReadOnlyList<double[]> x, IReadOnlyList<bool> y, IReadOnlyList<double>? rowWeights = null, double l2 = DefaultL2, double errorWeight = DefaultErrorWeight)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        var d = ConfidenceFeatures.Count + 1;
        var centre = new double[d];
        for (var a = 1; a < d; a++)
        {
            centre[a] = NonPositive[a] ? DoubtPrior : 0;
        }

        var w = (double[])centre.Clone();
        for (var iteration = 0; iteration < 50; iteration++)
        {
            var grad = new double[d];
            var hess = new double[d, d];
            for (var i = 0; i < x.Count; i++)
            {
                var z = w[0];
                for (var j = 0; j < x[i].Length; j++)
                {
                    z += w[j + 1] * x[i][j];
                }

                var p = 1 / (1 + Math.Exp(-z));
                var weight = (rowWeights?[i] ?? 1) * (y[i] ? 1 : errorWeight);
                var r = weight * (p - (y[i] ? 1 : 0));
                var s = weight * Math.Max(p * (1 - p), 1e-9);
                for (var a = 0; a < d; a++)
                {
                    var xa = a == 0 ? 1 : x[i][a - 1];
                    if (xa == 0)
                    {
                        continue;
                    }

                    grad[a] += r * xa;
                    for (var b = 0; b < d; b++)
                    {
                        var xb = b == 0 ? 1 : x[i][b - 1];
                        hess[a, b] += s * xa * xb;
                    }
                }
            }

            for (var a = 0; a < d; a++)
            {
                var penalty = a == 0 ? 1e-6 : l2;
                grad[a] += penalty * (w[a] - centre[a]);
                hess[a, a] += penalty;
            }

            var step = Solve(hess, grad);
            var change = 0.0;
            for (var a = 0; a < d; a++)
            {
                var next = w[a] - step[a];
                if (NonPositive[a] && next > 0)
                {
                    // Projected Newton step: the constraint w <= 0 holds at every iterate.
                    next = 0;
                }

                change = Math.Max(change, Math.Abs(next - w[a]));
                w[a] = next;
            }

            if (change < 1e-8)
            {
                break;
            }
        }

        return new ConfidenceWeights(w[0], w[1..]);
    }

    /// <summary>Solves A x = b by Gaussian elimination with partial pivoting (A is small and positive definite).</summary>
    private static double[] Solve(double[,] a, double[] b)
    {
        var n = b.Length;
        var m = (double[,])a.Clone();
        var v = (double[])b.Clone();
        for (var col = 0; col < n; col++)
        {
            var pivot = col;
            for (var row = col + 1; row < n; row++)
            {
                if (Math.Abs(m[row, col]) > Math.Abs(m[pivot, col]))
                {
                    pivot = row;
                }
            }

            if (pivot != col)
            {
                for (var k = 0; k < n; k++)
                {
                    (m[col, k], m[pivot, k]) = (m[pivot, k], m[col, k]);
                }

                (v[col], v[pivot]) = (v[pivot], v[col]);
            }

            for (var row = col + 1; row < n; row++)
            {
                var f = m[row, col] / m[col, col];
                if (f == 0)
                {
                    continue;
                }

                for (var k = col; k < n; k++)
                {
                    m[row, k] -= f * m[col, k];
                }

                v[row] -= f * v[col];
            }
        }

        var result = new double[n];
        for (var row = n - 1; row >= 0; row--)
        {
            var sum = v[row];
            for (var k = row + 1; k < n; k++)
            {
                sum -= m[row, k] * result[k];
            }

            result[row] = sum / m[row, row];
        }

        return result;
    }
}
