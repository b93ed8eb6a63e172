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

    /// <summary>The escalation threshold the two counts below were taken at (rules-first asks a model below it).</summary>
    public double Threshold { get; init; } = Escalation.DefaultThreshold;

    /// <summary>Rows whose confidence is below <see cref="Threshold"/>: rules-first would ask a model about them.</summary>
    public int Escalated { get; init; }

    /// <summary>Rows at or above <see cref="Threshold"/> that are wrong: nothing downstream would fix them.</summary>
    public int ConfidentWrong { get; init; }

    public double EscalatedPct => Math.Round(100.0 * Escalated / Math.Max(Rows, 1), 1);

    public double ConfidentWrongPct => Math.Round(100.0 * ConfidentWrong / Math.Max(Rows, 1), 1);

    /// <summary>The failed rows, in corpus order.</summary>
    public required IReadOnlyList<RowVerdict> Misses { get; init; }
}
