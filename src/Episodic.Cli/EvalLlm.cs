using System.CommandLine;
using System.Globalization;
using Episodic.Cli.Output;
using Episodic.Core.Evaluation;
using Episodic.Core.Parsing;
using Episodic.Llm.Composition;
using Episodic.Llm.Configuration;
using Episodic.Llm.Evaluation;
using Episodic.Llm.Pipeline;

namespace Episodic.Cli;

/// <summary>
/// <c>episodic eval CORPUS.tsv... --llm [--backend a,b] [--model M] [--strategy S]</c>: the same labelled names through
/// the real pipeline once per backend, scored next to the rules alone. The cost is estimated and shown before anything
/// is sent; a run estimated over <see cref="ConfirmAboveUsd"/> needs <c>--yes</c> or a yes at a terminal prompt.
/// </summary>
internal static class EvalLlm
{
    /// <summary>Runs estimated above this many US dollars are not sent without a confirmation.</summary>
    public const double ConfirmAboveUsd = 1.00;

    /// <summary>What <c>eval --llm</c> was asked to do.</summary>
    public sealed record Request(
        IReadOnlyList<CorpusRow> Rows, string Format, double? Threshold, string? Backends, string? Model, Strategy? Strategy,
        bool Yes, bool NoCache, string? CacheDir);

    public static async Task<int> RunAsync(ParseResult result, CliContext context, LlmOptions llm, Request request, CancellationToken cancellationToken)
    {
        // One stack per backend, resolved up front so every configuration problem is reported before any spend.
        var specs = BackendSpecs(request.Backends, request.Model);
        var stacks = new List<LlmStackSettings>();
        foreach (var (backend, model) in specs)
        {
            LlmStackSettings settings;
            try
            {
                var configuration = llm.BuildConfiguration(result, context, backend, model);
                settings = LlmStackSettings.Resolve(configuration, new PipelineOverrides
                {
                    Strategy = request.Strategy,
                    NoCache = request.NoCache,
                    CacheDir = request.CacheDir,
                    Threshold = request.Threshold,
                });
            }
            catch (LlmConfigurationException ex)
            {
                LlmOptions.Report(context, ex);
                return CliApp.ExitConfigError;
            }

            if (settings.Problems.Count > 0)
            {
                LlmOptions.Report(context, new LlmConfigurationException(settings.Problems));
                return CliApp.ExitConfigError;
            }

            if (settings.Pipeline.Strategy == Strategy.RulesOnly || settings.Backends.Count == 0)
            {
                context.Error("eval --llm needs a model tier: --strategy rules-only sends nothing (drop --llm to score the rules alone).");
                return CliApp.ExitInputError;
            }

            stacks.Add(settings);
        }

        var names = request.Rows.Select(r => r.Filename).ToList();
        var rules = names.Select(RuleParser.Default.Parse).ToList();
        var threshold = stacks[0].Pipeline.Threshold;

        // The estimate, on stderr so --format json stays one document on stdout.
        var estimates = new List<CostEstimate>();
        foreach (var settings in stacks)
        {
            var escalation = BackendRun.Escalation(settings.Pipeline, rules);
            var sent = names.Where((_, i) => escalation[i]).ToList();
            var estimate = CostEstimate.For(settings, sent);
            estimates.Add(estimate);
            context.Stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"episodic: estimate for {estimate.Backend}: {estimate.Names} of {names.Count} names to the model, ~{estimate.InputTokens:N0} input + ~{estimate.OutputTokens:N0} output tokens, ${estimate.CostUsd:0.0000}{(estimate.Priced ? "" : " (model not in the price table: counted as free)")}"));
        }

        var total = estimates.Sum(e => e.CostUsd);
        context.Stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"episodic: estimated total ${total:0.0000} ({Llm.Metrics.PriceTable.DefaultsAsOf} price table, cold cache; [prices] overrides it)"));
        if (total > ConfirmAboveUsd && !request.Yes && !Confirm(context, total))
        {
            return ExitCodes.NotConfirmed;
        }

        var tiers = new List<EvalTier>
        {
            new(TierScore.Score("rules", request.Rows, rules, rules, [.. rules.Select(r => r.Confidence < threshold)], threshold), null, null),
        };
        for (var k = 0; k < stacks.Count; k++)
        {
            var run = await BackendRun.RunAsync(stacks[k], names, rules, new CliLogger(context), cancellationToken).ConfigureAwait(false);
            var score = TierScore.Score(run.Backend, request.Rows, rules, run.Results, run.Escalated, stacks[k].Pipeline.Threshold);
            tiers.Add(new EvalTier(score, run.Usage, estimates[k]));
        }

        var header = new EvalLlmHeader(request.Rows.Count(r => r.IsScored), threshold, PipelineOptions.StrategyNames.First(s => s.Value == stacks[0].Pipeline.Strategy).Key);
        if (request.Format == "json")
        {
            EvalLlmWriter.WriteJson(context.Stdout, header, tiers);
        }
        else
        {
            EvalLlmWriter.WriteText(context.Stdout, header, tiers);
        }

        return CliApp.ExitOk;
    }

    /// <summary>The rows to score: all, the first <paramref name="limit"/>, or with a seed <paramref name="limit"/> drawn at random (reproducibly).</summary>
    public static IReadOnlyList<CorpusRow> Select(IReadOnlyList<CorpusRow> rows, int? limit, int? seed)
    {
        IEnumerable<CorpusRow> picked = rows;
        if (seed is { } s)
        {
            var order = rows.ToArray();
            new Random(s).Shuffle(order);
            picked = order;
        }

        return [.. limit is { } n ? picked.Take(n) : picked];
    }

    /// <summary>"openai,anthropic:claude-haiku-4-5" → (openai, --model), (anthropic, claude-haiku-4-5); none → the configured chain.</summary>
    private static List<(string? Backend, string? Model)> BackendSpecs(string? backends, string? model)
    {
        var specs = (backends ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => part.Split(':', 2) is [var b, var m] && m.Length > 0 ? ((string?)b.ToLowerInvariant(), (string?)m) : ((string?)part.TrimEnd(':').ToLowerInvariant(), model))
            .Distinct()
            .ToList();
        return specs.Count > 0 ? specs : [(null, null)];
    }

    /// <summary>Asks on a terminal; anywhere else refuses in one line (scripts pass --yes).</summary>
    private static bool Confirm(CliContext context, double total)
    {
        var amount = total.ToString("0.00", CultureInfo.InvariantCulture);
        if (!context.StdinIsTerminal)
        {
            context.Error($"the estimated cost ${amount} is over ${ConfirmAboveUsd:0.00}; nothing was sent. Pass --yes to run it, or --limit N to score fewer names.");
            return false;
        }

        context.Stderr.Write($"episodic: send about ${amount} of requests? [y/N] ");
        var answer = context.Stdin.ReadLine()?.Trim();
        if (answer is not null && (answer.Equals("y", StringComparison.OrdinalIgnoreCase) || answer.Equals("yes", StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }

        context.Error("not confirmed; nothing was sent.");
        return false;
    }
}

/// <summary>One row of the comparison: the score, and for a backend what its run used and what was estimated.</summary>
internal sealed record EvalTier(TierScore Score, Llm.Metrics.RunSummary? Usage, CostEstimate? Estimate);

/// <summary>What every row shares.</summary>
internal sealed record EvalLlmHeader(int Rows, double Threshold, string Strategy);
