using Episodic.Llm.Metrics;
using Episodic.Llm.Providers;
using Episodic.Llm.Resilience;
using Microsoft.Extensions.AI;

namespace Episodic.Llm.Composition;

/// <summary>
/// One <c>UseX</c> per Episodic middleware, so a backend's client is composed as a single
/// <see cref="ChatClientBuilder"/> chain. As everywhere in Microsoft.Extensions.AI, the first <c>Use</c> is the
/// outermost layer and the last sits next to the SDK client.
/// </summary>
public static class EpisodicChatClientBuilderExtensions
{
    /// <summary>
    /// Turns SDK exceptions into <see cref="LlmBackendException"/> (status, Retry-After, key redacted). Add it last,
    /// next to the SDK, so every layer above sees only Episodic's exception type.
    /// </summary>
    public static ChatClientBuilder UseErrorTranslation(this ChatClientBuilder builder, BackendOptions backend)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(backend);
        return builder.Use(inner => new ErrorTranslatingChatClient(inner, backend.Kind, backend.ApiKey, backend.Timeout));
    }

    /// <summary>Counts requests, latency, tokens and cost per backend and model; a no-op when <paramref name="metrics"/> is null.</summary>
    public static ChatClientBuilder UseEpisodicMetrics(this ChatClientBuilder builder, EpisodicMetrics? metrics, BackendOptions backend, PriceTable? prices = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(backend);
        return metrics is null ? builder : builder.Use(inner => new MetricsChatClient(inner, metrics, backend, prices));
    }

    /// <summary>Requests and tokens per minute; a no-op when the limits are off or zero.</summary>
    public static ChatClientBuilder UseRateLimiting(this ChatClientBuilder builder, BackendKind backend, ResilienceOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        return options.RateLimitEnabled && (options.RequestsPerMinute > 0 || options.TokensPerMinute > 0)
            ? builder.Use(inner => new RateLimitingChatClient(inner, backend, options.RequestsPerMinute, options.TokensPerMinute))
            : builder;
    }

    /// <summary>
    /// Total timeout → retry → circuit breaker → attempt timeout; a no-op when <c>[features] resilience</c> is off.
    /// The breaker's state is read back with <c>GetService&lt;ResilientChatClient&gt;()</c>.
    /// </summary>
    public static ChatClientBuilder UseResilience(this ChatClientBuilder builder, BackendKind backend, ResilienceOptions options, EpisodicMetrics? metrics = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        return options.ResilienceEnabled ? builder.Use(inner => new ResilientChatClient(inner, backend, options, metrics, time)) : builder;
    }
}
