using System.Net.Sockets;
using System.Text;
using Episodic.Server;
using Xunit;

namespace Episodic.Tests.Server;

/// <summary>
/// Issue 17 item 13: /route/plan admits a bounded number of plans (running plus queued); the rest get 503 with
/// Retry-After and a problem body, before their body is read. Over real HTTP on Kestrel: raw sockets send the
/// headers of each request and hold back its body, so the admitted ones stay running for as long as the test wants.
/// </summary>
public sealed class PlanAdmissionTests
{
    private const string Plan = """{"names":["The.Office.US.S02E03.720p.mkv"],"library":"/srv/tv","existing_shows":["The Office (US)","Other Show"]}""";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Requests_beyond_the_running_plans_and_the_queue_get_503_with_retry_after_and_the_rest_are_planned()
    {
        await using var server = await RunningServer.StartAsync(new ServerOptions { MaxConcurrentPlans = 2, PlanQueue = 2 });
        var body = Encoding.UTF8.GetBytes(Plan);
        var clients = new List<(TcpClient Tcp, NetworkStream Stream)>();
        try
        {
            for (var i = 0; i < 7; i++)
            {
                var tcp = new TcpClient();
                await tcp.ConnectAsync(server.Client.BaseAddress!.Host, server.Client.BaseAddress.Port, Ct);
                var stream = tcp.GetStream();
                var head = $"POST /route/plan HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n";
                await stream.WriteAsync(Encoding.ASCII.GetBytes(head), Ct);
                await stream.FlushAsync(Ct);
                clients.Add((tcp, stream));
            }

            // Two run (waiting for their bodies) and two wait; the other three are answered at once.
            var rejected = new List<string>();
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
            var answered = new HashSet<int>();
            while (rejected.Count < 3 && DateTime.UtcNow < deadline)
            {
                for (var i = 0; i < clients.Count; i++)
                {
                    if (!answered.Contains(i) && clients[i].Tcp.Available > 0)
                    {
                        answered.Add(i);
                        rejected.Add(await ReadResponseAsync(clients[i].Stream));
                    }
                }

                await Task.Delay(20, Ct);
            }

            Assert.Equal(3, rejected.Count);
            Assert.All(rejected, r =>
            {
                Assert.StartsWith("HTTP/1.1 503", r, StringComparison.Ordinal);
                Assert.Contains("\r\nRetry-After: 1\r\n", r, StringComparison.OrdinalIgnoreCase);
                Assert.Contains("application/problem+json", r, StringComparison.Ordinal);
                Assert.Contains("Too many plans at once", r, StringComparison.Ordinal);
            });

            var admitted = Enumerable.Range(0, clients.Count).Where(i => !answered.Contains(i)).ToList();
            Assert.Equal(4, admitted.Count);
            foreach (var i in admitted)
            {
                await clients[i].Stream.WriteAsync(body, Ct);
            }

            foreach (var i in admitted)
            {
                var response = await ReadResponseAsync(clients[i].Stream);
                Assert.StartsWith("HTTP/1.1 200", response, StringComparison.Ordinal);
                Assert.Contains("The Office (US)", response, StringComparison.Ordinal);
            }
        }
        finally
        {
            foreach (var (tcp, _) in clients)
            {
                tcp.Dispose();
            }
        }
    }

    [Fact]
    public async Task Once_the_plans_are_done_new_ones_are_admitted_again()
    {
        await using var server = await RunningServer.StartAsync(new ServerOptions { MaxConcurrentPlans = 1, PlanQueue = 0 });

        for (var i = 0; i < 3; i++)
        {
            using var response = await server.PostJsonAsync("/route/plan", Plan);
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        }
    }

    /// <summary>
    /// One response: its head, then as many body bytes as its Content-Length says. It does not wait for the server to
    /// close: a rejected request's body was never sent, and the server may hold the connection open for it.
    /// </summary>
    private static async Task<string> ReadResponseAsync(NetworkStream stream)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(15));
        var received = new List<byte>();
        var buffer = new byte[8192];
        while (true)
        {
            var text = Encoding.UTF8.GetString([.. received]);
            var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            if (end >= 0)
            {
                var length = text[..end].Split("\r\n").Select(l => l.Split(':', 2)).Where(p => p.Length == 2 && p[0].Trim().Equals("Content-Length", StringComparison.OrdinalIgnoreCase)).Select(p => int.Parse(p[1].Trim(), System.Globalization.CultureInfo.InvariantCulture)).FirstOrDefault();
                var chunked = text[..end].Contains("Transfer-Encoding: chunked", StringComparison.OrdinalIgnoreCase);
                if (chunked ? text.EndsWith("\r\n0\r\n\r\n", StringComparison.Ordinal) : Encoding.UTF8.GetByteCount(text) >= Encoding.UTF8.GetByteCount(text[..end]) + 4 + length)
                {
                    return text;
                }
            }

            var read = await stream.ReadAsync(buffer, timeout.Token);
            if (read == 0)
            {
                return text;
            }

            received.AddRange(buffer.AsSpan(0, read));
        }
    }
}
