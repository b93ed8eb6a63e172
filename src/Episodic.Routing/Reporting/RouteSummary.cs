namespace Episodic.Routing.Reporting;

/// <summary>What an apply run did. File counts include sidecars; <see cref="Bytes"/> is what was moved, copied or linked.</summary>
public sealed class RouteSummary
{
    private readonly List<string> _notes = [];
    private readonly List<string> _problems = [];
    private readonly List<string> _resumed = [];

    public int Moved { get; internal set; }

    public int Copied { get; internal set; }

    public int Linked { get; internal set; }

    /// <summary>Planned skips, conflicts left in place, CRC mismatches and sources that vanished.</summary>
    public int Skipped { get; internal set; }

    /// <summary>Destinations that existed with different content (skipped or suffixed, never overwritten).</summary>
    public int Conflicts { get; internal set; }

    /// <summary>Files whose CRC32 matched their name's tag (--verify-crc).</summary>
    public int Verified { get; internal set; }

    public int CrcMismatches { get; internal set; }

    /// <summary>Identical content was already at the destination (the source was removed only in move mode).</summary>
    public int AlreadyDone { get; internal set; }

    /// <summary>Operations an earlier, interrupted run left unfinished and this run completed from the journal.</summary>
    public int Recovered { get; internal set; }

    public int Failed { get; internal set; }

    public long Bytes { get; internal set; }

    /// <summary>Plan items handled (of <see cref="Total"/>); less than the total only when <see cref="Interrupted"/>.</summary>
    public int Completed { get; internal set; }

    public int Total { get; internal set; }

    /// <summary>Cancellation (Ctrl+C) stopped the run between two files; the rest were not touched.</summary>
    public bool Interrupted { get; internal set; }

    /// <summary>The journal this run wrote, or null when it changed nothing (no journal is left then).</summary>
    public string? JournalPath { get; internal set; }

    /// <summary>Journals of crashed runs this run finished.</summary>
    public IReadOnlyList<string> ResumedJournals => _resumed;

    /// <summary>Informational lines (fallbacks, recovered operations, removed temp files).</summary>
    public IReadOnlyList<string> Notes => _notes;

    /// <summary>One line per failed, conflicting or mismatching file.</summary>
    public IReadOnlyList<string> Problems => _problems;

    internal void Note(string message) => _notes.Add(message);

    internal void Problem(string message) => _problems.Add(message);

    internal void Resumed(string journal) => _resumed.Add(journal);
}

/// <summary>What an undo run did.</summary>
public sealed class UndoSummary
{
    private readonly List<string> _problems = [];

    /// <summary>Files moved or copied back to where they came from.</summary>
    public int Restored { get; internal set; }

    /// <summary>Library copies and links removed (their source was still there and identical).</summary>
    public int Removed { get; internal set; }

    /// <summary>Entries found already undone.</summary>
    public int AlreadyBack { get; internal set; }

    public int Conflicts { get; internal set; }

    public int Failed { get; internal set; }

    /// <summary>Journal lines that failed their checks and were left out (only with --force).</summary>
    public int Unreadable { get; internal set; }

    /// <summary>
    /// The journal has no end record after its last routing line (<see cref="Journal.JournalFile.EndsEarly"/>): what it
    /// names was undone, but it may not name everything its run did.
    /// </summary>
    public bool EndsEarly { get; internal set; }

    public IReadOnlyList<string> Problems => _problems;

    internal void Problem(string message) => _problems.Add(message);
}
