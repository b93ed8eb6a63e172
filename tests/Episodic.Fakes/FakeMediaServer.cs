using System.Collections.Concurrent;
using System.Text;
using WireMock;
using WireMock.Server;
using WireMock.Types;
using WireMock.Util;

namespace Episodic.Tests.Fakes;

/// <summary>One request a fake media server received: method, path, decoded query, headers and body as sent.</summary>
public sealed record MediaRequest(string Method, string Path, IReadOnlyDictionary<string, string> Query, IReadOnlyDictionary<string, string> Headers, string Body)
{
    /// <summary>The raw path and query as received (for "the token never appears here" checks).</summary>
    public string RawUrl { get; init; } = "";

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}

/// <summary>What a fake media server answers: status, content type and body text.</summary>
public sealed record MediaReply(int Status, string ContentType = "", string Body = "");

/// <summary>
/// Base of the in-process Plex, Jellyfin, Emby and Kodi fakes on 127.0.0.1 (WireMock on Kestrel): every request
/// recorded, answered in the server's real shapes by <see cref="Answer"/>, with switches for a refused credential,
/// an error status, a slow server and a garbage body.
/// </summary>
public abstract class FakeMediaServer : IDisposable
{
    private readonly WireMockServer server;
    private readonly ConcurrentQueue<MediaRequest> requests = new();

    protected FakeMediaServer()
    {
        server = FakeHttp.Start(Handle);
    }

    /// <summary>The server's address as a user writes it in <c>url</c>, e.g. http://127.0.0.1:40123.</summary>
    public string Url => server.Url!;

    public IReadOnlyList<MediaRequest> Requests => [.. requests];

    /// <summary>When set, every request is answered with this status and the server's error body.</summary>
    public int? FailWith { get; set; }

    /// <summary>When set, every request waits this long before it is answered.</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>When set, every request is answered 200 with this body (a captive portal, a proxy, the wrong server).</summary>
    public string? RawBody { get; set; }

    /// <summary>An address where nothing listens (a server that is down).</summary>
    public static string DownUrl() => $"http://127.0.0.1:{FakeHttp.FreePort()}";

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

    /// <summary>The server's answer to an authenticated or unauthenticated request.</summary>
    protected abstract MediaReply Answer(MediaRequest request);

    /// <summary>The server's error reply for a status (401 for a refused credential).</summary>
    protected abstract MediaReply ErrorReply(int status);

    private ResponseMessage Handle(IRequestMessage message)
    {
        var headers = message.Headers?.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase)
            ?? new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var uri = new Uri(message.Url);
        var query = uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .GroupBy(p => Uri.UnescapeDataString(p[0]), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => Uri.UnescapeDataString(g.Last().Length > 1 ? g.Last()[1].Replace('+', ' ') : ""), StringComparer.Ordinal);
        var request = new MediaRequest(message.Method, uri.AbsolutePath, query, headers, message.Body ?? "") { RawUrl = uri.PathAndQuery };
        requests.Enqueue(request);
        if (Delay > TimeSpan.Zero)
        {
            Thread.Sleep(Delay);
        }

        var reply = RawBody is not null ? new MediaReply(200, "text/html", RawBody) : FailWith is { } fail ? ErrorReply(fail) : Answer(request);
        var responseHeaders = new Dictionary<string, WireMockList<string>>();
        if (reply.ContentType.Length > 0)
        {
            responseHeaders["Content-Type"] = new(reply.ContentType);
        }

        return new ResponseMessage
        {
            StatusCode = reply.Status,
            Headers = responseHeaders,
            BodyData = reply.Body.Length == 0 ? null : new BodyData { BodyAsString = reply.Body, DetectedBodyType = BodyType.String, Encoding = Encoding.UTF8 },
        };
    }
}
