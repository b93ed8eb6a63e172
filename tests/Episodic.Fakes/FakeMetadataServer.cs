using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using WireMock;
using WireMock.Server;
using WireMock.Types;
using WireMock.Util;

namespace Episodic.Tests.Fakes;

/// <summary>One request a fake metadata server received: path, decoded query and headers, and when.</summary>
public sealed record MetadataRequest(string Path, IReadOnlyDictionary<string, string> Query, IReadOnlyDictionary<string, string> Headers, DateTimeOffset At, int Status)
{
    /// <summary>The raw path and query as received (for "the key never appears here" checks).</summary>
    public string RawUrl { get; init; } = "";
}

/// <summary>
/// Base of the in-process TMDB and TVmaze fakes on 127.0.0.1: a catalogue of <see cref="FakeShow"/>s rendered in the
/// provider's real JSON shapes, every request recorded, and switches for 429 storms (with Retry-After) and outages.
/// </summary>
public abstract class FakeMetadataServer : IDisposable
{
    private readonly WireMockServer server;
    private readonly ConcurrentQueue<MetadataRequest> requests = new();
    private int sequence;

    protected FakeMetadataServer(IEnumerable<FakeShow> shows)
    {
        Shows = [.. shows];
        server = FakeHttp.Start(Handle);
    }

    public List<FakeShow> Shows { get; }

    /// <summary>The API root, e.g. http://127.0.0.1:40123/3/ for TMDB.</summary>
    public abstract Uri BaseUrl { get; }

    protected Uri Root => new(server.Url! + "/");

    public IReadOnlyList<MetadataRequest> Requests => [.. requests];

    /// <summary>Given the 1-based request number, true = answer 429 with <see cref="RetryAfterSeconds"/>.</summary>
    public Func<int, bool>? Throttle { get; set; }

    public int RetryAfterSeconds { get; set; } = 1;

    /// <summary>When set, every request is answered with this status and the provider's error body (an outage).</summary>
    public int? FailWith { get; set; }

    /// <summary>When set, every request waits this long before it is answered (a provider slower than the client's timeout).</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>
    /// When set, every request is answered 200 with this body as is: garbage ("&lt;html&gt;..." from a captive portal or
    /// proxy) or JSON of the wrong shape.
    /// </summary>
    public string? RawBody { get; set; }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            server.Stop();
            server.Dispose();
        }
    }

    /// <summary>The provider's answer: status and JSON body.</summary>
    protected abstract (int Status, JsonNode Body) Answer(string path, IReadOnlyDictionary<string, string> query, IReadOnlyDictionary<string, string> headers);

    /// <summary>The provider's error body for a status.</summary>
    protected abstract JsonNode ErrorBody(int status);

    protected static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private ResponseMessage Handle(IRequestMessage message)
    {
        var n = Interlocked.Increment(ref sequence);
        var headers = message.Headers?.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase)
            ?? new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var uri = new Uri(message.Url);
        var query = uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .GroupBy(p => Uri.UnescapeDataString(p[0]), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => Uri.UnescapeDataString(g.Last().Length > 1 ? g.Last()[1].Replace('+', ' ') : ""), StringComparer.Ordinal);
        if (Delay > TimeSpan.Zero)
        {
            Thread.Sleep(Delay);
        }

        int status;
        JsonNode? body;
        string? retryAfter = null;
        if (RawBody is not null)
        {
            (status, body) = (200, null);
        }
        else if (Throttle?.Invoke(n) == true)
        {
            (status, body, retryAfter) = (429, ErrorBody(429), RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        else if (FailWith is { } fail)
        {
            (status, body) = (fail, ErrorBody(fail));
        }
        else
        {
            (status, body) = Answer(uri.AbsolutePath, query, headers);
        }

        requests.Enqueue(new MetadataRequest(uri.AbsolutePath, query, headers, DateTimeOffset.UtcNow, status) { RawUrl = uri.PathAndQuery });
        var responseHeaders = new Dictionary<string, WireMockList<string>> { ["Content-Type"] = new("application/json;charset=utf-8") };
        if (retryAfter is not null)
        {
            responseHeaders["Retry-After"] = new(retryAfter);
        }

        return new ResponseMessage
        {
            StatusCode = status,
            Headers = responseHeaders,
            BodyData = new BodyData { BodyAsString = body?.ToJsonString() ?? RawBody, DetectedBodyType = BodyType.String, Encoding = Encoding.UTF8 },
        };
    }
}
