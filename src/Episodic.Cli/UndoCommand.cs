using System.CommandLine;
using Episodic.Routing;

namespace Episodic.Cli;

/// <summary><c>episodic undo JOURNAL</c>: reverse a route run; safe to re-run if interrupted.</summary>
internal static class UndoCommand
{
    public static Command Create(CliContext context)
    {
        var journal = new Argument<string>("JOURNAL") { Description = "The journal an 'episodic route --apply' run wrote (its path is printed by route)." };
        var command = new Command("undo", "Move everything a route run filed back where it came from, newest first; copies and links are removed only when their source is intact.")
        {
            journal,
        };
        command.SetAction((result, cancellationToken) =>
        {
            var path = result.GetValue(journal)!;
            if (!File.Exists(path))
            {
                context.Error($"no such journal: '{path}'");
                return Task.FromResult(CliApp.ExitInputError);
            }

            UndoSummary summary;
            try
            {
                summary = RouteUndo.Undo(path, null, cancellationToken);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                context.Error($"cannot use the journal '{path}': {ex.Message}");
                return Task.FromResult(RouteCommand.ExitSomeFailed);
            }

            RouteReport.WriteUndoSummary(summary, context.Stdout);
            foreach (var problem in summary.Problems)
            {
                context.Error(problem);
            }

            return Task.FromResult(summary.Failed > 0 || summary.Conflicts > 0 ? RouteCommand.ExitSomeFailed : CliApp.ExitOk);
        });
        return command;
    }
}
