using System.Globalization;
using System.Text;

namespace Episodic.Core.Parsing.Confidence;

/// <summary>
/// The fitted logistic confidence model: an intercept and one weight per feature, kept in one data file
/// (<c>confidence-weights.tsv</c>, embedded) so a refit is a data change, not a code change. Refit with
/// <c>episodic eval testdata/corpus/dev/*.tsv --fit-confidence src/Episodic.Core/Parsing/Confidence/confidence-weights.tsv</c>.
/// </summary>
internal sealed class ConfidenceWeights
{
    private const string ResourceName = "Episodic.Core.Parsing.Confidence.confidence-weights.tsv";

    public ConfidenceWeights(double intercept, double[] weights)
    {
        if (weights.Length != ConfidenceFeatures.Count)
        {
            throw new ArgumentException($"expected {ConfidenceFeatures.Count} weights, got {weights.Length}", nameof(weights));
        }

        Intercept = intercept;
        Weights = weights;
    }

    private static readonly Lazy<ConfidenceWeights> EmbeddedWeights = new(LoadEmbedded);

    /// <summary>The weights shipped in the assembly (loaded on first use, so a refit can run with a stale file).</summary>
    public static ConfidenceWeights Embedded => EmbeddedWeights.Value;

    /// <summary>All weights zero: for collecting features to fit on, so a refit never depends on the file it replaces.</summary>
    public static ConfidenceWeights Neutral { get; } = new(0, new double[ConfidenceFeatures.Count]);

    public double Intercept { get; }

    public double[] Weights { get; }

    /// <summary>The probability that the reading is right, from its features.</summary>
    public double Score(ReadOnlySpan<double> x)
    {
        var z = Intercept;
        for (var i = 0; i < x.Length; i++)
        {
            z += Weights[i] * x[i];
        }

        return 1 / (1 + Math.Exp(-z));
    }

    /// <summary>Reads the TSV: comment lines start with '#', then "feature TAB weight"; unknown features are an error, missing ones weigh 0.</summary>
    public static ConfidenceWeights Parse(TextReader reader)
    {
        var index = ConfidenceFeatures.Names.Select((n, i) => (n, i)).ToDictionary(p => p.n, p => p.i, StringComparer.Ordinal);
        var weights = new double[ConfidenceFeatures.Count];
        var intercept = 0.0;
        string? line;
        var lineNo = 0;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNo++;
            if (line.Length == 0 || line[0] == '#' || line.StartsWith("feature\t", StringComparison.Ordinal))
            {
                continue;
            }

            var cells = line.Split('\t');
            if (cells.Length < 2 || !double.TryParse(cells[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var w))
            {
                throw new FormatException($"confidence weights line {lineNo}: expected 'feature<TAB>weight'");
            }

            if (cells[0] == "intercept")
            {
                intercept = w;
            }
            else if (index.TryGetValue(cells[0], out var i))
            {
                weights[i] = w;
            }
            else
            {
                throw new FormatException($"confidence weights line {lineNo}: unknown feature '{cells[0]}'");
            }
        }

        return new ConfidenceWeights(intercept, weights);
    }

    public string Format(string header)
    {
        var sb = new StringBuilder();
        foreach (var line in header.Split('\n'))
        {
            sb.Append("# ").Append(line).Append('\n');
        }

        sb.Append("feature\tweight\n");
        sb.Append(CultureInfo.InvariantCulture, $"intercept\t{Intercept:0.####}\n");
        for (var i = 0; i < Weights.Length; i++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{ConfidenceFeatures.Names[i]}\t{Weights[i]:0.####}\n");
        }

        return sb.ToString();
    }

    private static ConfidenceWeights LoadEmbedded()
    {
        using var stream = typeof(ConfidenceWeights).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"missing embedded resource {ResourceName}");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return Parse(reader);
    }
}
