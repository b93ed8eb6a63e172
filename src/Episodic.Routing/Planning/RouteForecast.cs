using Episodic.Routing.Apply;
using Episodic.Routing.Reporting;

namespace Episodic.Routing.Planning;

/// <summary>What applying the plan would do to one file, as the dry run shows it.</summary>
public enum PlannedAction
{
    Move,
    Copy,
    Hardlink,

    /// <summary>A different file is at the destination (or another file of this plan gets there first).</summary>
    Conflict,
    Skip,

    /// <summary>Identical content is already at the destination.</summary>
    AlreadyDone,
}

/// <summary>One plan item with the action apply would take for its video and for each sidecar.</summary>
public sealed record ForecastItem(RouteItem Item, PlannedAction Action, IReadOnlyList<PlannedAction> Sidecars);

/// <summary>
/// Predicts, without touching anything, what <see cref="RouteExecutor.Apply"/> would do with a plan under the given
/// options, using the same rules and the same counters: so the dry run's totals are the ones --apply reports (barring
/// changes on disk in between, CRC checks, which read whole files, and hard links that fall back to copies across devices).
/// </summary>
public static class RouteForecast
{
    public static (IReadOnlyList<ForecastItem> Items, RouteSummary Summary) Of(RoutePlan plan, ApplyOptions options)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(options);
        var summary = new RouteSummary();
        var claimed = new Dictionary<string, string>(StringComparer.Ordinal);
        var items = new List<ForecastItem>(plan.Items.Count);
        foreach (var item in plan.Items)
        {
            switch (item.Action)
            {
                case RouteAction.Skip:
                    summary.Skipped++;
                    items.Add(new ForecastItem(item, PlannedAction.Skip, []));
                    continue;
                case RouteAction.AlreadyDone:
                    summary.AlreadyDone++;
                    items.Add(new ForecastItem(item, PlannedAction.AlreadyDone, []));
                    continue;
            }

            if (!File.Exists(item.Source))
            {
                summary.Skipped++;
                items.Add(new ForecastItem(item, PlannedAction.Skip, []));
                continue;
            }

            var video = Place(item.Source, item.Destination!, options, summary, claimed);
            var sidecars = video is PlannedAction.Conflict && options.OnConflict == OnConflict.Skip
                ? []
                : item.Sidecars.Where(s => File.Exists(s.Source)).Select(s => Place(s.Source, s.Destination, options, summary, claimed)).ToList();
            items.Add(new ForecastItem(item, video, sidecars));
        }

        return (items, summary);
    }

    /// <summary>The same decision <c>ItemRunner.Place</c> makes, counted the same way.</summary>
    private static PlannedAction Place(string source, string destination, ApplyOptions options, RouteSummary summary, Dictionary<string, string> claimed)
    {
        if (Transfer.SamePathIgnoringCase(source, destination))
        {
            summary.AlreadyDone++;
            return PlannedAction.AlreadyDone;
        }

        // What will be at the destination when this file's turn comes: a file already there, or one this plan puts there first.
        var occupant = claimed.TryGetValue(destination, out var earlier) ? earlier : File.Exists(destination) ? destination : null;
        if (occupant is not null)
        {
            if (ContentHash.Identical(source, occupant))
            {
                summary.AlreadyDone++;
                return PlannedAction.AlreadyDone;
            }

            summary.Conflicts++;
            if (options.OnConflict == OnConflict.Skip)
            {
                summary.Skipped++;
                return PlannedAction.Conflict;
            }

            // Suffixed ("name (2).mkv") and transferred.
            summary.Bytes += new FileInfo(source).Length;
            Count(options.Mode, summary);
            return PlannedAction.Conflict;
        }

        claimed[destination] = source;
        summary.Bytes += new FileInfo(source).Length;
        return Count(options.Mode, summary);
    }

    private static PlannedAction Count(RouteMode mode, RouteSummary summary)
    {
        switch (mode)
        {
            case RouteMode.Copy:
                summary.Copied++;
                return PlannedAction.Copy;
            case RouteMode.Hardlink:
                summary.Linked++;
                return PlannedAction.Hardlink;
            default:
                summary.Moved++;
                return PlannedAction.Move;
        }
    }

    public static string Name(PlannedAction action) => action switch
    {
        PlannedAction.Move => "move",
        PlannedAction.Copy => "copy",
        PlannedAction.Hardlink => "hardlink",
        PlannedAction.Conflict => "conflict",
        PlannedAction.Skip => "skip",
        _ => "done",
    };
}
