using Episodic.Automation.Runs;
using Episodic.Core.Metadata;
using Episodic.Core.Model;
using Episodic.Routing.Apply;
using Episodic.Routing.Journal;
using Episodic.Routing.Library;
using Episodic.Routing.Planning;
using Episodic.Routing.Reporting;
using Microsoft.Extensions.Logging;

namespace Episodic.Automation.Review;

/// <summary>How a <see cref="ReviewDesk"/> files what a person accepts.</summary>
public sealed record ReviewDeskOptions
{
    /// <summary>
    /// The libraries whose queues the desk reads, each with the layout it files by ([routing] templates, the anime root,
    /// the metadata identifier): the same options <c>route</c> would use for them.
    /// </summary>
    public required IReadOnlyList<RoutingOptions> Libraries { get; init; }

    /// <summary>The identifier for a provider a person names by id (<c>--tmdb-id</c> while the library uses TVmaze); null = only the library's own.</summary>
    public Func<MetadataProvider, IEpisodeIdentifier?>? IdentifierFor { get; init; }

    /// <summary>How long an accept waits for the library's lock (a hook or watch run may hold it).</summary>
    public TimeSpan LockWait { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Remove the release folder once its last held video is filed by a move (as the run that held it would have).</summary>
    public bool Clean { get; init; } = true;

    /// <summary>Called after an accept changed a library (media-server refresh); its failures are its own to report.</summary>
    public Func<RouteSummary, CancellationToken, Task>? AfterChange { get; init; }

    public ILogger? Logger { get; init; }

    /// <summary>The key queue rows and journals are signed with; null = the user's.</summary>
    public JournalKey? Key { get; init; }
}

/// <summary>What became of an accept.</summary>
public enum AcceptStatus
{
    /// <summary>Filed through the journal; the item left the queue.</summary>
    Filed,

    /// <summary>No held item has that id.</summary>
    NotFound,

    /// <summary>The file is gone (or is no video any more); the item left the queue.</summary>
    Gone,

    /// <summary>The overrides were refused (a blank show, an id of an unconfigured provider).</summary>
    Refused,

    /// <summary>Still not fileable with what was given (the show is still ambiguous, another conflict): held again with the new reason.</summary>
    StillHeld,

    /// <summary>The file operation failed; the source is intact and the item stays held.</summary>
    Failed,
}

/// <summary>The outcome of <see cref="ReviewDesk.AcceptAsync"/>: what happened, a sentence for people, where the file went and the journal that can undo it.</summary>
public sealed record AcceptOutcome(AcceptStatus Status, string Message)
{
    /// <summary>The item as it was held (null when none was found).</summary>
    public ReviewItem? Item { get; init; }

    /// <summary>Where the video was filed.</summary>
    public string? Destination { get; init; }

    /// <summary>The journal the accept wrote (undo it with <c>episodic undo</c>).</summary>
    public string? Journal { get; init; }

    /// <summary>The item held again (<see cref="AcceptStatus.StillHeld"/>).</summary>
    public ReviewItem? HeldAgain { get; init; }

    public RouteSummary? Summary { get; init; }
}

/// <summary>
/// The review queue as people and pages use it: the held items of every configured library, accept (with the
/// person's show, season and episodes) through the same journaled, locked path <c>route --apply</c> takes, and skip.
/// Shared by <c>episodic review</c> and the server's <c>/review</c> endpoints.
/// </summary>
public sealed class ReviewDesk(ReviewDeskOptions options)
{
    private readonly ReviewDeskOptions _options = options ?? throw new ArgumentNullException(nameof(options));

    /// <summary>The library roots whose queues are read.</summary>
    public IReadOnlyList<string> Libraries => [.. _options.Libraries.Select(l => Path.GetFullPath(l.LibraryRoot))];

    /// <summary>Paths of queue rows not signed with the user's key, found while reading (planted or foreign; never listed).</summary>
    public IReadOnlyList<string> Untrusted { get; private set; } = [];

