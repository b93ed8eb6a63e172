using Episodic.Core.Metadata;
using Episodic.Routing.Apply;
using Episodic.Routing.Planning;
using Episodic.Routing.Reporting;

namespace Episodic.Automation.Review;

/// <summary>How the run that holds files would have filed them, recorded with each held file.</summary>
public sealed record HoldContext(string HeldBy, RouteMode Mode);

/// <summary>
/// Turns what a run could not settle into review items: every planned skip that has a <see cref="RouteHold"/> (low
/// confidence, unidentified, ambiguous, ...) and every conflict apply met. Files that no longer exist are not held.
/// </summary>
public static class HeldFiles
{
    /// <summary>The items to hold for a plan (and, after apply, its summary), not yet stored.</summary>
    public static IReadOnlyList<ReviewItem> Of(RoutePlan plan, RouteSummary? summary, HoldContext context)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(context);
        var library = plan.LibraryRoot ?? throw new ArgumentException("the plan names no library root", nameof(plan));
        var held = new List<ReviewItem>();
        foreach (var item in plan.Items)
        {
            if (item.Action == RouteAction.Skip && item.Hold is { } hold && Make(item, hold, null, plan, library, context) is { } review)
            {
                held.Add(review);
            }
        }

        foreach (var (item, hold) in summary?.Held ?? [])
        {
            var destination = hold.Reason == HoldReason.Conflict ? item.Destination : null;
            if (Make(item, hold, destination, plan, library, context) is { } review)
            {
                held.Add(review);
            }
        }

        return held;
    }

    /// <summary>Stores <see cref="Of"/> in <paramref name="queue"/>; returns what is now held (files a person skipped, unchanged, stay skipped).</summary>
    public static IReadOnlyList<ReviewItem> Record(ReviewStore queue, RoutePlan plan, RouteSummary? summary, HoldContext context)
    {
        ArgumentNullException.ThrowIfNull(queue);
        return [.. Of(plan, summary, context).Select(queue.Hold).OfType<ReviewItem>()];
    }

    private static ReviewItem? Make(RouteItem item, RouteHold hold, string? destination, RoutePlan plan, string library, HoldContext context)
    {
        var info = new FileInfo(item.Source);
        if (!info.Exists)
        {
            return null;
        }

        var metadata = item.Metadata;
        var root = RootOf(info.FullName, plan.SourceRoots);
        return new ReviewItem
        {
            Path = info.FullName,
            Library = library,
            AnimeLibrary = plan.AnimeRoot,
            SourceRoot = root,
            SourceIsRelease = item.ReleaseFolder is { } release && string.Equals(release, root, StringComparison.Ordinal),
            Size = info.Length,
            Modified = info.LastWriteTimeUtc,
            Reason = hold.Reason,
            Detail = hold.Detail,
            Proposal = item.Parse,
            MetadataStatus = metadata?.Status,
            ProposedShow = metadata?.Show is { } show ? ReviewShow.From(show) : null,
            Candidates = [.. (metadata?.Candidates ?? []).Select(ReviewShow.From)],
            Destination = destination,
            Mode = context.Mode,
            HeldBy = context.HeldBy,
            HeldAt = DateTimeOffset.UtcNow,
        };
    }

    /// <summary>The scanned root the file was found under (the longest that contains it); its own folder when none does.</summary>
    private static string RootOf(string path, IReadOnlyList<string> roots)
    {
        var best = roots.Where(r => path.StartsWith(Path.EndsInDirectorySeparator(r) ? r : r + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .OrderByDescending(r => r.Length).FirstOrDefault();
        return best ?? Path.GetDirectoryName(path)!;
    }
}
