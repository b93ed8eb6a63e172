using System.Text;
using System.Text.Json;
using Episodic.Core.Evaluation;
using Episodic.Core.Text;

namespace Episodic.Cli.Output;

/// <summary>
/// Eval output as one JSON document: <c>{"corpora": [report...], "overall": report}</c>, where a report has
/// rows, exact, exact_pct, threshold, escalated(_pct), confident_wrong(_pct), field_misses, calibration, names_parsed, names_per_second and misses.
/// </summary>
internal static class EvalJsonWriter
{
    public static void Write(TextWriter output, IReadOnlyList<CorpusReport> reports, CorpusReport overall, int misses)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JsonTextEncoder.Instance }))
        {
            json.WriteStartObject();
            json.WriteStartArray("corpora");
            foreach (var r in reports)
            {
                WriteReport(json, r, misses);
            }

            json.WriteEndArray();
            json.WritePropertyName("overall");
            WriteReport(json, overall, 0);
            json.WriteEndObject();
        }

        output.Write(Encoding.UTF8.GetString(buffer.ToArray()));
        output.Write('\n');
    }

    /// <summary>The <c>field_misses</c> object, field name → rows wrong in it; the rules and per-backend reports share it.</summary>
    internal static void WriteFieldMisses(Utf8JsonWriter json, IReadOnlyDictionary<string, int> misses)
    {
        json.WriteStartObject("field_misses");
        foreach (var (field, n) in misses)
        {
            json.WriteNumber(field, n);
        }

        json.WriteEndObject();
    }

    private static void WriteReport(Utf8JsonWriter json, CorpusReport r, int misses)
    {
        json.WriteStartObject();
        json.WriteString("name", r.Name);
        json.WriteNumber("rows", r.Rows);
        json.WriteNumber("exact", r.Exact);
        json.WriteNumber("exact_pct", r.ExactPct);
        json.WriteNumber("threshold", r.Threshold);
        json.WriteNumber("escalated", r.Escalated);
        json.WriteNumber("escalated_pct", r.EscalatedPct);
        json.WriteNumber("confident_wrong", r.ConfidentWrong);
        json.WriteNumber("confident_wrong_pct", r.ConfidentWrongPct);
        WriteFieldMisses(json, r.FieldMisses);
        json.WriteStartArray("calibration");
        foreach (var b in r.Calibration)
        {
            json.WriteStartObject();
            json.WriteString("band", b.Label);
            json.WriteNumber("low", b.Low);
            json.WriteNumber("high", b.High);
            json.WriteNumber("count", b.Count);
            json.WriteNumber("exact", b.Exact);
            if (b.Accuracy is { } a)
            {
                json.WriteNumber("accuracy", Math.Round(a, 4));
            }
            else
            {
                json.WriteNull("accuracy");
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteNumber("names_parsed", r.NamesParsed);
        json.WriteNumber("names_per_second", Math.Round(r.NamesPerSecond, 1));
        json.WriteStartArray("misses");
        foreach (var v in r.Misses.Take(misses))
        {
            json.WriteStartObject();
            json.WriteString("id", v.Row.Id);
            json.WriteString("input", v.Row.Filename);
            json.WriteStartArray("failed");
            foreach (var f in v.Fails)
            {
                json.WriteStringValue(f);
            }

            json.WriteEndArray();
            json.WriteString("expected", MissDescription.Expected(v.Row));
            json.WriteString("got", MissDescription.Got(v.Result));
            json.WriteNumber("confidence", v.Result.Confidence);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }
}
