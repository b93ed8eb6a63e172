using Episodic.Llm.Metrics;
using Episodic.Llm.Providers;
using Microsoft.Extensions.AI;

namespace Episodic.Llm.Resilience;

/// <summary>Wraps a provider client in the resilience and rate-limit layers that its options switch on.</summary>
public static class BackendClientBuilder
{
    /// <summary>
    /// Layers, outermost first:
    /// <list type="number">
    /// <item><see cref="ResilientChatClient"/>: total timeout → retry → circuit breaker → attempt timeout.</item>
    /// <item><see cref="RateLimitingChatClient"/>: requests and tokens per minute.</item>
    /// <item>The provider client (<see cref="ChatClientFactory.Create"/>), optionally already wrapped in a
    /// MetricsChatClient by the caller, so requests are counted per attempt and exclude time queued for permits.</item>
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
        TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(providerClient);
        ArgumentNullException.ThrowIfNull(backend);
        ArgumentNullException.ThrowIfNull(options);

        var chat = providerClient;
        if (options.RateLimitEnabled && (options.RequestsPerMinute > 0 || options.TokensPerMinute > 0))
        {
            chat = new RateLimitingChatClient(chat, backend.Kind, options.RequestsPerMinute, options.TokensPerMinute);
        }

        Func<CircuitState> circuit = static () => CircuitState.Closed;
        if (options.ResilienceEnabled)
        {
            var resilient = new ResilientChatClient(chat, backend.Kind, options, metrics, time);
            circuit = () => resilient.State;
            chat = resilient;
        }

        return new BackendClient(backend.Kind, backend.Name, chat, circuit);
    }
}
