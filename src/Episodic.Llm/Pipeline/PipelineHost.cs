using System.Globalization;
using Episodic.Core.Parsing;
using Episodic.Llm.Caching;
using Episodic.Llm.Configuration;
using Episodic.Llm.Metrics;
using Episodic.Llm.Prompting;
using Episodic.Llm.Providers;
using Episodic.Llm.Resilience;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;

namespace Episodic.Llm.Pipeline;

/// <summary>
/// Composes one run's pipeline from configuration and owns what must be disposed (the cache file, the meter).
/// Per backend, outermost first: in-flight dedup → result cache → validating <see cref="LlmService"/> →
/// resilience (timeouts, retries, breaker) → rate limits → metrics → the provider SDK client.
/// </summary>
public sealed class PipelineHost : IDisposable
{
    private readonly List<IDisposable> _owned = [];

    private PipelineHost(EpisodePipeline pipeline, PipelineOptions options, IReadOnlyList<ChainBackend> chain, EpisodicMetrics metrics, IParseCache? cache)
    {
        Pipeline = pipeline;
        Options = options;
        Chain = chain;
        Metrics = metrics;
        Cache = cache;
    }

    public EpisodePipeline Pipeline { get; }

    public PipelineOptions Options { get; }

    public IReadOnlyList<ChainBackend> Chain { get; }

    public EpisodicMetrics Metrics { get; }

    public IParseCache? Cache { get; }

    /// <summary>A rules-only pipeline: no configuration is read, nothing can fail.</summary>
    public static PipelineHost RulesOnly(EpisodicMetrics? metrics = null)
    {
        var m = metrics ?? new EpisodicMetrics();
        var options = new PipelineOptions { Strategy = Strategy.RulesOnly };
        var host = new PipelineHost(new EpisodePipeline(options, RuleParser.Default, [], m), options, [], m, null);
        if (metrics is null)
        {
            host._owned.Add(m);
        }

        return host;
    }

    /// <summary>
    /// Builds the full pipeline. Every configuration problem (LLM sections, pipeline keys, resilience, prices) is
    /// collected and thrown together, each naming its key and fix.
    /// </summary>
    /// <exception cref="LlmConfigurationException">The configuration cannot run this pipeline.</exception>
    public static PipelineHost Create(IConfiguration configuration, PipelineOverrides overrides, Action<string>? warn = null, EpisodicMetrics? metrics = null)
    {
        var llm = LlmConfiguration.Bind(configuration);
        var settings = PipelineSettings.Bind(configuration);
        var problems = new List<string>();
        var selected = LlmConfiguration.SelectedBackend(llm);
        var (options, pipelineProblems) = PipelineOptions.From(settings, selected);
        problems.AddRange(pipelineProblems);
        options = options with
        {
            Strategy = overrides.Strategy ?? options.Strategy,
            Concurrency = overrides.Concurrency ?? options.Concurrency,
            BatchSize = overrides.BatchSize ?? options.BatchSize,
            Cache = options.Cache && !overrides.NoCache,
        };
        var prices = PriceTable.WithOverrides(settings.Prices, out var priceProblems);
        problems.AddRange(priceProblems);

        // Everything is checked before anything is opened, so a bad configuration leaves no files behind.
        var backends = new List<(BackendOptions Backend, ResilienceOptions Resilience)>();
        if (options.Strategy != Strategy.RulesOnly)
        {
            foreach (var kind in options.Chain)
            {
                try
                {
                    var backend = LlmConfiguration.ToBackendOptions(llm, kind);
                    var (resilience, resilienceProblems) = ResilienceOptions.From(settings, kind);
                    problems.AddRange(resilienceProblems);
                    backends.Add((backend, resilience));
                }
                catch (LlmConfigurationException ex)
                {
                    // A chain member that is not configured is skipped with a warning; the selected one must work.
                    if (kind == selected || options.Chain.Count == 1)
                    {
                        problems.AddRange(ex.Problems.Count > 0 ? ex.Problems : [ex.Message]);
                    }
                    else
                    {
                        warn?.Invoke($"{kind.ToString().ToLowerInvariant()} is in [llm] chain but not usable, so it is skipped: {string.Join(" ", ex.Problems)}");
                    }
                }
            }
        }

        if (problems.Count > 0)
        {
            throw new LlmConfigurationException(problems.Distinct().ToList());
        }

        var m = metrics ?? new EpisodicMetrics();
        LayeredParseCache? cache = null;
        if (options.Cache && options.Strategy != Strategy.RulesOnly)
        {
            var ttl = double.TryParse(settings.Cache.TtlDays, NumberStyles.Float, CultureInfo.InvariantCulture, out var days) && days > 0 ? TimeSpan.FromDays(days) : (TimeSpan?)null;
            var entries = int.TryParse(settings.Cache.MemoryEntries, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 10_000;
            cache = LayeredParseCache.Open(overrides.CacheDir ?? settings.Cache.Dir, entries, ttl, m, warn);
        }

        var prompts = llm.Llm.PromptsDir is { Length: > 0 } dir ? new PromptLibrary(dir) : PromptLibrary.Embedded;
        var promptVersion = $"{prompts[PromptLibrary.ParseFilename].Version}+{prompts[PromptLibrary.ParseBatch].Version}";
        var chain = new List<ChainBackend>();
        foreach (var (backend, resilience) in backends)
        {
            // gen_ai.* spans and metrics from M.E.AI (prompts and answers are not recorded: sensitive data stays off).
            var traced = new ChatClientBuilder(ChatClientFactory.Create(backend)).UseOpenTelemetry(sourceName: EpisodicMetrics.MeterName).Build();
            var provider = new MetricsChatClient(traced, m, backend, prices);
            var client = BackendClientBuilder.Build(provider, backend, resilience, m);
            ILlmService service = new LlmService(client.Chat, backend.Name, RuleParser.Default, prompts, backend.Temperature);
            if (cache is not null)
            {
                service = new CachingLlmService(service, cache, backend.Kind.ToString().ToLowerInvariant(), backend.Model, promptVersion);
            }

            if (options.Dedup)
            {
                service = new DedupingLlmService(service);
            }

            chain.Add(new ChainBackend(backend.Name, service, () => client.Circuit() is CircuitState.Open or CircuitState.Isolated));
        }

        var host = new PipelineHost(new EpisodePipeline(options, RuleParser.Default, chain, m), options, chain, m, cache);
        if (cache is not null)
        {
            host._owned.Add(cache);
        }

        if (metrics is null)
        {
            host._owned.Add(m);
        }

        return host;
    }

    public void Dispose()
    {
        foreach (var d in _owned)
        {
            d.Dispose();
        }

        _owned.Clear();
    }
}
