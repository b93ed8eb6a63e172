using System.Globalization;
using Episodic.Core.Evaluation;
using Spectre.Console;

namespace Episodic.Cli.Output;

/// <summary>Human-readable eval output: a summary line, misses per field and calibration per corpus, then overall.</summary>
internal static class EvalTextWriter
{
    public static void Write(TextWriter output, IReadOnlyList<CorpusReport> reports, CorpusReport overall, int misses)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Interactive = InteractionSupport.No,
        });
        foreach (var report in reports)
        {
            WriteReport(console, report, misses);
        }

        if (reports.Count > 1)
        {
            WriteReport(console, overall, 0);
        }
    }

    private static void WriteReport(IAnsiConsole console, CorpusReport r, int misses)
    {
        // Plain lines go straight to the writer (no wrapping at the console width); tables go through Spectre.
        var output = console.Profile.Out.Writer;
        var speed = r.ParseTime > TimeSpan.Zero ? string.Create(CultureInfo.InvariantCulture, $"   {r.NamesPerSecond:N0} names/s ({r.NamesParsed} names)") : "";
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{r.Name}: {r.Exact}/{r.Rows} exact = {r.ExactPct:0.0}%   escalated {r.EscalatedPct:0.0}%   confident-wrong {r.ConfidentWrongPct:0.0}% (threshold {r.Threshold:0.##}){speed}"));

        var fields = new Table().Border(TableBorder.Simple).AddColumn("field").AddColumn(new TableColumn("misses").RightAligned());
        foreach (var (field, n) in r.FieldMisses)
        {
            fields.AddRow(Markup.Escape(field), n.ToString(CultureInfo.InvariantCulture));
        }

        if (r.FieldMisses.Count > 0)
        {
            console.Write(fields);
        }

        var bands = new Table().Border(TableBorder.Simple)
            .AddColumn("confidence")
            .AddColumn(new TableColumn("rows").RightAligned())
            .AddColumn(new TableColumn("exact").RightAligned())
            .AddColumn(new TableColumn("accuracy").RightAligned());
        foreach (var b in r.Calibration)
        {
            bands.AddRow(
                Markup.Escape(b.Label),
                b.Count.ToString(CultureInfo.InvariantCulture),
                b.Exact.ToString(CultureInfo.InvariantCulture),
                b.Accuracy is { } a ? a.ToString("P1", CultureInfo.InvariantCulture) : "-");
        }

        console.Write(bands);
        foreach (var v in r.Misses.Take(misses))
        {
            output.WriteLine($"MISS {v.Row.Filename}");
            output.WriteLine($"     failed:   {string.Join(", ", v.Fails)}");
            output.WriteLine($"     expected: {MissDescription.Expected(v.Row)}");
            output.WriteLine($"     got:      {MissDescription.Got(v.Result)}");
        }

        output.WriteLine();
    }
}
