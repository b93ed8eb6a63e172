namespace Episodic.Routing.Apply;

/// <summary>How a planned file reaches the library.</summary>
public enum RouteMode
{
    /// <summary>Atomic rename on one file system; copy, verify, rename, then delete the source across file systems.</summary>
    Move,

    /// <summary>Copy (verified); the source stays.</summary>
    Copy,

    /// <summary>Hard link, so a torrent client keeps seeding the source; falls back to a verified copy across devices.</summary>
    Hardlink,
}

/// <summary>What to do when the destination exists with different content. It is never overwritten.</summary>
public enum OnConflict
{
    /// <summary>Leave the source where it is and report the conflict.</summary>
    Skip,

    /// <summary>File it beside the existing one as "name (2).mkv".</summary>
    Suffix,
}

/// <summary>Options for <see cref="RouteExecutor.Apply"/>.</summary>
public sealed record ApplyOptions
{
    public RouteMode Mode { get; init; } = RouteMode.Move;

    public OnConflict OnConflict { get; init; } = OnConflict.Skip;

    /// <summary>Hash files whose name carries a [ABCD1234] tag before moving; a mismatch is reported and not moved.</summary>
    public bool VerifyCrc { get; init; }

    /// <summary>The command recorded in a new journal's header, for <c>episodic history</c> ("route --apply", "hook qbittorrent").</summary>
    public string? Command { get; init; }

    /// <summary>
    /// After a move run, remove each release folder whose videos were all filed: its leftovers (<see cref="Leftovers"/>)
    /// go to the library's trash and the emptied folders are removed, every step journaled so undo puts them back.
    /// </summary>
    public bool Clean { get; init; }

    /// <summary>Journals a crashed run left (found under the lock); they are finished before this run starts.</summary>
    public IReadOnlyList<string> Resume { get; init; } = [];

    /// <summary>The file-system seam (tests force the cross-device path or inject crashes through it).</summary>
    internal FileOps Ops { get; init; } = FileOps.Real;
}

/// <summary>Progress of an apply or undo run: files handled so far out of the total, and bytes moved.</summary>
public sealed record RouteProgress(int Completed, int Total, string Current, long Bytes);
