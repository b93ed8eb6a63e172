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
            Description = "A video or subtitle file, a folder to scan recursively for them, - to read names from stdin (one per line), or a bare release name (an argument without / that is not an existing file).",
            Arity = ArgumentArity.OneOrMore,
        };
        var format = new Option<string>("--format", "-f")
        {
            Description = "Output format: table (aligned columns), json (one array) or jsonl (one object per line).",
            DefaultValueFactory = _ => ParseOutputWriter.Table,
        };
        format.OneOf(ParseOutputWriter.Table, ParseOutputWriter.Json, ParseOutputWriter.Jsonl);
        var llm = new Option<bool>("--llm")
        {
            Description = "Use the LLM pipeline ([llm] strategy; with rules-first, names the rules are unsure of go to the configured backends).",
        };
        var strategy = LlmOptions.StrategyOption();
        var concurrency = new Option<int?>("--concurrency") { Description = $"LLM requests in flight per backend (default [llm] concurrency, {Llm.Configuration.LlmDefaults.Concurrency})." };
        concurrency.AtLeast(1);
        var noCache = new Option<bool>("--no-cache") { Description = "Do not read or write the answer cache." };
        var cacheDir = new Option<string?>("--cache-dir") { Description = "Folder of the SQLite answer cache (default: the user's cache folder)." };
        var strict = new Option<bool>("--strict") { Description = "Exit 8 when any LLM request failed (another backend or the rule parser answered instead)." };
        var stats = new Option<bool>("--stats") { Description = "Print a run summary on stderr: names by tier, calls, tokens, cost, cache hit rate, latency." };
        var metricsPort = new Option<int?>("--metrics-port") { Description = "Serve Prometheus metrics on http://127.0.0.1:PORT/metrics during the run." };
        metricsPort.Port();
        var lineBuffered = new Option<bool>("--line-buffered")
        {
            Description = "Flush each result as soon as it is written, for a program reading the other end of a pipe (on a terminal this is always so; otherwise output is written in large blocks).",
        };
        var llmOptions = new LlmOptions();

        var command = new Command("parse", "Parse release/file names into show, season, episodes, air date and more.")
        {
            paths, format, llm, strategy, concurrency, noCache, cacheDir, stats, metricsPort, strict, lineBuffered,
        };
        foreach (var option in llmOptions.All)
        {
            command.Options.Add(option);
        }

        // The handler names no LLM type: the rules-only run, the common one, then never loads the LLM assembly and
        // what it references (ParsePipelineRun does, when it runs).
        command.SetAction(async (result, cancellationToken) =>
        {
            var chosen = result.GetValue(strategy);
            var useLlm = result.GetValue(llm) || (chosen is not null && !LlmNames.IsRulesOnly(chosen));
            var inputs = new Inputs(context, result.GetValue(paths) ?? []);
            var outputFormat = result.GetValue(format) ?? ParseOutputWriter.Table;
            var flushEachRecord = context.StdoutIsTerminal || result.GetValue(lineBuffered);
            if (!useLlm && !result.GetValue(stats) && result.GetValue(metricsPort) is null)
            {
                return RunRules(context, inputs, outputFormat, flushEachRecord);
            }

            var options = new ParsePipelineRun.Options(llmOptions, concurrency, noCache, cacheDir, stats, metricsPort, strict);
            return await ParsePipelineRun.RunAsync(result, options, context, useLlm, chosen, inputs.Names(), outputFormat, flushEachRecord, cancellationToken).ConfigureAwait(false) ?? inputs.Exit;
        });
        return command;
    }

    /// <summary>The rules-only path: synchronous, streaming, with a progress bar for folder scans on a terminal.</summary>
    private static int RunRules(CliContext context, Inputs inputs, string format, bool flushEachRecord)
    {
        using var sink = ParseOutputWriter.Create(format, context.Stdout, context.Columns, flushEachRecord);
        foreach (var path in inputs.Paths)
        {
            if (Directory.Exists(path) && context.StderrIsTerminal)
            {
                ParseFolderWithProgress(context, path, sink, inputs.Fail);
                continue;
            }

            foreach (var name in inputs.NamesOf(path))
            {
                sink.Write(RuleParser.Default.Parse(name));
            }
        }

        sink.Complete();
        return inputs.Exit;
    }

    private static void ParseFolderWithProgress(CliContext context, string root, ParseOutputWriter sink, Action<string> fail)
    {
        // Results are written after the bar is gone so the live display never interleaves with stdout on one terminal.
        var list = InputScanner.Scan(root, fail).ToList();
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
                    results.Add(RuleParser.Default.Parse(file));
                    task.Increment(1);
                }
            });
        foreach (var r in results)
        {
            sink.Write(r);
        }
    }

    /// <summary>The names behind the PATH arguments, read lazily; a missing path is reported and sets exit code 2.</summary>
    private sealed class Inputs(CliContext context, string[] paths)
    {
        public string[] Paths => paths;

        public int Exit { get; private set; } = CliApp.ExitOk;

        public void Fail(string message)
        {
            context.Error(message);
            Exit = CliApp.ExitInputError;
        }

        public IEnumerable<string> Names() => paths.SelectMany(NamesOf);

        public IEnumerable<string> NamesOf(string path)
        {
            if (path == "-")
            {
                while (context.Stdin.ReadLine() is { } line)
                {
                    if (!string.IsNullOrWhiteSpace(line))
                    {
                        yield return line;
                    }
                }
            }
            else if (File.Exists(path))
            {
                yield return path;
            }
            else if (Directory.Exists(path))
            {
                foreach (var file in InputScanner.Scan(path, Fail))
                {
                    yield return file;
                }
            }
            else if (path.Contains('/') || path.Contains(Path.DirectorySeparatorChar))
            {
                // Release names have no path separators: this was meant as a path (a typo, or a file moved away).
                Fail($"no such file or folder: '{path}'");
            }
            else
            {
                // Not an existing path and no separators: a bare release name, parsed as given.
                yield return path;
            }
        }
    }
}
