namespace Episodic.Automation.History;

/// <summary>Where a recorded run stands.</summary>
public enum RunState
{
    /// <summary>Every operation finished.</summary>
    Complete,

    /// <summary>The run stopped with operations unfinished (a crash or kill); the next run in the library finishes them.</summary>
    Unfinished,

    /// <summary>Some of what the run did was undone.</summary>
    PartlyUndone,

    /// <summary>Everything the run did was undone.</summary>
    Undone,

    /// <summary>The journal fails its checks (not signed with this user's key, damaged); nothing in it is used.</summary>
    Unreadable,
}

/// <summary>
/// One run as its journal records it: when, which command, over which folders, what it did (counts and bytes) and
/// whether it was undone. The journal is the record; history only reads it.
/// </summary>
public sealed record RunRecord
{
    /// <summary>The journal file (what <c>episodic undo</c> takes).</summary>
    public required string Journal { get; init; }

    /// <summary>The run's id from the journal header ("" for an unreadable journal).</summary>
    public string Run { get; init; } = "";

    public string Library { get; init; } = "";

    public string? AnimeLibrary { get; init; }

    /// <summary>When the run started (the header); the journal's file time for an unreadable one.</summary>
    public DateTimeOffset Started { get; init; }

    /// <summary>The time of the journal's last line.</summary>
    public DateTimeOffset? Ended { get; init; }

    /// <summary>"route --apply", "hook qbittorrent", "watch", "review accept ID"; null for journals written before commands were recorded.</summary>
    public string? Command { get; init; }

    public IReadOnlyList<string> Sources { get; init; } = [];

    public int Moved { get; init; }

    public int Copied { get; init; }

    public int Linked { get; init; }

    /// <summary>Sources removed because identical content was already in the library.</summary>
    public int Deduplicated { get; init; }

    /// <summary>Folders created in the library.</summary>
    public int FoldersCreated { get; init; }

    /// <summary>Operations since undone.</summary>
    public int Undone { get; init; }

    public long Bytes { get; init; }

    public RunState State { get; init; }

    /// <summary>Why an unreadable journal is unreadable.</summary>
    public string? Problem { get; init; }

    /// <summary>Files the run put in the library (moved, copied, linked).</summary>
    public int Filed => Moved + Copied + Linked;

    /// <summary>True when <c>undo</c> has something to put back.</summary>
    public bool CanUndo => State is RunState.Complete or RunState.Unfinished or RunState.PartlyUndone;
}
