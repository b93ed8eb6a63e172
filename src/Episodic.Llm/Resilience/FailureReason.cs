using Episodic.Llm.Providers;
using Polly.Timeout;

namespace Episodic.Llm.Resilience;

/// <summary>
/// Names a failure for metrics tags ("429", "5xx", "timeout", "connection", "4xx"). Timeouts and connection errors
/// both arrive with a null status, so the inner exception tells them apart.
/// </summary>
internal static class FailureReason
{
    public const string Success = "success";

    public static string Of(Exception exception) => exception switch
    {
        LlmBackendException { StatusCode: 429 } => "429",
        LlmBackendException { StatusCode: 408 } => "timeout",
        LlmBackendException { StatusCode: >= 500 } => "5xx",
        LlmBackendException { StatusCode: { } } => "4xx",
        LlmBackendException queued when RateLimitWaitCanceledException.IsIn(queued) => "rate_limit",
        LlmBackendException backend => IsTimeout(backend) ? "timeout" : "connection",
        TimeoutRejectedException => "timeout",
        OperationCanceledException => "cancelled",
        _ => "error",
    };

    private static bool IsTimeout(Exception exception)
    {
        for (var current = exception.InnerException; current is not null; current = current.InnerException)
        {
            if (current is TimeoutException or TimeoutRejectedException or OperationCanceledException)
            {
                return true;
            }
        }

        return false;
    }
}
