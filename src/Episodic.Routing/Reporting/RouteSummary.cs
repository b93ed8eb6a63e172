using Episodic.Routing.Planning;

namespace Episodic.Routing.Reporting;

/// <summary>
/// One file (a video or a companion) that is in the library after a run: where from, where to, whether its source is
/// gone, and whether the library changed (false when identical content was already there).
/// </summary>
public sealed record FiledFile(string Source, string Destination, bool IsVideo, bool SourceRemoved, bool Changed = true);

/// <summary>A planned file apply could not file and that a person can settle (a conflict at the destination).</summary>
public sealed record AppliedHold(RouteItem Item, RouteHold Hold);

/// <summary>What an apply run did. File counts include sidecars; <see cref="Bytes"/> is what was moved, copied or linked.</summary>
public sealed class RouteSummary
{
    private readonly List<string> _notes = [];
    private readonly List<string> _problems = [];
    private readonly List<string> _resumed = [];
    private readonly List<FiledFile> _filed = [];
    private readonly List<AppliedHold> _held = [];

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

    /// <summary>Files this run put in the library (moved, copied, linked, or found there already and deduplicated), in order.</summary>
    public IReadOnlyList<FiledFile> Filed => _filed;

    /// <summary>Videos apply left in place for a person to settle (a different file at the destination under --on-conflict skip).</summary>
    public IReadOnlyList<AppliedHold> Held => _held;

    /// <summary>Leftover files of fully routed release folders moved to the library's trash (<see cref="Apply.ApplyOptions.Clean"/>).</summary>
    public int Cleaned { get; internal set; }

    /// <summary>Emptied release folders removed by the clean-up.</summary>
    public int FoldersRemoved { get; internal set; }

    internal void Note(string message) => _notes.Add(message);

    internal void Problem(string message) => _problems.Add(message);

    internal void Resumed(string journal) => _resumed.Add(journal);

    internal void AddFiled(FiledFile file) => _filed.Add(file);

    internal void Hold(RouteItem item, RouteHold hold) => _held.Add(new AppliedHold(item, hold));
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

    public IReadOnlyList<string> Problems => _problems;

    internal void Problem(string message) => _problems.Add(message);
}
