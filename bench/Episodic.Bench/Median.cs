namespace Episodic.Bench;

/// <summary>The benches report the median of repeated runs, because the machine may be shared and one run can be an outlier.</summary>
internal static class Median
{
    /// <summary>The middle value (the mean of the two middle ones for an even count); NaN when there is none.</summary>
    public static double Of(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
