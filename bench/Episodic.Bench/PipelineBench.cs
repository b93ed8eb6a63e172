using System.Diagnostics;
using Episodic.Core.Parsing;
using Episodic.Llm.Configuration;
using Episodic.Llm.Metrics;
using Episodic.Llm.Pipeline;
using Episodic.Tests.Fakes;
using Microsoft.Data.Sqlite;

namespace Episodic.Bench;

/// <summary>
/// <c>--pipeline</c>: the LLM pipeline against a fake OpenAI server with simulated latency and realistic token usage.
/// Measures batched vs single prompt tokens per name, throughput at concurrency 8, the escalation rate of rules-first
/// on the dev corpora with its estimated cost, and a warm re-run from the SQLite cache.
/// </summary>
public static class PipelineBench
{
    public static async Task RunAsync(TextWriter output, int latencyMs = 300, int names = 1000, int concurrency = 8)
    {
        using var server = new FakeOpenAiServer();
        server.Responder = new GroundedResponder(TimeSpan.FromMilliseconds(latencyMs)).Reply;
        var cacheDir = Directory.CreateTempSubdirectory("episodic-bench-");
        try
        {
            var escalated = EscalatedNames(names);

            // 1. Prompt tokens per escalated name: one request per name vs batches of 20.
            var sample = escalated.Take(100).ToList();
            var single = await TokensPerName(server, cacheDir.FullName, sample, batching: false, latencyMs);
            var batched = await TokensPerName(server, cacheDir.FullName, sample, batching: true, latencyMs);
            output.WriteLine($"prompt tokens per escalated name: single {single.Input:N0} in / {single.Output:N0} out; batched (20) {batched.Input:N0} in / {batched.Output:N0} out; ratio {batched.Input / single.Input:0.000}");

            // 1b. The same, rules-first, on the dev-corpus names the rule parser really escalates (their prompts carry the
            // rules' reading and doubts where the prompt does so).
            var doubted = CorpusNames.All.Where(n => RuleParser.Default.Parse(n).Confidence < Core.Evaluation.Escalation.DefaultThreshold).ToList();
            var rfSingle = await TokensPerName(server, cacheDir.FullName, doubted, batching: false, latencyMs, "rules-first");
            var rfBatched = await TokensPerName(server, cacheDir.FullName, doubted, batching: true, latencyMs, "rules-first");
            var batchRequests = server.ChatRequests.Skip(server.ChatRequests.Count - rfBatched.Requests).ToList();
            var (batchTokens, batchNames, singles) = BatchShare(batchRequests);
            output.WriteLine($"rules-first, {doubted.Count} escalated dev-corpus names: prompt tokens per name single {rfSingle.Input:N1} in / {rfSingle.Output:N1} out; batched (20) {rfBatched.Input:N1} in / {rfBatched.Output:N1} out ({rfBatched.Requests} requests: the batch requests alone {batchTokens / (double)batchNames:N1} per name, plus {singles} one-name re-asks of rejected items)");

            // 2. Throughput: every name escalated, batches of 20, concurrency 8.
            var before = server.ChatRequests.Count;
            var (elapsed, _) = await Run(server, cacheDir.FullName, escalated, cache: false, concurrency, batching: true);
            var requests = server.ChatRequests.Count - before;
            var ideal = TimeSpan.FromMilliseconds(Math.Ceiling(requests / (double)concurrency) * latencyMs);
            output.WriteLine($"{escalated.Count:N0} escalated names at concurrency {concurrency}, {latencyMs} ms latency: {requests} requests, wall {elapsed.TotalSeconds:0.00} s, ideal (requests/concurrency x latency) {ideal.TotalSeconds:0.00} s, ratio {elapsed / ideal:0.00}");

            // 3. Rules-first on the dev corpora: escalation rate and estimated cost per 10,000 names.
            var corpus = CorpusNames.All;
            var escalating = corpus.Count(n => RuleParser.Default.Parse(n).Confidence < 0.7);
            var rate = escalating / (double)corpus.Length;
            output.WriteLine($"rules-first on the dev corpora: {escalating} of {corpus.Length} names escalate at threshold 0.7 ({rate:P1})");
            foreach (var model in new[] { "gpt-4o-mini", "claude-haiku-4-5" })
            {
                var perName = PriceTable.Default.Cost(model, (long)Math.Round(batched.Input), (long)Math.Round(batched.Output));
                output.WriteLine($"  estimated cost per 10,000 names on {model} ({PriceTable.DefaultsAsOf} prices): ${perName * rate * 10_000:0.0000} (${perName * 10_000:0.000} if every name escalated)");
            }

            // 4. Warm re-run from the SQLite cache: the second run must make no provider calls.
            var warmNames = escalated.Take(500).ToList();
            await Run(server, cacheDir.FullName, warmNames, cache: true, concurrency, batching: true);
            before = server.ChatRequests.Count;
            var (warmElapsed, _) = await Run(server, cacheDir.FullName, warmNames, cache: true, concurrency, batching: true);
            output.WriteLine($"warm re-run of {warmNames.Count} names (a fresh pipeline: empty memory cache, same SQLite file): {server.ChatRequests.Count - before} provider calls, wall {warmElapsed.TotalMilliseconds:N0} ms");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            cacheDir.Delete(recursive: true);
        }
    }

