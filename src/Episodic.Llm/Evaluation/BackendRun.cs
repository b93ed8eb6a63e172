using Episodic.Core.Model;
using Episodic.Llm.Composition;
using Episodic.Llm.Metrics;
using Episodic.Llm.Pipeline;
using Microsoft.Extensions.Logging;

namespace Episodic.Llm.Evaluation;

/// <summary>
/// One backend's pass over a list of names through the real pipeline (<see cref="PipelineHost"/>: the same strategy,
/// batching, cache, resilience and validation as <c>parse --llm</c>), with what it cost as the metrics saw it.
/// </summary>
public sealed record BackendRun(string Backend, IReadOnlyList<EpisodeParse> Results, IReadOnlyList<bool> Escalated, RunSummary Usage)
{
    /// <summary>Which names the pipeline sends to a model: all of them unless the strategy is rules-first, then those below the threshold.</summary>
    public static IReadOnlyList<bool> Escalation(PipelineOptions options, IReadOnlyList<EpisodeParse> rules)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(rules);
        return options.Strategy switch
        {
            Strategy.RulesOnly => [.. rules.Select(_ => false)],
            Strategy.RulesFirst => [.. rules.Select(r => r.Confidence < options.Threshold)],
            _ => [.. rules.Select(_ => true)],
        };
    }

    /// <summary>Parses <paramref name="names"/> with the stack of <paramref name="settings"/>; <paramref name="rules"/> is the rules' reading of the same names.</summary>
    /// <exception cref="Configuration.LlmConfigurationException">The settings cannot build a pipeline.</exception>
    public static async Task<BackendRun> RunAsync(LlmStackSettings settings, IReadOnlyList<string> names, IReadOnlyList<EpisodeParse> rules, ILogger? logger = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        using var metrics = new EpisodicMetrics();
        using var statistics = RunStatistics.Start(metrics);
        using var host = PipelineHost.Create(settings, logger, metrics);
        var results = await host.Pipeline.ParseAsync(names, cancellationToken).ConfigureAwait(false);
        var backend = settings.Backends.Count > 0 ? settings.Backends[0].Backend.Name : "rules";
        return new BackendRun(backend, results, Escalation(settings.Pipeline, rules), statistics.Snapshot());
    }
}
