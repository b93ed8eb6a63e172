using System.Globalization;
using System.Text.Json;
using Episodic.Core.Text;

namespace Episodic.Routing;

/// <summary>Renders plans and summaries for people (aligned text) and programs (JSON); shared by the CLI and tests.</summary>
public static class RouteReport
{
    /// <summary>One block per file: action, confidence, source → destination, then the reason and sidecars indented.</summary>
    public static void WriteTable(RoutePlan plan, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(output);
        foreach (var item in plan.Items)
        {
            var conf = item.Parse.Confidence.ToString("0.00", CultureInfo.InvariantCulture);
            var source = Printable.Escape(item.Source);
            output.WriteLine(item.Destination is null
                ? $"{ActionName(item.Action),-6} {conf}  {source}"
                : $"{ActionName(item.Action),-6} {conf}  {source} → {Printable.Escape(item.Destination)}");
            output.WriteLine($"              {Printable.Escape(item.Reason)}");
            foreach (var (sidecar, destination) in item.Sidecars)
            {
                output.WriteLine($"              + {Printable.Escape(Path.GetFileName(sidecar))} → {Printable.Escape(destination)}");
            }
        }

        foreach (var (path, reason) in plan.Excluded)
        {
            output.WriteLine($"extra  -     {Printable.Escape(path)}");
            output.WriteLine($"              left out: {reason}");
        }

        var moves = plan.Items.Count(i => i.Action == RouteAction.Move);
        var skips = plan.Items.Count(i => i.Action == RouteAction.Skip);
        var extras = plan.Excluded.Count > 0 ? $", {plan.Excluded.Count} sample(s)/extra(s) left out" : "";
        output.WriteLine($"{plan.Items.Count} file(s): {moves} to route, {skips} skipped, {plan.Items.Count - moves - skips} already in place{extras}");
    }

    public static void WriteSummary(RouteSummary summary, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine(
            $"moved {summary.Moved}, copied {summary.Copied}, linked {summary.Linked}, skipped {summary.Skipped}, conflicts {summary.Conflicts}, " +
            $"verified {summary.Verified}, already done {summary.AlreadyDone}, recovered {summary.Recovered}, failed {summary.Failed}, {FormatBytes(summary.Bytes)}");
    }

    public static void WriteUndoSummary(UndoSummary summary, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine($"restored {summary.Restored}, removed {summary.Removed}, already back {summary.AlreadyBack}, conflicts {summary.Conflicts}, failed {summary.Failed}");
    }

    /// <summary>{"plan":[...], "journal":..., "summary":{...}}; journal and summary only after --apply.</summary>
    public static void WriteJson(RoutePlan plan, RouteSummary? summary, string? journalPath, Stream output)
    {
        ArgumentNullException.ThrowIfNull(plan);
        using var w = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        w.WriteStartObject();
        w.WriteStartArray("plan");
        foreach (var item in plan.Items)
        {
            w.WriteStartObject();
            w.WriteString("source", item.Source);
            w.WriteString("destination", item.Destination);
            w.WriteString("action", ActionName(item.Action));
            w.WriteString("reason", item.Reason);
            w.WriteNumber("confidence", item.Parse.Confidence);
            w.WriteString("show", item.Parse.ShowName);
            w.WriteString("show_folder", item.Target?.ShowFolder);
            w.WriteBoolean("anime", item.Target?.Anime ?? false);
            w.WriteStartArray("sidecars");
            foreach (var (source, destination) in item.Sidecars)
            {
                w.WriteStartObject();
                w.WriteString("source", source);
                w.WriteString("destination", destination);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("excluded");
        foreach (var (path, reason) in plan.Excluded)
        {
            w.WriteStartObject();
            w.WriteString("source", path);
            w.WriteString("reason", reason);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        if (journalPath is not null)
        {
            w.WriteString("journal", journalPath);
        }

        if (summary is not null)
        {
            w.WriteStartObject("summary");
            w.WriteNumber("moved", summary.Moved);
            w.WriteNumber("copied", summary.Copied);
            w.WriteNumber("linked", summary.Linked);
            w.WriteNumber("skipped", summary.Skipped);
            w.WriteNumber("conflicts", summary.Conflicts);
            w.WriteNumber("verified", summary.Verified);
            w.WriteNumber("crc_mismatches", summary.CrcMismatches);
            w.WriteNumber("already_done", summary.AlreadyDone);
            w.WriteNumber("recovered", summary.Recovered);
            w.WriteNumber("failed", summary.Failed);
            w.WriteNumber("bytes", summary.Bytes);
            w.WriteStartArray("problems");
            foreach (var p in summary.Problems)
            {
                w.WriteStringValue(p);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    public static string ActionName(RouteAction action) => action switch
    {
        RouteAction.Move => "move",
        RouteAction.Skip => "skip",
        _ => "done",
    };

    private static string FormatBytes(long bytes) => bytes switch
    {
        >= 1L << 30 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 30):0.0} GiB"),
        >= 1L << 20 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 20):0.0} MiB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes"),
    };
}
