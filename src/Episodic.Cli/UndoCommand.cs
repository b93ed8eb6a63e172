using System.CommandLine;
using Episodic.Routing.Journal;
using Episodic.Routing.Library;
using Episodic.Routing.Reporting;

namespace Episodic.Cli;

/// <summary>
/// <c>episodic undo JOURNAL</c>: reverse a route run; safe to re-run if interrupted. The journal is checked as a
/// whole first and the library's lock is held throughout, like <c>route --apply</c>.
/// </summary>
internal static class UndoCommand
{
    public static Command Create(CliContext context)
    {
        var journal = new Argument<string>("JOURNAL") { Description = "The journal an 'episodic route --apply' run wrote (its path is printed by route)." };
        var force = new Option<bool>("--force") { Description = "Undo the lines that pass the journal's checks even when others fail; the rest are listed." };
        var wait = Duration.Option("--wait", "When another run holds the library's lock, wait up to this long (30s, 10m, 1h) instead of refusing at once.");
        var command = new Command("undo", "Move everything a route run filed back where it came from, newest first; copies and links are removed only when their source is intact.")
        {
            journal, force, wait,
        };
        command.SetAction((result, cancellationToken) =>
        {
            var path = result.GetValue(journal)!;
            if (!File.Exists(path))
            {
                context.Error($"no such journal: '{path}'");
                return Task.FromResult(CliApp.ExitInputError);
            }

            var file = JournalFile.Load(path);
            if (file.Header is null || (!file.IsValid && !result.GetValue(force)))
            {
                throw new JournalRejectedException(file.Path, file.Problems);
            }

            using var libraryLock = LibraryLock.Acquire(file.Header.LibraryRoots.Where(Directory.Exists), result.GetValue(wait), "undo", cancellationToken);
            var summary = RouteUndo.Undo(path, null, result.GetValue(force), cancellationToken);
            RouteReport.WriteUndoSummary(summary, context.Stdout);
            foreach (var problem in summary.Problems)
            {
                context.Error(problem);
            }

            return Task.FromResult(summary.Failed > 0 || summary.Conflicts > 0 || summary.Unreadable > 0 || summary.EndsEarly ? RouteCommand.ExitSomeFailed : CliApp.ExitOk);
        });
        return command;
    }
}
