namespace Episodic.Core.Evaluation;

/// <summary>
/// A confidence band and how often results in it were exact. Bands are [0.9,1.0], [0.7,0.9), [0.5,0.7),
/// [0.3,0.5), [0,0.3); values above 1 fall in the top band, below 0 in the bottom one.
/// </summary>
public sealed record CalibrationBand(double Low, double High, int Count, int Exact)
{
    public static readonly IReadOnlyList<(double Low, double High)> Bands =
        [(0.9, 1.0), (0.7, 0.9), (0.5, 0.7), (0.3, 0.5), (0.0, 0.3)];

    /// <summary>Exact fraction in the band, or null when it is empty.</summary>
    public double? Accuracy => Count == 0 ? null : (double)Exact / Count;

    public string Label => Low >= 0.9 ? $"[{Low:0.0},{High:0.0}]" : $"[{Low:0.0},{High:0.0})";

    public static int IndexOf(double confidence)
    {
        for (var i = 0; i < Bands.Count - 1; i++)
        {
            if (confidence >= Bands[i].Low)
            {
                return i;
            }
        }

        return Bands.Count - 1;
    }

    public static IReadOnlyList<CalibrationBand> Compute(IEnumerable<RowVerdict> verdicts)
    {
        ArgumentNullException.ThrowIfNull(verdicts);
        var counts = new int[Bands.Count];
        var exact = new int[Bands.Count];
        foreach (var v in verdicts)
        {
            var i = IndexOf(v.Result.Confidence);
            counts[i]++;
            if (v.IsExact)
            {
                exact[i]++;
            }
        }

        return [.. Bands.Select((b, i) => new CalibrationBand(b.Low, b.High, counts[i], exact[i]))];
    }
}
