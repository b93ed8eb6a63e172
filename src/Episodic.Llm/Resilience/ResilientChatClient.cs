using System.Runtime.CompilerServices;
using Episodic.Llm.Metrics;
using Episodic.Llm.Providers;
using Microsoft.Extensions.AI;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using PollyCircuitState = Polly.CircuitBreaker.CircuitState;

namespace Episodic.Llm.Resilience;

/// <summary>
/// Timeouts, retries and a circuit breaker around one backend, as a Polly 8 pipeline. Outermost first:
/// total timeout → retry → circuit breaker → attempt timeout → the inner client. So the breaker counts every attempt
/// (not every call), an open circuit also stops the remaining retries, and each attempt gets its own deadline.
/// Every failure reaches the caller as <see cref="LlmBackendException"/>, except an open circuit
/// (<see cref="BackendUnavailableException"/>) and the caller's own cancellation (<see cref="OperationCanceledException"/>).
/// </summary>
public sealed class ResilientChatClient : DelegatingChatClient
{
    private readonly ResiliencePipeline pipeline;
    private readonly CircuitBreakerStateProvider breakerState = new();
    private readonly BackendKind backend;
    private readonly string backendTag;
    private readonly ResilienceOptions options;
    private readonly EpisodicMetrics? metrics;
    private readonly TimeProvider time;
    private long openUntilTicks;

    public ResilientChatClient(
        IChatClient innerClient,
        BackendKind backend,
        ResilienceOptions options,
        EpisodicMetrics? metrics = null,
        TimeProvider? timeProvider = null)
        : base(innerClient)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.backend = backend;
        this.options = options;
        this.metrics = metrics;
        time = timeProvider ?? TimeProvider.System;
        backendTag = backend.WireName();
        pipeline = BuildPipeline();
    }

    /// <summary>
    /// The circuit right now; the pipeline skips a backend whose circuit is open instead of waiting on it. Polly only
    /// leaves Open when a call arrives, so once the break is over we report HalfOpen: the next call is the probe.
    /// </summary>
    public CircuitState State => breakerState.CircuitState switch
    {
        PollyCircuitState.Open when time.GetUtcNow().UtcTicks >= Interlocked.Read(ref openUntilTicks) => CircuitState.HalfOpen,
        PollyCircuitState.Open => CircuitState.Open,
        PollyCircuitState.HalfOpen => CircuitState.HalfOpen,
        PollyCircuitState.Isolated => CircuitState.Isolated,
        _ => CircuitState.Closed,
    };

    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        // Materialised once: every attempt must send the same messages, and a lazy sequence may not replay.
        var attempt = new Attempt(this, [.. messages], options);
        try
        {
            return await pipeline.ExecuteAsync(static (a, token) => a.Client.SendAsync(a, token), attempt, cancellationToken);
        }
        catch (BrokenCircuitException ex)
        {
            throw Unavailable(ex.RetryAfter, ex);
        }
    }

    /// <summary>
    /// Streams pass the breaker gate but are not retried or timed out here: a half-delivered stream cannot be
    /// replayed without duplicating output. The provider client's own per-request timeout still applies.
    /// </summary>
    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (State is CircuitState.Open or CircuitState.Isolated)
        {
            throw Unavailable(null, null);
        }

        await foreach (var update in base.GetStreamingResponseAsync(messages, options, cancellationToken))
        {
            yield return update;
        }
    }

    private ResiliencePipeline BuildPipeline()
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = time, Name = $"episodic-{backendTag}" };

        builder.AddStrategy(_ => new TimeoutTranslatingStrategy(backend, "total timeout, retries included"));
        builder.AddTimeout(options.TotalTimeout);

        // Polly needs at least one retry attempt; 0 retries means no retry strategy at all.
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.BaseDelay,
                MaxDelay = options.MaxDelay,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome.Exception)),
                // The server's Retry-After wins over our backoff (ShouldRetry already refused any above MaxDelay);
                // null falls back to the exponential, jittered delay.
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Exception is LlmBackendException { RetryAfter: { } retryAfter }
                    ? (TimeSpan?)retryAfter
                    : null),
                OnRetry = args =>
                {
                    metrics?.Retry(backendTag, args.Outcome.Exception is { } ex ? FailureReason.Of(ex) : "result");
                    return default;
                },
            });
        }

        builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions
        {
            FailureRatio = options.BreakerFailureRatio,
            MinimumThroughput = options.BreakerMinimumThroughput,
            SamplingDuration = options.BreakerSampling,
            BreakDuration = options.BreakerBreak,
            // Only backend-health failures count; a 400/401 says nothing about whether the backend is up.
            // Neither does an attempt timeout spent queued for our own rate limiter.
            ShouldHandle = args => ValueTask.FromResult(
                args.Outcome.Exception is LlmBackendException { IsTransient: true } failure && !RateLimitWaitCanceledException.IsIn(failure)),
            StateProvider = breakerState,
            OnOpened = args =>
            {
                Interlocked.Exchange(ref openUntilTicks, (time.GetUtcNow() + args.BreakDuration).UtcTicks);
                return BreakerChanged("open");
            },
            OnHalfOpened = _ => BreakerChanged("half-open"),
            OnClosed = _ => BreakerChanged("closed"),
        });

        builder.AddStrategy(_ => new TimeoutTranslatingStrategy(backend, "attempt timeout"));
        builder.AddTimeout(options.AttemptTimeout);
        return builder.Build();
    }

    private bool ShouldRetry(Exception? exception) =>
        exception is LlmBackendException { IsTransient: true } failure
        // A server asking for a longer wait than we allow: failing now beats sleeping past our budget.
        && !(failure.RetryAfter > options.MaxDelay);

    private ValueTask BreakerChanged(string state)
    {
        metrics?.BreakerChanged(backendTag, state);
        return default;
    }

    // Per-attempt request counts and latency are MetricsChatClient's job: wrap the provider client in it, below us.
    private async ValueTask<ChatResponse> SendAsync(Attempt attempt, CancellationToken token) =>
        await base.GetResponseAsync(attempt.Messages, attempt.Options, token);

    private BackendUnavailableException Unavailable(TimeSpan? retryAfter, Exception? inner) =>
        new(backend, retryAfter, $"{backend} is unavailable: its circuit is open after repeated failures; "
            + $"a probe is allowed {(retryAfter is { } wait ? $"in {wait.TotalSeconds:0.#} s" : "after the break")}.", inner);

    /// <summary>One call's arguments, passed as Polly state to avoid a closure per call.</summary>
    private sealed record Attempt(ResilientChatClient Client, IReadOnlyList<ChatMessage> Messages, ChatOptions? Options);
}
