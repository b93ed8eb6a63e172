using System.Net.Sockets;
using Episodic.Llm.Providers;
using Episodic.Llm.Resilience;

namespace Episodic.Llm.Pipeline;

/// <summary>
/// Names why a backend call failed in a few words a user can act on ("timeout", "connection refused", "HTTP 429
/// (rate limited)"), for reasoning and the end-of-run summary. Exception text never leaves here: it can carry
/// hosts, ports, SDK internals or, echoed back by a proxy, a key.
/// </summary>
public static class FailureKind
{
    public static string Of(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (exception is BackendUnavailableException)
        {
            return "circuit open";
        }

        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case LlmBackendException { StatusCode: 429 }:
                    return "HTTP 429 (rate limited)";
                case LlmBackendException { StatusCode: 401 or 403 } denied:
                    return $"HTTP {denied.StatusCode} (key rejected)";
                case LlmBackendException { StatusCode: { } status }:
                    return $"HTTP {status}";
                case TimeoutException or TaskCanceledException:
                    return "timeout";
                case SocketException { SocketErrorCode: SocketError.ConnectionRefused }:
                    return "connection refused";
                case SocketException { SocketErrorCode: SocketError.HostNotFound or SocketError.NoData }:
                    return "host not found";
                case HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError }:
                    return "connection failed";
            }

            if (e.Message.Contains("timed out", StringComparison.OrdinalIgnoreCase))
            {
                return "timeout";
            }

            if (e.Message.Contains("malformed response", StringComparison.OrdinalIgnoreCase))
            {
                return "malformed response";
            }
        }

        return "request failed";
    }
}
