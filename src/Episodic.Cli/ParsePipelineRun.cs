using System.CommandLine;
using System.Runtime.CompilerServices;
using Episodic.Cli.Output;
using Episodic.Llm.Configuration;
using Episodic.Llm.Metrics;
using Episodic.Llm.Pipeline;

namespace Episodic.Cli;

/// <summary>
/// <c>parse</c> through the pipeline (<c>--llm</c>, <c>--strategy</c>, <c>--stats</c>, <c>--metrics-port</c>). Apart
/// from <see cref="ParseCommand"/> so that only this class names the LLM types: a rules-only <c>parse</c> never
/// runs it, and so never loads the LLM assembly and the packages behind it.
/// </summary>
internal static class ParsePipelineRun
{
    /// <summary>The parse command's pipeline options.</summary>
    public sealed record Options(
        LlmOptions Llm,
        Option<int?> Concurrency,
        Option<bool> NoCache,
        Option<string?> CacheDir,
        Option<bool> Stats,
        Option<int?> MetricsPort,
        Option<bool> Strict);

    // Not to be inlined into the parse handler (as ReadyToRun compiles it): the handler would then load the LLM
    // assembly for the types this names. The handler decides rules-only without it (LlmNames.IsRulesOnly).

    /// <summary>Parses <paramref name="names"/> and writes the results; the exit code when the run itself decides it (a bad configuration, --strict), else null.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static async Task<int?> RunAsync(ParseResult result, Options options, CliContext context, bool useLlm, string? strategy, IEnumerable<string> names, string outputFormat, bool flushEachRecord, CancellationToken cancellationToken)
    {
        var chosen = strategy is null ? (Strategy?)null : PipelineOptions.StrategyNames[strategy];
        PipelineHost host;
        try
        {
            host = useLlm
                ? PipelineHost.Create(
                    options.Llm.BuildConfiguration(result, context),
                    new PipelineOverrides { Strategy = chosen, Concurrency = result.GetValue(options.Concurrency), NoCache = result.GetValue(options.NoCache), CacheDir = result.GetValue(options.CacheDir) },
                    new CliLogger(context))
                : PipelineHost.RulesOnly();
        }
        catch (LlmConfigurationException ex)
        {
            LlmOptions.Report(context, ex);
            return CliApp.ExitConfigError;
        }

        using (host)
        {
            using var exporter = result.GetValue(options.MetricsPort) is { } port ? MetricsExporter.StartPrometheus(port) : null;
            using var statistics = result.GetValue(options.Stats) ? RunStatistics.Start(host.Metrics) : null;
            using (var sink = ParseOutputWriter.Create(outputFormat, context.Stdout, context.Columns, flushEachRecord))
            using (var status = new TerminalStatus(context.Stderr, context.StderrIsTerminal && useLlm))
            {
                var done = 0;
                var byModel = 0;
                status.Show("parsing: waiting for the first answers", force: true);
                await foreach (var r in host.Pipeline.ParseAllAsync(names, cancellationToken).ConfigureAwait(false))
                {
                    status.Clear();
                    sink.Write(r);
                    done++;
                    byModel += r.Source.IsModel ? 1 : 0;
                    status.Show($"parsed {done} name(s), {byModel} by the model", force: true);
                }

                status.Clear();
                sink.Complete();
            }

            if (statistics is not null)
            {
                StatsWriter.Write(context.Stderr, statistics);
            }

            return LlmFailures.Report(context, host.Pipeline.Failures, result.GetValue(options.Strict));
        }
    }
}
