using System.Diagnostics;
using Episodic.Core.Text;
using Episodic.Llm.Pipeline;
using Episodic.Llm.Providers;
using Episodic.Llm.Resilience;
using Microsoft.Extensions.AI;

namespace Episodic.Llm.Health;

/// <summary>
/// Probes a backend through its composed client (<see cref="BackendClientBuilder"/>: resilience, rate limits,
/// metrics, error translation, the SDK), with one tiny chat request: the same path a parse takes, so a backend that
/// passes here can answer a parse, and a failure is named the way a parse run would name it. The verdict never
/// contains the API key (error translation keeps it out of every message).
/// </summary>
public static class StackProbe
{
    /// <summary>How long the probe may take, retries included, unless the backend's own total timeout is shorter.</summary>
    public static readonly TimeSpan MaxProbeTime = TimeSpan.FromSeconds(30);

    private static readonly ChatOptions Options = new() { MaxOutputTokens = 5, Temperature = 0 };

    /// <param name="client">The backend's composed chat client, as the pipeline uses it.</param>
    /// <param name="backend">The settings it was built from (model, endpoint) for the row and the verdict.</param>
    /// <param name="cancellationToken">Cancels the probe; that cancellation is thrown, not reported as a verdict.</param>
    public static async Task<ProbeResult> ProbeAsync(BackendClient client, BackendOptions backend, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(backend);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(MaxProbeTime);
        var started = Stopwatch.GetTimestamp();
        ProbeResult Result(bool reachable, bool authenticated, bool model, string verdict) =>
            new(backend.Kind, backend.Name, reachable, authenticated, model, Stopwatch.GetElapsedTime(started), verdict) { Endpoint = new Uri(SafeUrl.Of(BackendProbe.EndpointOf(backend))) };

        try
        {
            await client.Chat.GetResponseAsync([new ChatMessage(ChatRole.User, "Reply with the single word OK.")], Options, deadline.Token).ConfigureAwait(false);
            return Result(true, true, true, "ok");
        }
        catch (LlmBackendException ex) when (ex.StatusCode is 401 or 403)
        {
            return Result(true, false, false, $"not authenticated: {FailureKind.Of(ex)}; check the API key");
        }
        catch (LlmBackendException ex) when (ex.StatusCode is 404)
        {
            return Result(true, true, false, $"model missing: '{backend.Model}' is not served there (HTTP 404); pull it or set another model");
        }
        catch (LlmBackendException ex) when (ex.StatusCode is 429)
        {
            // Key and model are fine; parse runs would wait and retry.
            return Result(true, true, true, $"ok, but rate limited now ({FailureKind.Of(ex)})");
        }
        catch (LlmBackendException ex) when (ex.StatusCode is not null)
        {
            return Result(true, true, false, $"cannot answer: {FailureKind.Of(ex)}");
        }
        catch (Exception ex) when (ex is LlmBackendException or BackendUnavailableException or TimeoutException or HttpRequestException
            || ex is OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            var why = ex is OperationCanceledException ? $"no answer within {MaxProbeTime.TotalSeconds:0} s" : FailureKind.Of(ex);
            return Result(false, false, false, $"unreachable: {why}");
        }
    }
}
