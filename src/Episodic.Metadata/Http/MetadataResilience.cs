using System.Net;
using System.Threading.RateLimiting;
using Episodic.Metadata.Configuration;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Timeout;

namespace Episodic.Metadata.Http;

/// <summary>
/// The per-provider HTTP pipeline, outermost first: total timeout (bounds a long Retry-After), retry (429 and
/// transient failures; Retry-After honoured), rate limiter (every attempt, retries included, waits for a token),
/// circuit breaker (5xx and network failures only: a 429 storm must not open it), attempt timeout.
/// </summary>
internal static class MetadataResilience
{
    /// <summary>Fewest requests the breaker samples before it may open.</summary>
    public const int BreakerMinimumThroughput = 8;

    public static readonly TimeSpan BreakDuration = TimeSpan.FromSeconds(30);

    public static readonly TimeSpan RetryBaseDelay = TimeSpan.FromMilliseconds(250);

    public static readonly TimeSpan RetryMaxDelay = TimeSpan.FromSeconds(8);

    /// <summary>A token bucket that queues rather than rejects: bursts up to one second's worth, then <paramref name="perSecond"/>.</summary>
    public static TokenBucketRateLimiter Limiter(double perSecond) => new(new TokenBucketRateLimiterOptions
    {
        TokenLimit = Math.Max(1, (int)Math.Floor(perSecond)),
        TokensPerPeriod = 1,
        ReplenishmentPeriod = TimeSpan.FromSeconds(1 / perSecond),
        QueueLimit = int.MaxValue,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        AutoReplenishment = true,
    });

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, MetadataSettings settings, RateLimiter limiter)
    {
        builder.AddTimeout(MetadataDefaults.TotalTimeout);
        if (settings.MaxRetries > 0)
        {
            builder.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = settings.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = RetryBaseDelay,
                MaxDelay = RetryMaxDelay,
                ShouldRetryAfterHeader = true,
            });
        }

        builder
            .AddRateLimiter(limiter)
            .AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
            {
                MinimumThroughput = BreakerMinimumThroughput,
                FailureRatio = 0.5,
                SamplingDuration = TimeSpan.FromSeconds(30),
                BreakDuration = BreakDuration,
                ShouldHandle = args => ValueTask.FromResult(IsOutage(args.Outcome)),
            })
            .AddTimeout(settings.AttemptTimeout);
    }

    /// <summary>Server errors, request timeouts and network failures count toward opening the circuit; 429 does not.</summary>
    private static bool IsOutage(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException or TimeoutRejectedException } => true,
        { Result: { } r } => (int)r.StatusCode >= 500 || r.StatusCode == HttpStatusCode.RequestTimeout,
        _ => false,
    };
}
