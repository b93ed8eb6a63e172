namespace Episodic.Llm.Providers;

/// <summary>
/// A provider call failed. Carries what resilience needs (HTTP status, Retry-After) and never the API key or the
/// request body; the message is safe to log.
/// </summary>
public sealed class LlmBackendException : Exception
{
    public LlmBackendException()
    {
    }

    public LlmBackendException(string message)
        : base(message)
    {
    }

    public LlmBackendException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public LlmBackendException(BackendKind backend, int? statusCode, TimeSpan? retryAfter, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Backend = backend;
        StatusCode = statusCode;
        RetryAfter = retryAfter;
    }

    public BackendKind Backend { get; }

    /// <summary>HTTP status code, or null for connection failures and timeouts.</summary>
    public int? StatusCode { get; }

    /// <summary>The server's Retry-After, when it sent one (429, 503).</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>True for failures worth retrying: 408, 429, 5xx, timeouts and connection errors; never 400/401/403/404.</summary>
    public bool IsTransient => StatusCode is null or 408 or 429 or >= 500;
}
