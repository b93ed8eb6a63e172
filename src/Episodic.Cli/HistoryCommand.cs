using System.CommandLine;
using System.Globalization;
using Episodic.Automation;
using Episodic.Automation.History;

namespace Episodic.Cli;

/// <summary>
/// <c>episodic history</c>: the runs that changed a library (route, hook, review accept), newest first, each with its
/// journal, so a person can see what happened while they were away and undo any of it.
/// </summary>
internal static class HistoryCommand
{
    public static Command Create(CliContext context)
    {
        var library = new Option<string?>("--library") { Description = "Library root (default [routing] tv_path)." };
        var format = new Option<string>("--format", "-f") { Description = "table or json.", DefaultValueFactory = _ => "table" };
        format.OneOf("table", "json");
        var llm = new LlmOptions();
        var command = new Command("history", "List the runs that changed the library, newest first, with their journals (episodic undo --last reverses the newest).")
        {
            library, format, llm.Config,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var configuration = LibrarySettings.Configuration(result, llm, context);
            if (LibrarySettings.Routing(configuration, result.GetValue(library), null, out var problem) is not { } routing)
            {
                context.Error(problem!);
                return ExitCodes.ConfigError;
            }

            var runs = RunHistory.List(routing.LibraryRoot);
            if (result.GetValue(format) == "json")
            {
                using var buffer = new MemoryStream();
                AutomationJson.WriteRuns(buffer, runs);
                await context.Stdout.WriteLineAsync(System.Text.Encoding.UTF8.GetString(buffer.ToArray())).ConfigureAwait(false);
                return ExitCodes.Ok;
            }

            if (runs.Count == 0)
            {
                context.Stdout.WriteLine($"no runs recorded in '{routing.LibraryRoot}'");
                return ExitCodes.Ok;
            }

            foreach (var run in runs)
            {
                context.Stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{run.Started.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z  {run.Command ?? "route --apply",-24}  {AutomationJson.Name(run.State),-13}  {run.Filed,4} filed  {run.Journal}"));
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