    /// <summary>Held items of every library (or of <paramref name="library"/> only), oldest first; items whose file is gone leave the queue here.</summary>
    public IReadOnlyList<ReviewItem> List(string? library = null)
    {
        var items = new List<ReviewItem>();
        var untrusted = new List<string>();
        foreach (var routing in Select(library))
        {
            using var queue = ReviewStore.OpenExisting(routing.LibraryRoot, _options.Key);
            if (queue is null)
            {
                continue;
            }

            items.AddRange(queue.List());
            untrusted.AddRange(queue.Untrusted);
        }

        Untrusted = untrusted;
        return [.. items.OrderBy(i => i.HeldAt).ThenBy(i => i.Id, StringComparer.Ordinal)];
    }

    /// <summary>The held item with that id in any library, or null.</summary>
    public ReviewItem? Find(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return Locate(id)?.Item;
    }

    /// <summary>Drops the item from the queue; the file stays where it is. False when no held item has that id.</summary>
    public bool Skip(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (Locate(id) is not { } found)
        {
            return false;
        }

        using var queue = ReviewStore.Open(found.Routing.LibraryRoot, _options.Key);
        return queue.Skip(found.Item.Id);
    }

    /// <summary>
    /// Files the held item as the person says (<paramref name="overrides"/>; none = the proposed reading), under the
    /// library's lock and a new journal, exactly as a run would: companions follow, a conflict is suffixed
    /// ("name (2).mkv") rather than overwritten, a fully filed release folder is cleaned (move mode).
    /// </summary>
    /// <exception cref="LibraryBusyException">The library stayed locked for <see cref="ReviewDeskOptions.LockWait"/>.</exception>
    public async Task<AcceptOutcome> AcceptAsync(string id, ReviewOverrides? overrides = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        overrides ??= new ReviewOverrides();
        if (overrides.Problem() is { } problem)
        {
            return new AcceptOutcome(AcceptStatus.Refused, problem);
        }

        if (Locate(id) is not { } found)
        {
            return new AcceptOutcome(AcceptStatus.NotFound, $"no held item '{id}' (see episodic review)");
        }

        var (item, library) = found;
        if (!TryIdentifier(item, library, overrides, out var identifier))
        {
            return new AcceptOutcome(AcceptStatus.Refused, $"{ShowId.NameOf(overrides.ShowId!.Value.Provider)} is not configured: set it up (see docs/metadata.md) to choose a show by its id") { Item = item };
        }

        var roots = new[] { library.LibraryRoot }.Concat(library.AnimeRoot is { } a ? [a] : []).ToList();
        using var libraryLock = await Task.Run(() => LibraryLock.Acquire(roots, _options.LockWait, $"review accept {item.Id}", cancellationToken), cancellationToken).ConfigureAwait(false);
        using var queue = ReviewStore.Open(library.LibraryRoot, _options.Key);
        if (queue.Find(item.Id) is not { } current)
        {
            return new AcceptOutcome(AcceptStatus.Gone, $"'{item.Path}' is gone; it left the queue") { Item = item };
        }

        var reading = overrides.ApplyTo(current.Proposal, confirmed: true);
        var routing = library with
        {
            MinConfidence = 0,
            Identifier = identifier,
            Include = p => string.Equals(p, current.Path, StringComparison.Ordinal),
            SourceIsRelease = current.SourceIsRelease,
        };
        var sources = Directory.Exists(current.SourceRoot) && current.Path.StartsWith(current.SourceRoot + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? current.SourceRoot
            : current.Path;
        var plan = await RoutePlanner.PlanAsync([sources], routing, (names, _) => Task.FromResult<IReadOnlyList<EpisodeParse>>([.. names.Select(_ => reading)]), null, _options.Logger, cancellationToken).ConfigureAwait(false);
        if (plan.Items.Count == 0)
        {
            queue.Remove(current.Id);
            return new AcceptOutcome(AcceptStatus.Gone, $"'{current.Path}' is no longer a video Episodic can file; it left the queue") { Item = current };
        }

        var context = new HoldContext(current.HeldBy, current.Mode);
        if (plan.Items[0] is { Action: RouteAction.Skip, Hold: { } hold })
        {
            var again = queue.Hold(HeldFiles.Of(plan, null, context)[0] with { Proposal = current.Proposal, HeldBy = current.HeldBy });
            return new AcceptOutcome(AcceptStatus.StillHeld, $"still not fileable: {hold.Detail}") { Item = current, HeldAgain = again };
        }

        var journalFolder = LibraryLock.FolderOf(plan.LibraryRoot!);
        var apply = new ApplyOptions
        {
            Mode = current.Mode,
            OnConflict = current.Reason == HoldReason.Conflict ? OnConflict.Suffix : OnConflict.Skip,
            Command = $"review accept {current.Id}",
            Clean = _options.Clean && current.Mode == RouteMode.Move,
            Resume = RouteJournal.Unfinished(journalFolder),
        };
        var summary = RouteExecutor.Apply(plan, RouteJournal.NewPath(journalFolder, DateTimeOffset.UtcNow), apply, null, CancellationToken.None);
        if (summary.Held.Count > 0)
        {
            var again = queue.Hold(HeldFiles.Of(plan, summary, context)[0] with { Proposal = current.Proposal });
            return new AcceptOutcome(AcceptStatus.StillHeld, $"still not fileable: {summary.Held[0].Hold.Detail}") { Item = current, HeldAgain = again, Summary = summary, Journal = summary.JournalPath };
        }

        var video = summary.Filed.FirstOrDefault(f => f.IsVideo && string.Equals(f.Source, current.Path, StringComparison.Ordinal));
        if (video is null)
        {
            var why = summary.Problems.Count > 0 ? summary.Problems[0] : "nothing was filed";
            return new AcceptOutcome(AcceptStatus.Failed, why) { Item = current, Summary = summary, Journal = summary.JournalPath };
        }

        queue.Remove(current.Id);
        if (_options.AfterChange is { } after && summary.Filed.Any(f => f.Changed))
        {
            await after(summary, cancellationToken).ConfigureAwait(false);
        }

        // Identical content already at the destination is no new filing (history counts it as deduplicated, not filed).
        var message = video.Changed
            ? $"filed as '{video.Destination}'"
            : $"already in the library as '{video.Destination}' (identical content{(video.SourceRemoved ? "; the duplicate was removed" : "")})";
        return new AcceptOutcome(AcceptStatus.Filed, message)
        {
            Item = current,
            Destination = video.Destination,
            Journal = summary.JournalPath,
            Summary = summary,
        };
    }

    /// <summary>
    /// The identifier an accept files by: the show the person names by id; else, when the person names no show, the
    /// provider's own best guess (the proposal a person accepts); else the library's identifier as it is (possibly
    /// none). False when the provider the person names by id is not configured.
    /// </summary>
    private bool TryIdentifier(ReviewItem item, RoutingOptions library, ReviewOverrides overrides, out IEpisodeIdentifier? identifier)
    {
        identifier = library.Identifier;
        if (overrides.ShowId is { } chosen)
        {
            var inner = library.Identifier is { } own && own.Provider == chosen.Provider ? own : _options.IdentifierFor?.Invoke(chosen.Provider);
            identifier = inner is null ? null : new ChosenShowIdentifier(inner, chosen);
            return inner is not null;
        }

        if (overrides.Show is null && item.ProposedShow is { } proposed && library.Identifier is { } own2 && own2.Provider == proposed.Id.Provider)
        {
            identifier = new ChosenShowIdentifier(own2, proposed.Id);
        }

        return true;
    }

    private IEnumerable<RoutingOptions> Select(string? library)
    {
        if (library is null)
        {
            return _options.Libraries;
        }

        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(library));
        return _options.Libraries.Where(l => string.Equals(Path.TrimEndingDirectorySeparator(Path.GetFullPath(l.LibraryRoot)), full, StringComparison.Ordinal));
    }

    private (ReviewItem Item, RoutingOptions Routing)? Locate(string id)
    {
        foreach (var routing in _options.Libraries)
        {
            using var queue = ReviewStore.OpenExisting(routing.LibraryRoot, _options.Key);
            if (queue?.Find(id) is { } item)
            {
                return (item, routing);
            }
        }

        return null;
    }
}
