namespace Episodic.Core.Evaluation;

/// <summary>The evaluation of one corpus file (or, for the overall line, of all of them).</summary>
public sealed record CorpusReport
{
    public required string Name { get; init; }

    /// <summary>Scored rows (expect_parse_only rows excluded).</summary>
    public required int Rows { get; init; }

    public required int Exact { get; init; }

    /// <summary>Exact percentage rounded to one decimal, as score.py prints it.</summary>
    public double ExactPct => Math.Round(100.0 * Exact / Math.Max(Rows, 1), 1);

    public required IReadOnlyDictionary<string, int> FieldMisses { get; init; }

    public required IReadOnlyList<CalibrationBand> Calibration { get; init; }

    /// <summary>Names parsed (all rows, scored or not) and the time spent in the parse calls only.</summary>
    public required int NamesParsed { get; init; }

    public required TimeSpan ParseTime { get; init; }

    public double NamesPerSecond => ParseTime > TimeSpan.Zero ? NamesParsed / ParseTime.TotalSeconds : 0;

    /// <summary>The failed rows, in corpus order.</summary>
    public required IReadOnlyList<RowVerdict> Misses { get; init; }
}
