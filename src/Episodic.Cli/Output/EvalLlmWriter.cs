using System.Globalization;
using System.Text;
using System.Text.Json;
using Episodic.Core.Text;

namespace Episodic.Cli.Output;

/// <summary>
/// <c>eval --llm</c> output: one row per tier (the rules first, then each backend) with accuracy, what the model
/// changed, and what it cost; then the misses per field, tier by tier. Plain aligned text, or one JSON document.
/// </summary>
internal static class EvalLlmWriter
{
    private static readonly string[] Columns =
        ["tier", "exact %", "escalated", "conf-wrong %", "fixed", "broken", "rejected", "requests", "in tokens", "out tokens", "cost $", "p50 ms", "p95 ms", "field misses"];

    public static void WriteText(TextWriter output, EvalLlmHeader header, IReadOnlyList<EvalTier> tiers)
    {
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{header.Rows} scored names, strategy {header.Strategy}, threshold {header.Threshold:0.##}"));
        var rows = tiers.Select(Cells).ToList();
        var widths = Columns.Select((c, k) => Math.Max(c.Length, rows.Max(r => r[k].Length))).ToArray();
        output.WriteLine(Line(Columns, widths).TrimEnd());
        output.WriteLine(Line([.. widths.Select(w => new string('-', w))], widths).TrimEnd());
        foreach (var row in rows)
        {
            output.WriteLine(Line(row, widths).TrimEnd());
        }

        var fields = tiers.SelectMany(t => t.Score.FieldMisses.Keys).Distinct().Order(StringComparer.Ordinal).ToList();
        if (fields.Count > 0)
        {
            output.WriteLine();
            string[] head = ["field misses", .. tiers.Select(t => t.Score.Name)];
            var table = fields.Select(f => (string[])[f, .. tiers.Select(t => N(t.Score.FieldMisses.GetValueOrDefault(f)))]).ToList();
            var w = head.Select((c, k) => Math.Max(c.Length, table.Max(r => r[k].Length))).ToArray();
            output.WriteLine(Line(head, w).TrimEnd());
            foreach (var row in table)
            {
                output.WriteLine(Line(row, w).TrimEnd());
            }
        }
    }

    public static void WriteJson(TextWriter output, EvalLlmHeader header, IReadOnlyList<EvalTier> tiers)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JsonTextEncoder.Instance }))
        {
            json.WriteStartObject();
            json.WriteNumber("rows", header.Rows);
            json.WriteString("strategy", header.Strategy);
            json.WriteNumber("threshold", header.Threshold);
            json.WriteStartArray("tiers");
            foreach (var tier in tiers)
            {
                WriteTier(json, tier);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        output.Write(Encoding.UTF8.GetString(buffer.ToArray()));
        output.Write('\n');
    }

    private static void WriteTier(Utf8JsonWriter json, EvalTier tier)
    {
        var s = tier.Score;
        var u = tier.Usage;
        json.WriteStartObject();
        json.WriteString("name", s.Name);
        json.WriteString("kind", u is null ? "rules" : "backend");
        json.WriteNumber("rows", s.Rows);
        json.WriteNumber("exact", s.Exact);
        json.WriteNumber("exact_pct", s.ExactPct);
        EvalJsonWriter.WriteFieldMisses(json, s.FieldMisses);
        json.WriteNumber("escalated", s.Escalated);
        json.WriteNumber("confident_wrong", s.ConfidentWrong);
        json.WriteNumber("confident_wrong_pct", s.ConfidentWrongPct);
        json.WriteNumber("fixed", s.Fixed);
        json.WriteNumber("broken", s.Broken);
        json.WriteNumber("rejected", u?.Rejected ?? 0);
        json.WriteNumber("requests", u?.Requests ?? 0);
        json.WriteNumber("failed_requests", u?.FailedRequests ?? 0);
        json.WriteNumber("cache_hits", u?.CacheHits ?? 0);
        json.WriteNumber("input_tokens", u?.InputTokens ?? 0);
        json.WriteNumber("output_tokens", u?.OutputTokens ?? 0);
        json.WriteNumber("cost_usd", Math.Round(u?.CostUsd ?? 0, 6));
        json.WriteNumber("estimated_cost_usd", Math.Round(tier.Estimate?.CostUsd ?? 0, 6));
        Nullable(json, "latency_p50_ms", u?.LatencyP50Ms);
        Nullable(json, "latency_p95_ms", u?.LatencyP95Ms);
        json.WriteEndObject();
    }

    private static void Nullable(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } v)
        {
            json.WriteNumber(name, Math.Round(v, 1));
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static string[] Cells(EvalTier tier)
    {
        var s = tier.Score;
        var u = tier.Usage;
        var model = u is not null;
        return
        [
            s.Name,
            F(s.ExactPct, "0.0"),
            N(s.Escalated),
            F(s.ConfidentWrongPct, "0.0"),
            model ? N(s.Fixed) : "-",
            model ? N(s.Broken) : "-",
            model ? N(u!.Rejected) : "-",
            N(u?.Requests ?? 0),
            N(u?.InputTokens ?? 0),
            N(u?.OutputTokens ?? 0),
            Cost(u?.CostUsd ?? 0),
            u?.LatencyP50Ms is { } p50 ? F(p50, "0") : "-",
            u?.LatencyP95Ms is { } p95 ? F(p95, "0") : "-",
            s.FieldMisses.Count == 0 ? "-" : string.Join(", ", s.FieldMisses.OrderByDescending(f => f.Value).ThenBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key} {N(f.Value)}")),
        ];
    }

    /// <summary>The first column left-aligned, numbers right-aligned, the last (free text) left-aligned.</summary>
    private static string Line(string[] cells, int[] widths)
    {
        var sb = new StringBuilder();
        for (var k = 0; k < cells.Length; k++)
        {
            sb.Append(k == 0 || k == cells.Length - 1 ? cells[k].PadRight(widths[k]) : cells[k].PadLeft(widths[k]));
            sb.Append("  ");
        }

        return sb.ToString();
    }

    /// <summary>Four decimals; a run too small to show in them says so rather than printing 0.</summary>
    private static string Cost(double usd) => usd is > 0 and < 0.00005 ? "<0.0001" : F(usd, "0.0000");

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
