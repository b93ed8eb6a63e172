using Episodic.Llm.Composition;
using Episodic.Llm.Metrics;
using Episodic.Llm.Providers;
using Microsoft.Extensions.AI;

namespace Episodic.Llm.Resilience;

/// <summary>The one place a backend's chat client is composed; every consumer gets it through the composition root.</summary>
public static class BackendClientBuilder
{
    /// <summary>
    /// The provider SDK for <paramref name="backend"/> wrapped in the full chain (see
    /// <see cref="Build(IChatClient, BackendOptions, ResilienceOptions, EpisodicMetrics?, TimeProvider?, PriceTable?)"/>).
    /// </summary>
    public static BackendClient Build(BackendOptions backend, ResilienceOptions options, EpisodicMetrics? metrics, PriceTable? prices = null, TimeProvider? time = null, HttpClient? transport = null)
    {
        ArgumentNullException.ThrowIfNull(backend);
        return Build(ChatClientFactory.CreateProvider(backend, transport), backend, options, metrics, time, prices);
    }

    /// <summary>
    /// Layers, outermost first:
    /// <list type="number">
    /// <item><see cref="ResilientChatClient"/>: total timeout → retry → circuit breaker → attempt timeout.</item>
    /// <item><see cref="RateLimitingChatClient"/>: requests and tokens per minute.</item>
    /// <item><see cref="MetricsChatClient"/>: one count per attempt, excluding time queued for permits.</item>
    /// <item>OpenTelemetry gen_ai spans (prompts and answers are not recorded).</item>
    /// <item>Error translation, next to the SDK, so everything above sees only <see cref="LlmBackendException"/>.</item>
    /// </list>
    /// The rate limiter sits inside the retry so every attempt, retries included, takes its own permits: a retry is a
    /// real request to the provider and counts against its limits. It sits inside the attempt timeout too, so a
    /// long wait for a permit ends as a timeout (and is retried) rather than hanging the call; such a timeout is
    /// marked (<see cref="RateLimitWaitCanceledException"/>) and the breaker does not count it against the backend.
    /// </summary>
    public static BackendClient Build(
        IChatClient providerClient,
        BackendOptions backend,
        ResilienceOptions options,
        EpisodicMetrics? metrics,
        TimeProvider? time = null,
        PriceTable? prices = null)
    {
        ArgumentNullException.ThrowIfNull(providerClient);
        ArgumentNullException.ThrowIfNull(backend);
        ArgumentNullException.ThrowIfNull(options);

        var chat = new ChatClientBuilder(providerClient)
            .UseResilience(backend.Kind, options, metrics, time)
            .UseRateLimiting(backend.Kind, options)
            .UseEpisodicMetrics(metrics, backend, prices)
            .UseOpenTelemetry(sourceName: EpisodicMetrics.MeterName)
            .UseErrorTranslation(backend)
            .Build();
        var resilient = chat.GetService<ResilientChatClient>();
        Func<CircuitState> circuit = resilient is null ? static () => CircuitState.Closed : () => resilient.State;
        return new BackendClient(backend.Kind, backend.Name, chat, circuit);
    }
}
