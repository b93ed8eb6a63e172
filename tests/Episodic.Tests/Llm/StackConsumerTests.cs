using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Text.Json;
using Episodic.Llm.Metrics;
using Episodic.Tests.Fakes;
using Xunit;

namespace Episodic.Tests.Llm;

/// <summary>
/// Every LLM consumer of the CLI takes the stack from the composition root: against a provider that answers 429
/// (with Retry-After) and then 200, each command retries, succeeds, and its requests show up in the metrics.
/// </summary>
public sealed class StackConsumerTests
{
    private const string Key = "sk-stack-test-0123456789abcd";

    private static Dictionary<string, string?> Env(FakeOpenAiServer server, string model) => new()
    {
        ["EPISODIC_LLM__SERVICE"] = "openai",
        ["OPENAI_API_KEY"] = Key,
        ["OPENAI_BASE_URL"] = server.BaseUri.ToString(),
        ["EPISODIC_OPENAI__MODEL"] = model,
        ["EPISODIC_RESILIENCE__MAX_RETRIES"] = "2",
        ["EPISODIC_RESILIENCE__BASE_DELAY"] = "0.01",
        ["EPISODIC_CACHE__DIR"] = Path.Join(Path.GetTempPath(), "episodic-stack-" + model),
    };

    private static Task<(int Exit, string Out, string Err)> Run(string[] args, IReadOnlyDictionary<string, string?> env) =>
        InProcessCli.RunAsync(args, env);

    [Fact]
    public async Task Suggest_show_retries_a_429_and_is_counted()
    {
        var model = "stack-suggest-" + Guid.NewGuid().ToString("N")[..8];
        using var requests = new RequestRecorder(model);
        using var server = new FakeOpenAiServer();
        server.Enqueue(FakeReply.Error(429, "slow down", retryAfter: "0"));
        server.Enqueue(FakeReply.Text("""{"id":7,"show_name":"The Apothecary Diaries","confidence":0.9,"reasoning":"Same show."}"""));
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(file, """[{"id":7,"name":"The Apothecary Diaries"},{"id":9,"name":"Other"}]""", TestContext.Current.CancellationToken);

            var (exit, output, error) = await Run(["suggest-show", "Kusuriya no Hitorigoto", "--candidates", file], Env(server, model));

            Assert.True(exit == 0, error);
            using var doc = JsonDocument.Parse(output);
            Assert.Equal(7, doc.RootElement.GetProperty("id").GetInt32());
            Assert.Equal(2, server.ChatRequests.Count);
            Assert.Equal(["http_429", "ok"], requests.Outcomes);
            Assert.DoesNotContain(Key, output + error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Shorten_with_llm_retries_a_429_and_is_counted()
    {
        var model = "stack-shorten-" + Guid.NewGuid().ToString("N")[..8];
        using var requests = new RequestRecorder(model);
        using var server = new FakeOpenAiServer();
        server.Enqueue(FakeReply.Error(429, "slow down", retryAfter: "0"));
        server.Enqueue(FakeReply.Text("""{"name":"Long Show - S01E02.mkv"}"""));

        var (exit, output, error) = await Run(["shorten", "The Extraordinarily Long Show Name.S01E02.An Episode Title.1080p.WEB-DL.mkv", "--max-length", "40", "--llm"], Env(server, model));

        Assert.True(exit == 0, error);
        Assert.Equal(2, server.ChatRequests.Count);
        Assert.Equal(["http_429", "ok"], requests.Outcomes);
        var name = output.Trim();
        Assert.True(name.Length <= 40, name);
        Assert.EndsWith(".mkv", name, StringComparison.Ordinal);
        Assert.DoesNotContain("failed", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Route_with_llm_matches_folders_through_the_chain_after_a_429_and_is_counted()
    {
        var model = "stack-route-" + Guid.NewGuid().ToString("N")[..8];
        using var requests = new RequestRecorder(model);
        using var server = new FakeOpenAiServer();
        server.Enqueue(FakeReply.Error(429, "slow down", retryAfter: "0"));
        server.Enqueue(FakeReply.Text("""{"id":0,"show_name":"Shingeki no Kyojin","confidence":0.95,"reasoning":"Same show."}"""));
        var root = Directory.CreateTempSubdirectory("episodic-stack-route-");
        try
        {
            var downloads = Directory.CreateDirectory(Path.Join(root.FullName, "downloads"));
            var library = Directory.CreateDirectory(Path.Join(root.FullName, "library"));
            Directory.CreateDirectory(Path.Join(library.FullName, "Shingeki no Kyojin"));
            await File.WriteAllTextAsync(Path.Join(downloads.FullName, "Attack.on.Titan.S01E01.1080p.WEB.mkv"), "video", TestContext.Current.CancellationToken);

            var (exit, output, error) = await Run(["route", downloads.FullName, "--library", library.FullName, "--llm", "-f", "json"], Env(server, model));

            Assert.True(exit == 0, error);
            Assert.Contains("Shingeki no Kyojin", output, StringComparison.Ordinal);
            Assert.Contains("S01E01", output, StringComparison.Ordinal);
            Assert.Equal(2, server.ChatRequests.Count);
            Assert.Equal(["http_429", "ok"], requests.Outcomes);
            Assert.DoesNotContain("could not match", error, StringComparison.Ordinal);
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    /// <summary>Outcomes of <c>episodic.llm.requests</c> for one model (unique per test, so parallel tests do not mix).</summary>
    private sealed class RequestRecorder : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly ConcurrentQueue<string> _outcomes = new();

        public RequestRecorder(string model)
        {
            _listener.InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == EpisodicMetrics.MeterName && instrument.Name == EpisodicMetrics.RequestsInstrument)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
            {
                string? m = null, outcome = null;
                foreach (var tag in tags)
                {
                    if (tag.Key == "gen_ai.request.model" || tag.Key == "model")
                    {
                        m = tag.Value?.ToString();
                    }
                    else if (tag.Key == "outcome")
                    {
                        outcome = tag.Value?.ToString();
                    }
                }

                if (m == model && outcome is not null)
                {
                    _outcomes.Enqueue(outcome);
                }
            });
            _listener.Start();
        }

        public IReadOnlyList<string> Outcomes => [.. _outcomes];

        public void Dispose() => _listener.Dispose();
    }
}
