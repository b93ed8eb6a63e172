using Episodic.Llm.Providers;

namespace Episodic.Llm.Metrics;

/// <summary>
/// The <c>outcome</c> tag of <c>episodic.llm.requests</c>: "ok", "timeout", "http_&lt;status&gt;", "cancelled" or
/// "error" (connection failures, malformed bodies). A small fixed set keeps the metric's cardinality low.
/// </summary>
public static class RequestOutcome
{
    public const string Ok = "ok";
    public const string Timeout = "timeout";
    public const string Cancelled = "cancelled";
    public const string Error = "error";

    /// <param name="ex">What the call threw.</param>
    /// <param name="callerCancelled">The caller's own token was cancelled (not a failure of the backend).</param>
    public static string Classify(Exception ex, bool callerCancelled)
    {
        ArgumentNullException.ThrowIfNull(ex);
        if (ex is OperationCanceledException && callerCancelled)
        {
            return Cancelled;
        }

        if (IsTimeout(ex))
        {
            return Timeout;
        }

        return ex is LlmBackendException { StatusCode: { } status } ? $"http_{status}" : Error;
    }

    // ErrorTranslatingChatClient turns timeouts into LlmBackendException with no status and the timeout as the inner
    // exception; other layers (resilience attempt timeouts) may surface TimeoutException or cancellation directly.
    private static bool IsTimeout(Exception ex) => ex switch
    {
        TimeoutException or OperationCanceledException => true,
        LlmBackendException { StatusCode: null } backend =>
            backend.InnerException is TimeoutException or OperationCanceledException
            || backend.InnerException?.InnerException is TimeoutException
            || backend.Message.Contains("timed out", StringComparison.Ordinal),
        _ => ex.InnerException is TimeoutException,
    };
}
