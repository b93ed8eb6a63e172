using System.CommandLine;
using Episodic.Cli.Output;
using Episodic.Core.Model;
using Episodic.Core.Parsing;
using Spectre.Console;

namespace Episodic.Cli;

/// <summary><c>episodic parse PATH...</c>: parse files, folders (recursively) or names on stdin (<c>-</c>).</summary>
internal static class ParseCommand
{
    public static Command Create(CliContext context)
    {
        var paths = new Argument<string[]>("PATH")
        {
            Description = "A video or subtitle file, a folder to scan recursively for them, or - to read names from stdin (one per line).",
            Arity = ArgumentArity.OneOrMore,
        };
        var format = new Option<string>("--format", "-f")
        {
            Description = "Output format: table (aligned columns), json (one array) or jsonl (one object per line).",
            DefaultValueFactory = _ => ParseOutputWriter.Table,
        };
        format.AcceptOnlyFromAmong(ParseOutputWriter.Table, ParseOutputWriter.Json, ParseOutputWriter.Jsonl);

        var llm = new Option<bool>("--llm")
        {
            Description = "Send each name to the configured LLM backend (validated and grounded; the rule parser answers when the model fails).",
        };
        var maxTokens = new Option<int>("--max-tokens")
        {
            Description = "Output token budget per LLM request.",
            DefaultValueFactory = _ => 300,
        };
        var llmOptions = new LlmOptions();

        var command = new Command("parse", "Parse release/file names into show, season, episodes, air date and more.")
        {
            paths,
            format,
            llm,
            maxTokens,
        };
        foreach (var option in llmOptions.All)
        {
            command.Options.Add(option);
        }

        command.SetAction(async (result, cancellationToken) =>
        {
            var parse = NameParser.Rules;
            if (result.GetValue(llm))
            {
                if (llmOptions.CreateService(result, context) is not { } service)
                {
                    return CliApp.ExitConfigError;
                }

                parse = NameParser.Llm(service, result.GetValue(maxTokens), context, cancellationToken);
            }

            return await Task.Run(() => Run(context, result.GetValue(paths) ?? [], result.GetValue(format) ?? ParseOutputWriter.Table, parse), cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    private static int Run(CliContext context, string[] paths, string format, Func<string, EpisodeParse> parser)
    {
        using var sink = ParseOutputWriter.Create(format, context.Stdout);
        var exit = CliApp.ExitOk;
        void Fail(string message)
        {
            context.Error(message);
            exit = CliApp.ExitInputError;
        }

        foreach (var path in paths)
        {
            if (path == "-")
            {
                while (context.Stdin.ReadLine() is { } line)
                {
                    if (!string.IsNullOrWhiteSpace(line))
                    {
                        sink.Write(parser(line));
                    }
                }
            }
            else if (File.Exists(path))
            {
                sink.Write(parser(path));
            }
            else if (Directory.Exists(path))
            {
                ParseFolder(context, path, parser, sink, Fail);
            }
            else
            {
                Fail($"no such file or folder: '{path}'");
            }
        }

        sink.Complete();
        return exit;
    }

    private static void ParseFolder(CliContext context, string root, Func<string, EpisodeParse> parser, ParseOutputWriter sink, Action<string> fail)
    {
        var files = InputScanner.Scan(root, fail);
        if (!context.StderrIsTerminal)
        {
            foreach (var file in files)
            {
                sink.Write(parser(file));
            }

            return;
        }

        // Results are written after the bar is gone so the live display never interleaves with stdout on one terminal.
        var list = files.ToList();
        var results = new List<EpisodeParse>(list.Count);
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(context.Stderr) });
        console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask($"Parsing {Markup.Escape(root)}", maxValue: Math.Max(list.Count, 1));
                foreach (var file in list)
                {
                    results.Add(parser(file));
                    task.Increment(1);
                }
            });
        foreach (var r in results)
        {
            sink.Write(r);
        }
    }
}
