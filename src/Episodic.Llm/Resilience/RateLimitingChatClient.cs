using System.Runtime.CompilerServices;
using System.Threading.RateLimiting;
using Episodic.Llm.Providers;
using Microsoft.Extensions.AI;

namespace Episodic.Llm.Resilience;

/// <summary>
/// Holds one backend to its requests-per-minute and tokens-per-minute budgets by waiting (never by failing) before
/// each request. 0 = unlimited for either. Waiting honours the caller's cancellation.
/// <para>
/// Tokens: each request takes its estimate up front (<see cref="TokenEstimator.Estimate"/>: prompt + max output).
/// When the response reports more usage than estimated, the excess is charged to the next request; usage below the
/// estimate is not refunded (a token bucket cannot give back), so the limiter errs on the slow side.
/// </para>
/// </summary>
public sealed class RateLimitingChatClient : DelegatingChatClient
{
    // Sliding window of one minute in 5-second segments: never more than the limit in any rolling minute.
    private const int SegmentsPerMinute = 12;

    private readonly BackendKind backend;
    private readonly RateLimiter? requests;
    private readonly TokenBucketRateLimiter? tokens;
    private readonly int tokenLimit;
    private readonly TokenEstimator estimator;
    private long debt;

    public RateLimitingChatClient(IChatClient innerClient, BackendKind backend, int requestsPerMinute, int tokensPerMinute, TokenEstimator? estimator = null)
        : base(innerClient)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(requestsPerMinute);
        ArgumentOutOfRangeException.ThrowIfNegative(tokensPerMinute);
        this.backend = backend;
        this.estimator = estimator ?? new TokenEstimator();
        tokenLimit = tokensPerMinute;
        requests = requestsPerMinute == 0 ? null : new SlidingWindowRateLimiter(new SlidingWindowRateLimiterOptions
        {
            PermitLimit = requestsPerMinute,
            Window = TimeSpan.FromMinutes(1),
            SegmentsPerWindow = SegmentsPerMinute,
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
        tokens = tokensPerMinute == 0 ? null : new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = tokensPerMinute,
            // Refilled every second; rounding up overshoots a limit that is not a multiple of 60 by under 60 a minute.
            TokensPerPeriod = (int)Math.Ceiling(tokensPerMinute / 60.0),
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
    }

    /// <summary>Tokens used beyond the estimates so far, to be charged on the next request.</summary>
    internal long PendingDebt => Interlocked.Read(ref debt);

    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<ChatMessage> list = [.. messages];
        var estimate = await AcquireAsync(list, options, cancellationToken);
        var response = await base.GetResponseAsync(list, options, cancellationToken);
        Reconcile(estimate, response.Usage);
        return response;
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        IReadOnlyList<ChatMessage> list = [.. messages];
        var estimate = await AcquireAsync(list, options, cancellationToken);
        await foreach (var update in base.GetStreamingResponseAsync(list, options, cancellationToken))
        {
            foreach (var usage in update.Contents.OfType<UsageContent>())
            {
                Reconcile(estimate, usage.Details);
            }

            yield return update;
        }
    }

    // The limiters run on the system clock (System.Threading.RateLimiting takes no TimeProvider; even manual
    // replenishment checks real elapsed time), so tests observe queues instead of advancing time.
    internal RateLimiterStatistics? RequestStatistics => requests?.GetStatistics();

    internal RateLimiterStatistics? TokenStatistics => tokens?.GetStatistics();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            requests?.Dispose();
            tokens?.Dispose();
        }

        base.Dispose(disposing);
    }

    private async Task<int> AcquireAsync(IReadOnlyList<ChatMessage> messages, ChatOptions? options, CancellationToken cancellationToken)
    {
        try
        {
            return await AcquireCoreAsync(messages, options, cancellationToken);
        }
        catch (OperationCanceledException ex) when (ex is not RateLimitWaitCanceledException && cancellationToken.IsCancellationRequested)
        {
            // Marked, so an attempt timeout spent in our queue is not taken for a backend failure by the breaker.
            throw new RateLimitWaitCanceledException($"{backend} request cancelled while waiting for a rate-limit permit.", ex, cancellationToken);
        }
    }

    private async Task<int> AcquireCoreAsync(IReadOnlyList<ChatMessage> messages, ChatOptions? options, CancellationToken cancellationToken)
    {
        if (requests is not null)
        {
            using var lease = await requests.AcquireAsync(1, cancellationToken);
            EnsureAcquired(lease, "requests");
        }

        if (tokens is null)
        {
            return 0;
        }

        var estimate = estimator.Estimate(messages, options);
        // Last request's excess is paid now. A request larger than the whole budget takes the whole budget:
        // asking for more than the bucket holds would never be granted.
        var wanted = Math.Clamp(estimate + Interlocked.Exchange(ref debt, 0), 1, tokenLimit);
        using (var lease = await tokens.AcquireAsync((int)wanted, cancellationToken))
        {
            EnsureAcquired(lease, "tokens");
        }

        return estimate;
    }

    private void Reconcile(int estimate, UsageDetails? usage)
    {
        if (tokens is null || usage is null)
        {
            return;
        }

        var actual = usage.TotalTokenCount ?? ((usage.InputTokenCount ?? 0) + (usage.OutputTokenCount ?? 0));
        if (actual > estimate)
        {
            Interlocked.Add(ref debt, actual - estimate);
        }
    }

    // Queues are unbounded, so a refusal means the limiter was disposed or misconfigured: report it like a 429.
    private void EnsureAcquired(RateLimitLease lease, string what)
    {
        if (!lease.IsAcquired)
        {
            throw new LlmBackendException(backend, 429, null, $"{backend} local {what}-per-minute limit refused the request.");
        }
    }
}
