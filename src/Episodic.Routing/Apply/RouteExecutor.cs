using Episodic.Routing.Journal;
using Episodic.Routing.Library;
using Episodic.Routing.Planning;
using Episodic.Routing.Reporting;

namespace Episodic.Routing.Apply;

/// <summary>
/// Carries out a <see cref="RoutePlan"/>. Every file operation is bracketed by flushed journal lines (intent, then
/// done); a failure on one file is reported and the run goes on; nothing is ever overwritten; a source is deleted only
/// after its destination is complete. Journals a crashed run left (the target journal itself, or
/// <see cref="ApplyOptions.Resume"/>) are finished first (<see cref="JournalRecovery"/>). The caller holds the
/// <see cref="LibraryLock"/>: a journal is only ever resumed by the one run allowed to write the library.
/// </summary>
public static class RouteExecutor
{
    public static RouteSummary Apply(RoutePlan plan, string journalPath, ApplyOptions? options = null, IProgress<RouteProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        options ??= new ApplyOptions();
        var summary = new RouteSummary();
        var header = HeaderFor(plan) with { Command = options.Command };
        var stranded = new List<JournalEntry>();
        var sources = new List<string>(header.Sources);
        foreach (var path in options.Resume.Where(p => !string.Equals(Path.GetFullPath(p), Path.GetFullPath(journalPath), StringComparison.Ordinal)))
        {
            JournalFile crashed;
            try
            {
                crashed = JournalFile.Load(path);
            }
            catch (LibraryAccessException refused)
            {
                summary.Problem($"left the journal '{path}' alone: {refused.Message}");
                continue;
            }

            if (!crashed.IsValid || crashed.Header!.Library != header.Library)
            {
                summary.Problem(crashed.IsValid
                    ? $"left the journal '{path}' alone: it records the library '{crashed.Header!.Library}'"
                    : crashed.Header is null
                        ? $"left the journal '{path}' alone: {crashed.Problems[0]}; it is not trusted (move it away if you did not write it)"
                        : $"left the journal '{path}' alone: {crashed.Problems[0]}; check it, or undo it with --force");
                continue;
            }

            using var old = RouteJournal.Append(crashed);
            var recovered = JournalRecovery.Recover(crashed.Entries, old, options.Ops, summary);
            stranded.AddRange(crashed.Entries.Concat(recovered));
            sources.AddRange(crashed.Header.Sources);
            summary.Resumed(path);
        }

        using var journal = OpenTarget(journalPath, header with { Sources = sources.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList() }, plan, options, summary, stranded);
        var runner = new ItemRunner(journal, options, summary);
        foreach (var (source, destination) in JournalRecovery.StrandedSidecars(stranded).ToList())
        {
            runner.RouteStranded(source, destination);
        }

        var total = plan.Items.Count;
        summary.Total = total;
        for (var i = 0; i < total; i++)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                // The file in hand is finished; the rest stays where it is for a re-run.
                summary.Interrupted = true;
                break;
            }

            var item = plan.Items[i];
            progress?.Report(new RouteProgress(i, total, item.Source, summary.Bytes));
            runner.Run(item);
            summary.Completed = i + 1;
        }

        progress?.Report(new RouteProgress(summary.Completed, total, "", summary.Bytes));
        if (options.Clean && options.Mode == RouteMode.Move && !summary.Interrupted)
        {
            // Copy and hard-link runs never clean: the source stays for seeding.
            ReleaseCleaner.Clean(plan, journal, options.Ops, summary);
        }

        // The run got here: no line it wrote can be missing after this one (a kill or crash never writes it).
        journal.WriteEnd(summary.Interrupted ? "interrupted" : null);
        summary.JournalPath = journal.Exists ? journal.Path : null;
        return summary;
    }

    /// <summary>The journal this run writes: a new one, or (given an existing path) that journal resumed and continued.</summary>
    private static RouteJournal OpenTarget(string journalPath, JournalHeader header, RoutePlan plan, ApplyOptions options, RouteSummary summary, List<JournalEntry> stranded)
    {
        if (!File.Exists(journalPath))
        {
            return RouteJournal.Create(journalPath, header);
        }

        var existing = JournalFile.Load(journalPath);
        if (!existing.IsValid)
        {
            throw new JournalRejectedException(existing.Path, existing.Problems);
        }

        var uncovered = header.LibraryRoots.Where(r => !JournalScope.Under(r, existing.Header!.LibraryRoots))
            .Concat(plan.SourceRoots.Where(r => !JournalScope.Under(JournalScope.Normalise(r), existing.Header!.Sources))).ToList();
        if (uncovered.Count > 0)
        {
            throw new JournalRejectedException($"the journal '{existing.Path}' records a run over other roots (not '{uncovered[0]}'); choose a new journal");
        }

        var journal = RouteJournal.Append(existing);
        var pending = RouteJournal.Pending(existing.Entries).Count;
        var recovered = JournalRecovery.Recover(existing.Entries, journal, options.Ops, summary);
        stranded.AddRange(existing.Entries.Concat(recovered));
        if (pending > 0)
        {
            summary.Resumed(existing.Path);
        }

        return journal;
    }

    /// <summary>The header for a plan: its library roots and the folders it read from.</summary>
    internal static JournalHeader HeaderFor(RoutePlan plan)
    {
        var library = plan.LibraryRoot ?? plan.Items.Select(i => i.Target?.Root).FirstOrDefault(r => r is not null) ?? throw new ArgumentException("the plan names no library root", nameof(plan));
        var sources = plan.SourceRoots.Count > 0 ? plan.SourceRoots : plan.Items.Select(i => Path.GetDirectoryName(i.Source)!).ToList();
        return JournalHeader.For(library, plan.AnimeRoot, sources);
    }

    /// <summary>Moves one file across file systems the safe way (copy, flush, verify, rename, delete); exposed for tests.</summary>
    internal static void MoveAcrossDevices(string source, string destination, bool checkCrc = true) =>
        Transfer.MoveAcrossDevices(FileOps.Real, source, destination, Transfer.TempBeside(destination), checkCrc);
}
