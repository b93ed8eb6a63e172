using System.Diagnostics;
using System.Net.Http.Json;
using Episodic.Core.Parsing;
using Episodic.Server;

namespace Episodic.Bench;

/// <summary>
/// <c>--route-plan</c>: a real server on loopback answers POST /route/plan with 500 names and 20,000
/// <c>existing_shows</c> (the issue's floor: under 1 s per request). The folders are the shows the names parse to
/// plus synthetic ones, so every name is matched against a large index. Prints each timed request and the median.
/// </summary>
public static class RoutePlanBench
{
    public static async Task RunAsync(TextWriter output, int names = 500, int shows = 20_000, int runs = 7)
    {
        var batch = CorpusNames.All.Where(n => RuleParser.Default.Parse(n).IsEpisode).Take(names).ToList();
        var real = batch.Select(n => RuleParser.Default.Parse(n).ShowName).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var existing = real.Concat(Enumerable.Range(0, shows - real.Count).Select(i => $"Synthetic Show {i:00000} ({1950 + (i % 70)})")).ToList();
        var app = EpisodicServer.Build(new ServerOptions { Urls = "http://127.0.0.1:0", Quiet = true, MaxBodyBytes = 16 * 1024 * 1024 });
        await using (app.ConfigureAwait(false))
        {
            await app.StartAsync().ConfigureAwait(false);
            using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()), Timeout = TimeSpan.FromMinutes(5) };
            var body = new Dictionary<string, object> { ["names"] = batch, ["library"] = "/library", ["existing_shows"] = existing };
            var times = new List<double>();
            var matched = 0;
            for (var run = 0; run <= runs; run++)
            {
                var clock = Stopwatch.StartNew();
                using var response = await client.PostAsJsonAsync("/route/plan", body).ConfigureAwait(false);
                var text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
                clock.Stop();
                response.EnsureSuccessStatusCode();
                matched = CountOccurrences(text, "\"new_show_folder\": false") + CountOccurrences(text, "\"new_show_folder\":false");
                if (run > 0)
                {
                    times.Add(clock.Elapsed.TotalMilliseconds);
                }

                output.WriteLine($"{(run == 0 ? "warm-up" : $"run {run}"),-8} {clock.Elapsed.TotalMilliseconds,8:N1} ms  ({batch.Count} names, {existing.Count} existing shows, {matched} matched an existing folder)");
            }

            output.WriteLine($"median {Median.Of(times):N1} ms, max {times.Max():N1} ms over {times.Count} requests");
            await app.StopAsync().ConfigureAwait(false);
        }
    }

    private static int CountOccurrences(string text, string value)
    {
        var count = 0;
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + value.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
