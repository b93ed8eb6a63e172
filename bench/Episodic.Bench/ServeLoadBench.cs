using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Episodic.Core.Parsing;
using Episodic.Server;

namespace Episodic.Bench;

/// <summary>
/// <c>--serve-load [--seconds 30] [--idle 15] [--clients 128]</c>: the real server on loopback (in this process, rules
/// only, default limits) under 128 clients that post ~1 MB /route/plan requests (20 names, 38,000
/// <c>existing_shows</c>) back to back for the given time, then sit idle. Prints requests, status counts, other errors
/// and the process's resident memory at start, at peak (VmHWM) and after the idle time: the issue's floor is under
/// 600 MB with no errors but 503. Clients retry a 503 at once (the worst case), so the queue is always full.
/// </summary>
public static class ServeLoadBench
{
    public const int DefaultSeconds = 30;

    public const int DefaultIdleSeconds = 15;

    public const int DefaultClients = 128;

    public const int ExistingShows = 38_000;

    public static async Task RunAsync(TextWriter output, int seconds = DefaultSeconds, int idleSeconds = DefaultIdleSeconds, int clients = DefaultClients)
    {
        var names = CorpusNames.All.Where(n => RuleParser.Default.Parse(n).IsEpisode).Take(20).ToList();
        var existing = Enumerable.Range(0, ExistingShows).Select(i => $"Synthetic Series {i:00000}").ToList();
        existing.AddRange(names.Select(n => RuleParser.Default.Parse(n).ShowName).OfType<string>().Distinct(StringComparer.Ordinal));
        var body = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object> { ["names"] = names, ["library"] = "/library", ["existing_shows"] = existing });

        var app = EpisodicServer.Build(new ServerOptions { Urls = "http://127.0.0.1:0", Quiet = true });
        await using (app.ConfigureAwait(false))
        {
            await app.StartAsync().ConfigureAwait(false);
            var start = Memory();
            output.WriteLine($"server on {app.Urls.First()}: {ServerOptions.DefaultMaxConcurrentPlans} plans running, {ServerOptions.DefaultPlanQueue} queued; body {body.Length / 1024.0 / 1024.0:N2} MB ({names.Count} names, {existing.Count} existing_shows); {clients} clients for {seconds} s");

            using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = clients, PooledConnectionIdleTimeout = TimeSpan.FromSeconds(idleSeconds + 30) };
            using var client = new HttpClient(handler) { BaseAddress = new Uri(app.Urls.First()), Timeout = TimeSpan.FromSeconds(60) };
            var statuses = new ConcurrentDictionary<int, int>();
            var errors = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
            var latencies = new ConcurrentBag<double>();
            var deadline = Stopwatch.StartNew();
            var limit = TimeSpan.FromSeconds(seconds);
            await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
            {
                while (deadline.Elapsed < limit)
                {
                    var clock = Stopwatch.StartNew();
                    try
                    {
                        using var content = new ByteArrayContent(body);
                        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                        using var response = await client.PostAsync("/route/plan", content).ConfigureAwait(false);
                        await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
                        statuses.AddOrUpdate((int)response.StatusCode, 1, (_, n) => n + 1);
                        if (response.IsSuccessStatusCode)
                        {
                            latencies.Add(clock.Elapsed.TotalMilliseconds);
                        }
                    }
#pragma warning disable CA1031 // Every failure is counted and named; the load goes on.
                    catch (Exception ex)
#pragma warning restore CA1031
                    {
                        errors.AddOrUpdate($"{ex.GetType().Name}: {ex.GetBaseException().Message}", 1, (_, n) => n + 1);
                    }
                }
            }))).ConfigureAwait(false);
            var peak = Memory();
            var requests = statuses.Values.Sum() + errors.Values.Sum();
            output.WriteLine($"requests {requests} in {deadline.Elapsed.TotalSeconds:N1} s; status {string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value}"))}");
            var others = statuses.Where(s => s.Key is not 200 and not 503).Sum(s => s.Value) + errors.Values.Sum();
            output.WriteLine($"errors other than 503: {others}{(errors.IsEmpty ? "" : $" ({string.Join(", ", errors.Select(e => $"{e.Key} ×{e.Value}"))})")}");
            if (!latencies.IsEmpty)
            {
                var sorted = latencies.Order().ToList();
                output.WriteLine($"200 latency: median {Median.Of(sorted):N0} ms, p99 {sorted[(int)(sorted.Count * 0.99)]:N0} ms");
            }

            await Task.Delay(TimeSpan.FromSeconds(idleSeconds)).ConfigureAwait(false);
            var idle = Memory();
            output.WriteLine($"RSS: start {start.Rss} MB, peak {peak.Peak} MB (VmHWM), after {idleSeconds} s idle {idle.Rss} MB");
            await app.StopAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Resident and peak resident memory of this process in MB, from /proc/self/status (Linux).</summary>
    private static (long Rss, long Peak) Memory()
    {
        long rss = -1, peak = -1;
        if (File.Exists("/proc/self/status"))
        {
            foreach (var line in File.ReadLines("/proc/self/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    rss = Kilobytes(line) / 1024;
                }
                else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    peak = Kilobytes(line) / 1024;
                }
            }
        }

        return (rss, peak);
    }

    private static long Kilobytes(string line) =>
        long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
}
