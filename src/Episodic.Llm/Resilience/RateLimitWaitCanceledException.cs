namespace Episodic.Llm.Resilience;

/// <summary>
/// A request was cancelled while still queued for a local rate-limit permit, before anything was sent. Still an
/// <see cref="OperationCanceledException"/> (cancellation semantics are unchanged), but marked so that the circuit
/// breaker does not count an attempt timeout spent waiting in our own queue as a backend failure.
/// </summary>
public sealed class RateLimitWaitCanceledException : OperationCanceledException
{
    public RateLimitWaitCanceledException()
    {
    }

    public RateLimitWaitCanceledException(string message)
        : base(message)
    {
    }

    public RateLimitWaitCanceledException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public RateLimitWaitCanceledException(string message, Exception innerException, CancellationToken token)
        : base(message, innerException, token)
    {
    }

    /// <summary>True when <paramref name="exception"/> or one of its inner exceptions is a wait in our own queue.</summary>
    internal static bool IsIn(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is RateLimitWaitCanceledException)
            {
                return true;
            }
        }

        return false;
    }
}
