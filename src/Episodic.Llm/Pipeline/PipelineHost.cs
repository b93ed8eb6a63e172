using Episodic.Core.Parsing;
using Episodic.Llm.Caching;
using Episodic.Llm.Composition;
using Episodic.Llm.Configuration;
using Episodic.Llm.Metrics;
using Episodic.Llm.Resilience;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Episodic.Llm.Pipeline;

/// <summary>
/// The composition root of the LLM stack: every consumer (parse, route, suggest-show, shorten, serve, the benchmark)
/// takes its services from here, so each gets the same resilience, rate limits, metrics, cache and dedup. It owns
/// what must be disposed (the cache file, the meter, the provider clients).
/// Per backend, outermost first: in-flight dedup → result cache → validating <see cref="LlmService"/> →
/// resilience (timeouts, retries, breaker) → rate limits → metrics → OpenTelemetry → error translation → the SDK.
/// </summary>
public sealed class PipelineHost : IDisposable
{
    private readonly List<IDisposable> _owned = [];

    private PipelineHost(EpisodePipeline pipeline, LlmStackSettings? settings, PipelineOptions options, IReadOnlyList<ChainBackend> chain, EpisodicMetrics metrics, IParseCache? cache, ILogger? logger)
    {
        Pipeline = pipeline;
        Settings = settings;
        Options = options;
        Chain = chain;
        Metrics = metrics;
        Cache = cache;
        Service = chain.Count > 0 ? new FallbackChainLlmService(chain, logger) : null;
    }

    public EpisodePipeline Pipeline { get; }

    /// <summary>The resolved configuration this host was built from; null for <see cref="RulesOnly"/>.</summary>
    public LlmStackSettings? Settings { get; }

    public PipelineOptions Options { get; }

    public IReadOnlyList<ChainBackend> Chain { get; }

    /// <summary>The whole chain as one service (each backend tried in turn); null when no backend is configured.</summary>
    public ILlmService? Service { get; }

    public EpisodicMetrics Metrics { get; }

    public IParseCache? Cache { get; }

    /// <summary>A rules-only pipeline: no configuration is read, nothing can fail.</summary>
    public static PipelineHost RulesOnly(EpisodicMetrics? metrics = null)
    {
        var m = metrics ?? new EpisodicMetrics();
        var options = new PipelineOptions { Strategy = Strategy.RulesOnly };
        var host = new PipelineHost(new EpisodePipeline(options, RuleParser.Default, [], m), null, options, [], m, null, null);
        if (metrics is null)
        {
            host._owned.Add(m);
        }

        return host;
    }

    /// <summary>Binds <paramref name="configuration"/> once (<see cref="LlmStackSettings.Resolve"/>) and builds the stack from it.</summary>
    /// <exception cref="LlmConfigurationException">The configuration cannot run this pipeline; every problem is listed.</exception>
    public static PipelineHost Create(IConfiguration configuration, PipelineOverrides overrides, ILogger? logger = null, EpisodicMetrics? metrics = null, TimeProvider? time = null) =>
        Create(LlmStackSettings.Resolve(configuration, overrides), logger, metrics, time);

    /// <summary>
    /// Builds the full stack. Nothing is opened when <see cref="LlmStackSettings.Problems"/> is not empty, so a bad
    /// configuration leaves no files behind.
    /// </summary>
    /// <exception cref="LlmConfigurationException">Listing every problem of <paramref name="settings"/>.</exception>
    public static PipelineHost Create(LlmStackSettings settings, ILogger? logger = null, EpisodicMetrics? metrics = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Problems.Count > 0)
        {
            throw new LlmConfigurationException(settings.Problems);
        }

        foreach (var warning in settings.Warnings)
        {
            LlmLog.ConfigurationWarning(logger ?? NullLogger.Instance, warning);
        }

        var m = metrics ?? new EpisodicMetrics();
        var cache = settings.Cache.Enabled
            ? LayeredParseCache.Open(settings.Cache.Directory, settings.Cache.MemoryEntries, settings.Cache.TimeToLive, m, logger, time)
            : null;
        var options = settings.Pipeline;
        var chain = new List<ChainBackend>();
        var owned = new List<IDisposable>();
        foreach (var (backend, resilience) in settings.Backends)
        {
            var client = BackendClientBuilder.Build(backend, resilience, m, settings.Prices, time);
            owned.Add(client.Chat);
            var service = new LlmServiceBuilder(new LlmService(client.Chat, backend.Source, RuleParser.Default, settings.Prompts, backend.Temperature, settleDoubts: options.Strategy == Strategy.RulesFirst))
                .UseDedup(options.Dedup)
                .UseCache(cache, backend.Source, settings.PromptVersion, settings.Cache.NegativeTimeToLive, time)
                .Build();
            chain.Add(new ChainBackend(backend.Name, service, () => client.Circuit() is CircuitState.Open or CircuitState.Isolated) { Client = client, Backend = backend });
        }

        var host = new PipelineHost(new EpisodePipeline(options, RuleParser.Default, chain, m, logger), settings, options, chain, m, cache, logger);
        host._owned.AddRange(owned);
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