    /// <summary>Distinct realistic names (anime and scene spellings with varied numbers).</summary>
    private static List<string> EscalatedNames(int count)
    {
        var shows = new[] { "Kusuriya no Hitorigoto", "Sousou no Frieren", "Dandadan", "Wind Breaker", "Blue Lock", "Kaijuu 8-gou", "Ao no Hako", "Dr. Stone" };
        var list = new List<string>(count);
        for (var i = 0; list.Count < count; i++)
        {
            var show = shows[i % shows.Length];
            list.Add(i % 2 == 0
                ? $"[SubsPlease] {show} - {(i % 97) + 1:00} (1080p) [{i:X8}].mkv"
                : $"{show.Replace(' ', '.')}.S{(i % 5) + 1:00}E{(i % 23) + 1:00}.Episode.{i}.1080p.WEB-DL.DDP5.1.H.264-GRP.mkv");
        }

        return list;
    }

    private static async Task<(double Input, double Output, int Requests)> TokensPerName(FakeOpenAiServer server, string cacheDir, List<string> names, bool batching, int latencyMs, string strategy = "llm-only")
    {
        using var metrics = new EpisodicMetrics();
        using var stats = RunStatistics.Start(metrics);
        var before = server.ChatRequests.Count;
        await Run(server, cacheDir, names, cache: false, concurrency: 8, batching, metrics, strategy);
        var s = stats.Snapshot();
        _ = latencyMs;
        return (s.InputTokens / (double)names.Count, s.OutputTokens / (double)names.Count, server.ChatRequests.Count - before);
    }

    /// <summary>Prompt tokens and names of the batch requests alone (the one-name re-asks counted apart), as the responder counts them.</summary>
    private static (long Tokens, int Names, int Singles) BatchShare(IEnumerable<RecordedRequest> requests)
    {
        var estimator = new Llm.Resilience.TokenEstimator();
        long tokens = 0;
        int names = 0, singles = 0;
        foreach (var request in requests)
        {
            var body = request.Json;
            if (body.GetProperty("response_format").GetProperty("json_schema").GetProperty("name").GetString() != "episode_parse_batch")
            {
                singles++;
                continue;
            }

            var messages = body.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("content").GetString() ?? "").ToList();
            tokens += messages.Sum(m => 4 + estimator.Count(m));
            var line = messages[^1].Split('\n').First(l => l.TrimStart().StartsWith('['));
            using var doc = System.Text.Json.JsonDocument.Parse(line.Trim());
            names += doc.RootElement.GetArrayLength();
        }

        return (tokens, Math.Max(names, 1), singles);
    }

    private static async Task<(TimeSpan Elapsed, int Results)> Run(FakeOpenAiServer server, string cacheDir, List<string> names, bool cache, int concurrency, bool batching, EpisodicMetrics? metrics = null, string strategy = "llm-only")
    {
        var ini = $"""
            [llm]
            service = openai
            strategy = {strategy}
            batch_size = 20
            concurrency = {concurrency}
            [features]
            cache = {(cache ? "on" : "off")}
            batching = {(batching ? "on" : "off")}
            [openai]
            api_key = sk-bench-0123456789abcdef
            base_url = {server.BaseUri}
            model = gpt-4o-mini
            [cache]
            dir = {cacheDir}
            """;
        using var host = PipelineHost.Create(LlmConfiguration.BuildFromText(ini, new Dictionary<string, string?>()), new PipelineOverrides(), metrics: metrics);
        var clock = Stopwatch.StartNew();
        var results = await host.Pipeline.ParseAsync(names);
        return (clock.Elapsed, results.Count);
    }
}
