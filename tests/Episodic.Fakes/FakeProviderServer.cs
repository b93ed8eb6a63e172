using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using WireMock;
using WireMock.Server;
using WireMock.Types;
using WireMock.Util;

namespace Episodic.Tests.Fakes;

/// <summary>
/// An in-process provider endpoint on 127.0.0.1 and a free port (WireMock). Chat calls take their answers from a
/// script (<see cref="Enqueue"/>), falling back to <see cref="DefaultReply"/>; every request is recorded.
/// Subclasses render the provider's real JSON shapes.
/// </summary>
public abstract class FakeProviderServer : IDisposable
{
    private readonly WireMockServer server;
    private readonly ConcurrentQueue<FakeReply> script = new();
    private readonly ConcurrentQueue<RecordedRequest> requests = new();
    private readonly CancellationTokenSource stopping = new();
    private int sequence;

    protected FakeProviderServer()
    {
        server = FakeHttp.Start(HandleAsync);
    }

    /// <summary>The server root, e.g. http://127.0.0.1:40123/.</summary>
    public Uri RootUri => new(server.Url! + "/");

    public FakeReply DefaultReply { get; set; } = FakeReply.Text("{}");

    /// <summary>When set, answers chat calls the script does not cover, from the request itself (benchmarks, dynamic fakes).</summary>
    public Func<RecordedRequest, FakeReply>? Responder { get; set; }

    /// <summary>When set, a chat request for any other model gets the provider's 404, as the real services answer.</summary>
    public IReadOnlySet<string>? KnownModels { get; set; }

    /// <summary>When set, requests without this key get the provider's 401.</summary>
    public string? RequiredApiKey { get; set; }

    public IReadOnlyList<RecordedRequest> Requests => [.. requests];

    /// <summary>Requests to the chat endpoint only.</summary>
    public IReadOnlyList<RecordedRequest> ChatRequests => [.. requests.Where(r => r.Path == ChatPath)];

    protected abstract string ChatPath { get; }

    public void Enqueue(params FakeReply[] replies)
    {
        foreach (var reply in replies)
        {
            script.Enqueue(reply);
        }
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            // Ends pending delays first, so stopping does not wait for them.
            stopping.Cancel();
            server.Stop();
            server.Dispose();
            stopping.Dispose();
        }
    }

    /// <summary>A provider-unique id suffix ("0001", "0002"...).</summary>
    protected string NextId() => Interlocked.Increment(ref sequence).ToString("D4");

    /// <summary>True when the request carries the key the way this provider's SDK sends it.</summary>
    protected abstract bool IsAuthorized(RecordedRequest request, string apiKey);

    /// <summary>The success body for a chat call.</summary>
    protected abstract JsonObject ChatBody(RecordedRequest request, FakeReply reply);

    /// <summary>The provider's error body shape.</summary>
    protected abstract JsonObject ErrorBody(int status, string message);

    /// <summary>Non-chat endpoints (model lists); null = 404.</summary>
    protected abstract JsonObject? OtherEndpoint(RecordedRequest request);

    /// <summary>Extra headers on every response (request ids).</summary>
    protected virtual IEnumerable<KeyValuePair<string, string>> ResponseHeaders() => [];

    private async Task<IResponseMessage> HandleAsync(IRequestMessage message)
    {
        var headers = message.Headers?.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase)
            ?? new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var request = new RecordedRequest(message.Method, message.Path, headers, message.Body ?? "");
        requests.Enqueue(request);

        if (RequiredApiKey is { } key && !IsAuthorized(request, key))
        {
            return Respond(401, ErrorBody(401, "invalid api key").ToJsonString(), null);
        }

        if (request.Path != ChatPath)
        {
            return OtherEndpoint(request) is { } other
                ? Respond(200, other.ToJsonString(), null)
                : Respond(404, ErrorBody(404, $"no route {request.Path}").ToJsonString(), null);
        }

        if (KnownModels is { } known && !(request.Json.TryGetProperty("model", out var model) && model.GetString() is { } asked && known.Contains(asked)))
        {
            return Respond(404, ErrorBody(404, "model not found").ToJsonString(), null);
        }

        var reply = script.TryDequeue(out var next) ? next : Responder?.Invoke(request) ?? DefaultReply;
        if (reply.Delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(reply.Delay, stopping.Token);
            }
            catch (OperationCanceledException)
            {
                return Respond(503, ErrorBody(503, "server stopping").ToJsonString(), null);
            }
        }

        var body = reply.RawBody
            ?? (reply.Status == 200 ? ChatBody(request, reply) : ErrorBody(reply.Status, reply.ErrorMessage)).ToJsonString();
        return Respond(reply.Status, body, reply.RetryAfter);
    }

    private ResponseMessage Respond(int status, string body, string? retryAfter)
    {
        var headers = new Dictionary<string, WireMockList<string>>
        {
            ["Content-Type"] = new("application/json"),
        };
        foreach (var (name, value) in ResponseHeaders())
        {
            headers[name] = new(value);
        }

        if (retryAfter is not null)
        {
            headers["Retry-After"] = new(retryAfter);
        }

        return new ResponseMessage
        {
            StatusCode = status,
            Headers = headers,
            BodyData = new BodyData { BodyAsString = body, DetectedBodyType = BodyType.String, Encoding = Encoding.UTF8 },
        };
    }
}
