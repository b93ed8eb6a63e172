using Episodic.Core.Metadata;
using Episodic.Core.Model;

namespace Episodic.Routing.Planning;

/// <summary>What the plan says about one source file.</summary>
public enum RouteAction
{
    /// <summary>Move (or copy/link) to <see cref="RouteItem.Destination"/>.</summary>
    Move,

    /// <summary>Left alone: below the confidence floor, not an episode, or a conflict under --on-conflict skip.</summary>
    Skip,

    /// <summary>Already in place (identical content at the destination).</summary>
    AlreadyDone,
}

/// <summary>One planned step: source → destination with the reason, the parse and its sidecars (subtitles etc.).</summary>
public sealed record RouteItem(string Source, string? Destination, RouteAction Action, string Reason, EpisodeParse Parse)
{
    /// <summary>Companions that travel with it (subtitles beside it or in its Subs folder, a scene .nfo as ".nfo-orig"), with their destinations.</summary>
    public IReadOnlyList<(string Source, string Destination)> Sidecars { get; init; } = [];

    /// <summary>What the metadata provider said about the file (null when routing without metadata).</summary>
    public Identification? Metadata { get; init; }

    /// <summary>The planned target (null for skipped files).</summary>
    public RouteTarget? Target { get; init; }

    /// <summary>The download folder the file came in (<see cref="ScannedFile.ReleaseFolder"/>): what a clean-up may remove once all its videos are filed.</summary>
    public string? ReleaseFolder { get; init; }

    /// <summary>Why a skipped file was not filed, typed: what a review queue records when the run holds files.</summary>
    public RouteHold? Hold { get; init; }
}

/// <summary>A dry-run plan: every file found, in a stable order, and the roots it was made for.</summary>
public sealed record RoutePlan(IReadOnlyList<RouteItem> Items)
{
    /// <summary>The folders scanned (a file argument counts as its folder); they bound what the journal may name.</summary>
    public IReadOnlyList<string> SourceRoots { get; init; } = [];

    public string? LibraryRoot { get; init; }

    public string? AnimeRoot { get; init; }

    /// <summary>Files left out on purpose (samples, trailers, extras, names that are not UTF-8), each with the reason.</summary>
    public IReadOnlyList<Exclusion> Excluded { get; init; } = [];

    /// <summary>Subtitles no video of the run takes (another episode's, an orphan's): listed, left where they are, never dropped.</summary>
    public IReadOnlyList<string> UnmatchedSubtitles { get; init; } = [];
}
