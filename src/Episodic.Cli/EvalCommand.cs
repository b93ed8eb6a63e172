using System.CommandLine;
using System.Globalization;
using Episodic.Cli.Output;
using Episodic.Core.Evaluation;
using Episodic.Core.Parsing;
using Episodic.Llm.Configuration;
using Episodic.Llm.Pipeline;

namespace Episodic.Cli;

/// <summary>
/// <c>episodic eval CORPUS.tsv...</c>: score the rule parser against labelled corpora; <c>--cv</c> checks the confidence
/// model out of fold and <c>--fit-confidence</c> refits its weights file.
/// </summary>
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
        misses.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 0)
            {
                r.AddError("--misses must be 0 or more.");
            }
        });
        var format = new Option<string>("--format", "-f")
        {
            Description = "Output format: text (tables) or json (one document, for scripts).",
            DefaultValueFactory = _ => "text",
        };
        format.OneOf("text", "json");
        var threshold = new Option<double?>("--threshold")
        {
            Description = $"Escalation threshold: rows below it count as escalated, rows at or above it and wrong as confident-wrong (default {Escalation.DefaultThreshold}; with --llm, [llm] threshold).",
        };
        threshold.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<double?>() is { } t && (!double.IsFinite(t) || t is < 0 or > 1))
            {
                r.AddError("--threshold must be a number from 0 to 1.");
            }
        });
        var cv = new Option<string?>("--cv")
        {
            Description = "Check the confidence model out of fold: K (2-20) folds by a hash of the row id, or 'source' to leave one corpus out at a time.",
        };
        cv.Validators.Add(r =>
        {
            var v = r.GetValueOrDefault<string?>();
            if (v is not null && !v.Equals("source", StringComparison.OrdinalIgnoreCase) && !(int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var k) && k is >= 2 and <= 20))
            {
                r.AddError("--cv takes a number of folds from 2 to 20, or 'source'.");
            }
        });
        var fit = new Option<string?>("--fit-confidence")
        {
            Description = "Refit the confidence model on the given corpora and write its weights file to this path.",
        };

        var llm = new Option<bool>("--llm")
        {
            Description = "Score the LLM pipeline too: one row per backend (--backend a,b) next to the rules alone, with requests, tokens, cost and latency. The cost is estimated before anything is sent.",
        };
        var strategy = new Option<string?>("--strategy") { Description = "With --llm: rules-first (default), llm-first or llm-only." };
        strategy.OneOf([.. PipelineOptions.StrategyNames.Keys]);
        var limit = new Option<int?>("--limit") { Description = "With --llm: score only N names (the first N, or N drawn at random with --sample)." };
        limit.AtLeast(1);
        var sample = new Option<int?>("--sample") { Description = "With --llm: draw the names at random with this seed (the same seed picks the same names)." };
        var yes = new Option<bool>("--yes", "-y") { Description = $"With --llm: send a run estimated over ${EvalLlm.ConfirmAboveUsd:0.00} without asking." };
        var noCache = new Option<bool>("--no-cache") { Description = "With --llm: do not read or write the answer cache (every name is asked afresh; latency is measured on every row)." };
        var cacheDir = new Option<string?>("--cache-dir") { Description = "With --llm: folder of the SQLite answer cache." };
        var llmOptions = new LlmOptions();
        var backends = new Option<string?>("--backend")
        {
            Description = "With --llm: the backends to compare, comma-separated (ollama, openai, anthropic), each optionally backend:model. Default: the configured chain.",
        };
        backends.Validators.Add(r =>
        {
            foreach (var part in (r.GetValueOrDefault<string?>() ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var kind = part.Split(':', 2)[0];
                if (OptionChecks.Canonical(kind, LlmConfiguration.ServiceNames) is null)
                {
                    r.AddError(OptionChecks.NotOneOf("--backend", kind, LlmConfiguration.ServiceNames));
                }
            }
        });

        var command = new Command("eval", "Score the rule parser (and with --llm each model backend) against labelled corpora: exact-match accuracy, escalated and confident-wrong rows, misses per field, confidence calibration, speed; with --llm also requests, tokens, cost and latency.")
        {
            corpora,
            misses,
            format,
            threshold,
            cv,
            fit,
            llm,
            strategy,
            limit,
            sample,
            yes,
            noCache,
            cacheDir,
            backends,
            llmOptions.Config,
            llmOptions.Model,
        };

        command.SetAction(async (result, cancellationToken) =>
        {
            var request = new EvalRequest(
                result.GetValue(corpora) ?? [], result.GetValue(misses), result.GetValue(format) ?? "text",
                result.GetValue(threshold), result.GetValue(cv), result.GetValue(fit));
            var chosen = result.GetValue(strategy) is { } s ? PipelineOptions.StrategyNames[s] : (Strategy?)null;
            if (!result.GetValue(llm))
            {
                return Run(context, request);
            }

            var (loaded, exit) = Load(context, request.Paths);
            if (loaded.Count == 0)
            {
                return exit;
            }

            var rows = EvalLlm.Select([.. loaded.SelectMany(c => c.Rows)], result.GetValue(limit), result.GetValue(sample));
            var llmRequest = new EvalLlm.Request(
                rows, request.Format, request.Threshold, result.GetValue(backends), result.GetValue(llmOptions.Model), chosen,
                result.GetValue(yes), result.GetValue(noCache), result.GetValue(cacheDir));
            var code = await EvalLlm.RunAsync(result, context, llmOptions, llmRequest, cancellationToken).ConfigureAwait(false);
            return code != CliApp.ExitOk ? code : exit;
        });
        return command;
    }

    private sealed record EvalRequest(string[] Paths, int Misses, string Format, double? Threshold, string? Cv, string? FitPath);

    /// <summary>Reads every corpus; a missing or malformed one is reported (exit 2) and the others are still used.</summary>
    private static (List<(string Name, IReadOnlyList<CorpusRow> Rows)> Loaded, int Exit) Load(CliContext context, string[] paths)
    {
        var exit = CliApp.ExitOk;
        var loaded = new List<(string Name, IReadOnlyList<CorpusRow> Rows)>();
        foreach (var path in paths)
        {
            if (!File.Exists(path))
            {
                context.Error($"corpus file not found: '{path}'");
                exit = CliApp.ExitInputError;
                continue;
            }

            try
            {
                loaded.Add((Path.GetFileName(path), CorpusReader.Read(path)));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                context.Error($"cannot read corpus '{path}': {ex.Message}");
                exit = CliApp.ExitInputError;
            }
            catch (FormatException ex)
            {
                context.Error($"'{path}' is not a corpus: {ex.Message}");
                exit = CliApp.ExitInputError;
            }
        }

        return (loaded, exit);
    }

    private static int Run(CliContext context, EvalRequest request)
    {
        var (loaded, exit) = Load(context, request.Paths);
        var threshold = request.Threshold ?? Escalation.DefaultThreshold;
        if (loaded.Count == 0)
        {
            return exit;
        }

        if (request.FitPath is { } fitPath)
        {
            var rows = loaded.Sum(c => c.Rows.Count);
            var header = $"Episodic confidence model: logistic regression over typed evidence (docs/calibration.md).\n"
                + $"Fitted on {rows} rows of {string.Join(", ", loaded.Select(c => c.Name))}.\n"
                + "Refit: episodic eval testdata/corpus/dev/*.tsv --fit-confidence src/Episodic.Core/Parsing/Confidence/confidence-weights.tsv";
            try
            {
                File.WriteAllText(fitPath, ConfidenceTraining.Fit(loaded, header));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                context.Error($"cannot write the weights file '{fitPath}': {ex.Message}");
                return CliApp.ExitInputError;
            }

            context.Stdout.WriteLine($"wrote confidence weights to {fitPath} (fitted on {rows} rows); rebuild to embed them.");
            return exit;
        }

        IReadOnlyList<CorpusReport> reports;
        CorpusReport overall;
        if (request.Cv is { } cv)
        {
            var bySource = cv.Equals("source", StringComparison.OrdinalIgnoreCase);
            var folds = bySource ? loaded.Count : int.Parse(cv, CultureInfo.InvariantCulture);
            if (bySource && loaded.Count < 2)
            {
                context.Error("--cv source needs at least two corpora (one is held out at a time).");
                return CliApp.ExitInputError;
            }

            (reports, overall) = ConfidenceTraining.CrossValidate(loaded, bySource ? CvSplit.LeaveOneSourceOut : CvSplit.ByRowHash, folds, threshold);
            if (request.Format != "json")
            {
                context.Stdout.WriteLine(bySource
                    ? "out of fold: each corpus scored with confidence weights fitted on the other corpora"
                    : $"out of fold: {folds} folds by a hash of the row id; each row scored with weights fitted on the other folds");
                context.Stdout.WriteLine();
            }
        }
        else
        {
            reports = [.. loaded.Select(c => Evaluator.Evaluate(c.Name, c.Rows, RuleParser.Default, threshold))];
            overall = Evaluator.Overall(reports);
        }

        if (request.Format == "json")
        {
            EvalJsonWriter.Write(context.Stdout, reports, overall, request.Misses);
        }
        else
        {
            EvalTextWriter.Write(context.Stdout, reports, overall, request.Misses);
        }

        return exit;
    }
}
