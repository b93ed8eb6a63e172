using System.Globalization;
using System.Text.Json;
using Episodic.Core.Model;
using Episodic.Core.Text;
using Episodic.Routing.Planning;

namespace Episodic.Routing.Reporting;

/// <summary>Renders plans and summaries for people (aligned text) and programs (JSON); shared by the CLI and tests.</summary>
public static partial class RouteReport
{
    /// <summary>
    /// The plan grouped by show folder (skipped files last), each file with the action apply would take
    /// (move/copy/hardlink/conflict/skip/done), its confidence, source → destination, the reason and sidecars; the new
    /// show folders the plan creates are listed first.
    /// </summary>
    public static void WriteTable(RoutePlan plan, IReadOnlyList<ForecastItem> forecast, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(forecast);
        ArgumentNullException.ThrowIfNull(output);
        var newFolders = forecast.Where(f => f.Item.Target is { NewShowFolder: true } t && f.Action is not PlannedAction.Skip)
            .Select(f => Path.Join(f.Item.Target!.Root, f.Item.Target.ShowFolder)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (newFolders.Count > 0)
        {
            output.WriteLine($"new show folders ({newFolders.Count}):");
            foreach (var folder in newFolders)
            {
                output.WriteLine($"  + {Printable.Escape(folder)}");
            }

            output.WriteLine();
        }

        var groups = forecast
            .GroupBy(f => f.Item.Target is { } t ? Path.Join(t.Root, t.ShowFolder) : "")
            .OrderBy(g => g.Key.Length == 0)
            .ThenBy(g => g.Key, StringComparer.Ordinal);
        foreach (var group in groups)
        {
            output.WriteLine(group.Key.Length == 0 ? "not routed" : Printable.Escape(group.Key));
            foreach (var f in group)
            {
                var item = f.Item;
                var conf = item.Parse.Confidence.ToString("0.00", CultureInfo.InvariantCulture);
                var action = RouteForecast.Name(f.Action);
                var source = Printable.Escape(item.Source);
                output.WriteLine(item.Destination is null
                    ? $"  {action,-8} {conf}  {source}"
                    : $"  {action,-8} {conf}  {source} → {Printable.Escape(item.Destination)}");
                output.WriteLine($"                  {Printable.Escape(item.Reason)}");
                for (var k = 0; k < item.Sidecars.Count; k++)
                {
                    var (sidecar, destination) = item.Sidecars[k];
                    var sidecarAction = k < f.Sidecars.Count ? $" ({RouteForecast.Name(f.Sidecars[k])})" : "";
                    output.WriteLine($"                  + {Printable.Escape(Path.GetFileName(sidecar))} → {Printable.Escape(destination)}{sidecarAction}");
                }
            }

            output.WriteLine();
        }

        if (plan.Excluded.Count > 0)
        {
            output.WriteLine($"left out ({ExcludedHeading(plan.Excluded)})");
            foreach (var excluded in plan.Excluded)
            {
                var label = excluded.Kind == ExclusionKind.UnreadableName ? "unread " : "extra  ";
                output.WriteLine($"  {label}  -     {Printable.Escape(excluded.Path)}");
                output.WriteLine($"                  left out: {excluded.Reason}");
            }

            output.WriteLine();
        }

        if (plan.UnmatchedSubtitles.Count > 0)
        {
            output.WriteLine($"subtitles matching no video ({plan.UnmatchedSubtitles.Count}, left where they are)");
            foreach (var subtitle in plan.UnmatchedSubtitles)
            {
                output.WriteLine($"  unmatched -     {Printable.Escape(subtitle)}");
            }

            output.WriteLine();
        }
    }

    /// <summary>"3 sample(s)/extra(s), 1 name(s) not UTF-8": each kind counted, kinds with none left out.</summary>
    private static string ExcludedHeading(IReadOnlyList<Exclusion> excluded)
    {
        var extras = excluded.Count(e => e.Kind == ExclusionKind.Extra);
        var unreadable = excluded.Count - extras;
        var parts = new List<string>(2);
        if (extras > 0)
        {
            parts.Add($"{extras} sample(s)/extra(s)");
        }

        if (unreadable > 0)
        {
            parts.Add($"{unreadable} name(s) not UTF-8");
        }

        return string.Join(", ", parts);
    }

    /// <summary>
    /// The totals line; the dry run prints the forecast's with <paramref name="prefix"/>, so both use one format. A run
    /// that wrote a journal names it, so the line that says what changed also says how to take it back.
    /// </summary>
    public static void WriteSummary(RouteSummary summary, TextWriter output, string prefix = "")
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine(
            $"{prefix}moved {summary.Moved}, copied {summary.Copied}, linked {summary.Linked}, skipped {summary.Skipped}, conflicts {summary.Conflicts}, " +
            $"verified {summary.Verified}, already done {summary.AlreadyDone}, recovered {summary.Recovered}, failed {summary.Failed}, {FormatBytes(summary.Bytes)}" +
            (summary.JournalPath is { } journal ? $"; journal {journal}" : ""));
    }

    public static void WriteUndoSummary(UndoSummary summary, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine($"restored {summary.Restored}, removed {summary.Removed}, already back {summary.AlreadyBack}, conflicts {summary.Conflicts}, failed {summary.Failed}");
    }

    /// <summary>
    /// {"plan":[...], "forecast":{...}, "journal":..., "summary":{...}}: each item's action is what apply would do;
    /// forecast holds the dry run's totals; journal and summary only after --apply.
    /// </summary>
    public static void WriteJson(RoutePlan plan, IReadOnlyList<ForecastItem> forecast, RouteSummary expected, RouteSummary? summary, string? journalPath, Stream output)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(forecast);
        ArgumentNullException.ThrowIfNull(expected);
        using var w = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        w.WriteStartObject();
        w.WriteStartArray("plan");
        foreach (var f in forecast)
        {
            var item = f.Item;
            w.WriteStartObject();
            w.WriteString("source", item.Source);
            w.WriteString("destination", item.Destination);
            w.WriteString("action", RouteForecast.Name(f.Action));
            w.WriteBoolean("new_show_folder", item.Target?.NewShowFolder ?? false);
            w.WriteString("reason", item.Reason);
            w.WriteString("hold", item.Hold?.Reason.WireName());
            w.WriteNumber("confidence", ConfidenceJsonConverter.Round(item.Parse.Confidence));
            w.WriteString("show", item.Parse.ShowName);
            w.WriteString("show_folder", item.Target?.ShowFolder);
            w.WriteBoolean("anime", item.Target?.Anime ?? false);
            WriteMetadata(w, item.Metadata);
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
        foreach (var excluded in plan.Excluded)
        {
            w.WriteStartObject();
            w.WriteString("source", excluded.Path);
            w.WriteString("kind", excluded.Kind == ExclusionKind.UnreadableName ? "unreadable_name" : "extra");
            w.WriteString("reason", excluded.Reason);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("unmatched_subtitles");
        foreach (var subtitle in plan.UnmatchedSubtitles)
        {
            w.WriteStringValue(subtitle);
        }

        w.WriteEndArray();
        WriteCounts(w, "forecast", expected);
        if (journalPath is not null)
        {
            w.WriteString("journal", journalPath);
        }

        if (summary is not null)
        {
            WriteCounts(w, "summary", summary);
        }

        w.WriteEndObject();
    }

    private static void WriteCounts(Utf8JsonWriter w, string name, RouteSummary summary)
    {
        w.WriteStartObject(name);
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
