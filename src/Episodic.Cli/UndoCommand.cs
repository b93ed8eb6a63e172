using System.CommandLine;
using Episodic.Automation.History;
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
        var journal = new Argument<string?>("JOURNAL") { Description = "The journal an 'episodic route --apply' run wrote (its path is printed by route).", Arity = ArgumentArity.ZeroOrOne };
        var last = new Option<bool>("--last") { Description = "Undo the newest run that changed the library (see episodic history) instead of naming its journal." };
        var library = new Option<string?>("--library") { Description = "With --last: the library root (default [routing] tv_path)." };
        var llm = new LlmOptions();
        var force = new Option<bool>("--force") { Description = "Undo the lines that pass the journal's checks even when others fail; the rest are listed." };
        var wait = Duration.Option("--wait", "When another run holds the library's lock, wait up to this long (30s, 10m, 1h) instead of refusing at once.");
        var command = new Command("undo", "Move everything a route run filed back where it came from, newest first; copies and links are removed only when their source is intact.")
        {
            journal, force, wait, last, library, llm.Config,
        };
        command.SetAction((result, cancellationToken) =>
        {
            var path = result.GetValue(journal);
            if (result.GetValue(last) == (path is not null))
            {
                context.Error("name a JOURNAL, or give --last for the newest run");
                return Task.FromResult(CliApp.ExitInputError);
            }

            if (path is null)
            {
                var configuration = LibrarySettings.Configuration(result, llm, context);
                if (LibrarySettings.Routing(configuration, result.GetValue(library), null, out var problem) is not { } routing)
                {
                    context.Error(problem!);
                    return Task.FromResult(CliApp.ExitConfigError);
                }

                if (RunHistory.Last(routing.LibraryRoot) is not { } newest)
                {
                    context.Error($"no run to undo in '{routing.LibraryRoot}' (see episodic history)");
                    return Task.FromResult(CliApp.ExitInputError);
                }

                path = newest.Journal;
                context.Stderr.WriteLine($"undoing {newest.Command ?? "route --apply"} of {newest.Started.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z: {path}");
            }

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
