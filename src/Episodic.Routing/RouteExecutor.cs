namespace Episodic.Routing;

/// <summary>
/// Carries out a <see cref="RoutePlan"/>. Every file operation is bracketed by flushed journal lines (intent, then
/// done); a failure on one file is reported and the run goes on; nothing is ever overwritten; a source is deleted only
/// after its destination is complete. Re-running with the same journal after a crash first completes what the crash
/// interrupted (<see cref="JournalRecovery"/>).
/// </summary>
public static class RouteExecutor
{
    public static RouteSummary Apply(RoutePlan plan, string journalPath, ApplyOptions? options = null, IProgress<RouteProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        options ??= new ApplyOptions();
        var summary = new RouteSummary();
        var previous = RouteJournal.Read(journalPath);
        using var journal = RouteJournal.Open(journalPath);
        var recovered = JournalRecovery.Recover(previous, journal, options.Ops, summary);
        var runner = new ItemRunner(journal, options, summary);
        foreach (var (source, destination) in JournalRecovery.StrandedSidecars(previous.Concat(recovered)).ToList())
        {
            runner.RouteStranded(source, destination);
        }

        var total = plan.Items.Count;
        for (var i = 0; i < total; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var item = plan.Items[i];
            progress?.Report(new RouteProgress(i, total, item.Source, summary.Bytes));
            runner.Run(item);
        }

        progress?.Report(new RouteProgress(total, total, "", summary.Bytes));
        return summary;
    }

    /// <summary>Moves one file across file systems the safe way (copy, flush, verify, rename, delete); exposed for tests.</summary>
    internal static void MoveAcrossDevices(string source, string destination, bool checkCrc = true) =>
        Transfer.MoveAcrossDevices(FileOps.Real, source, destination, Transfer.TempBeside(destination), checkCrc);
}
