using System.CommandLine;
using Episodic.Cli.Output;
using Episodic.Core.Evaluation;
using Episodic.Core.Parsing;

namespace Episodic.Cli;

/// <summary><c>episodic eval CORPUS.tsv...</c>: score the rule parser against labelled corpora.</summary>
internal static class EvalCommand
{
    public static Command Create(CliContext context)
    {
        var corpora = new Argument<string[]>("CORPUS")
        {
            Description = "Labelled corpus TSV files (see testdata/corpus/README.md).",
            Arity = ArgumentArity.OneOrMore,
        };
        var misses = new Option<int>("--misses", "-m")
        {
            Description = "List the first N failures per file: input, failed fields, expected vs got.",
            DefaultValueFactory = _ => 0,
        };
        var format = new Option<string>("--format", "-f")
        {
            Description = "Output format: text (tables) or json (one document, for scripts).",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "json");

        var command = new Command("eval", "Score the rule parser against labelled corpora: exact-match accuracy, misses per field, confidence calibration and speed.")
        {
            corpora,
            misses,
            format,
        };
        command.SetAction(result => Run(context, result.GetValue(corpora) ?? [], result.GetValue(misses), result.GetValue(format) ?? "text"));
        return command;
    }

    private static int Run(CliContext context, string[] paths, int misses, string format)
    {
        var exit = CliApp.ExitOk;
        var reports = new List<CorpusReport>();
        foreach (var path in paths)
        {
            if (!File.Exists(path))
            {
                context.Error($"corpus file not found: '{path}'");
                exit = CliApp.ExitInputError;
                continue;
            }

            IReadOnlyList<CorpusRow> rows;
            try
            {
                rows = CorpusReader.Read(path);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                context.Error($"cannot read corpus '{path}': {ex.Message}");
                exit = CliApp.ExitInputError;
                continue;
            }

            try
            {
                reports.Add(Evaluator.Evaluate(Path.GetFileName(path), rows, RuleParser.Default));
            }
            catch (FormatException ex)
            {
                context.Error($"malformed corpus '{path}': {ex.Message}");
                exit = CliApp.ExitInputError;
            }
        }

        if (reports.Count == 0)
        {
            return exit;
        }

        var overall = Evaluator.Overall(reports);
        if (format == "json")
        {
            EvalJsonWriter.Write(context.Stdout, reports, overall, Math.Max(misses, 0));
        }
        else
        {
            EvalTextWriter.Write(context.Stdout, reports, overall, Math.Max(misses, 0));
        }

        return exit;
    }
}
