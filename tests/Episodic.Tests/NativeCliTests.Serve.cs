using System.Net;
using System.Text;
using System.Text.Json;
using Episodic.Tests.Server;
using Xunit;

namespace Episodic.Tests;

/// <summary>
/// <c>episodic serve</c> in the native binary, as a real process on a real port: the endpoints are bound at compile
/// time (the request-delegate generator) and every body goes through source-generated JSON, so trimming can only have
/// dropped something these requests would hit. Bodies are compared with the JIT server's where they are data.
/// </summary>
public sealed partial class NativeCliTests
{
    [Fact]
    public async Task Serve_answers_the_api_the_pages_health_and_metrics()
    {
        var exe = Exe();
        using var dir = new Routing.RoutingFixture();
        await using var native = await NativeServer.StartAsync(exe, dir.Root);
        await using var jit = await RunningServer.StartAsync();
        const string name = "Show.Name.S01E02.720p.WEB-DL-GRP.mkv";

        using var parse = await native.PostJsonAsync("/parse", $$"""{"name":"{{name}}"}""");
        var parsed = await parse.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(parse.StatusCode == HttpStatusCode.OK, parsed);
        using var jitParse = await jit.PostJsonAsync("/parse", $$"""{"name":"{{name}}"}""");
        Assert.Equal(await jitParse.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), parsed);
        using (var doc = JsonDocument.Parse(parsed))
        {
            Assert.Equal("Show Name", doc.RootElement.GetProperty("show_name").GetString());
            Assert.Equal(2, doc.RootElement.GetProperty("episodes")[0].GetInt32());
        }

        const string batchBody = """{"names":["Show.Name.S01E02.720p.mkv","[SubsPlease] Frieren - 12 (1080p) [ABCD1234].mkv"]}""";
        using var batch = await native.PostJsonAsync("/parse/batch", batchBody);
        using var jitBatch = await jit.PostJsonAsync("/parse/batch", batchBody);
        var batchText = await batch.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(batch.StatusCode == HttpStatusCode.OK, batchText);
        Assert.Contains("Frieren", batchText, StringComparison.Ordinal);
        Assert.Equal(await jitBatch.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), batchText);

        var planBody = $$"""{"names":["Good.Show.S01E01.720p.mkv"],"library":{{JsonSerializer.Serialize(dir.Library)}}}""";
        using var plan = await native.PostJsonAsync("/route/plan", planBody);
        using var jitPlan = await jit.PostJsonAsync("/route/plan", planBody);
        var planText = await plan.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(plan.StatusCode == HttpStatusCode.OK, planText);
        Assert.Contains("Good Show - S01E01.mkv", planText, StringComparison.Ordinal);
        Assert.Equal(await jitPlan.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), planText);

        using var ready = await native.GetAsync("/health/ready");
        var readyText = await ready.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Contains("\"rules\"", readyText, StringComparison.Ordinal);

        // The metrics scrape after the requests above: the request-duration histogram has counted them.
        using var metrics = await native.GetAsync("/metrics");
        var metricsText = await metrics.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, metrics.StatusCode);
        Assert.Contains("http_server_request_duration_seconds_count", metricsText, StringComparison.Ordinal);
        Assert.Contains("http_route=\"/parse\"", metricsText, StringComparison.Ordinal);

        // A page: the form carries an antiforgery token, and a post with it parses (the pages are minimal APIs too).
        using var page = await native.GetAsync("/ui/parse");
        var html = await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.StartsWith("text/html", page.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        var token = AntiforgeryToken().Match(html);
        Assert.True(token.Success, html);
        using var post = new HttpRequestMessage(HttpMethod.Post, "/ui/parse")
        {
            Content = new FormUrlEncodedContent([new("__RequestVerificationToken", WebUtility.HtmlDecode(token.Groups[1].Value)), new("names", name)]),
        };
        using var posted = await native.SendAsync(post);
        var postedHtml = await posted.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(posted.StatusCode == HttpStatusCode.OK, postedHtml);
        Assert.Contains("Show Name", postedHtml, StringComparison.Ordinal);

        using var openApi = await native.GetAsync("/openapi/v1.json");
        var openApiText = await openApi.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, openApi.StatusCode);
        using (var doc = JsonDocument.Parse(openApiText))
        {
            var paths = doc.RootElement.GetProperty("paths");
            Assert.True(paths.TryGetProperty("/parse", out _), openApiText);
            Assert.True(paths.TryGetProperty("/health/ready", out _), openApiText);
        }

        // The document the JIT server builds, schemas and all (the native one has no reflected model metadata); only
        // the servers differ (each names its own port).
        using var jitOpenApi = await jit.GetAsync("/openapi/v1.json");
        using var jitDoc = JsonDocument.Parse(await jitOpenApi.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        using var nativeDoc = JsonDocument.Parse(openApiText);
        Assert.Equal(Without(jitDoc.RootElement, "servers"), Without(nativeDoc.RootElement, "servers"));

        var stopped = await native.StopAsync();
        Assert.True(stopped.Exit == 0, stopped.Stderr);
        Assert.DoesNotContain("   at ", stopped.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/parse", "{\"name\": ")]
    [InlineData("/parse", "{\"name\": 12}")]
    [InlineData("/parse/batch", "{\"names\": [\"a\", 3]}")]
    [InlineData("/parse/batch", "{\"names\": []")]
    public async Task Serve_answers_bad_json_with_the_jit_servers_problem(string path, string body)
    {
        var exe = Exe();
        using var dir = new Routing.RoutingFixture();
        await using var native = await NativeServer.StartAsync(exe, dir.Root);
        await using var jit = await RunningServer.StartAsync();

        using var nativeResponse = await native.PostJsonAsync(path, body);
        using var jitResponse = await jit.PostJsonAsync(path, body);
        var nativeProblem = await ProblemAssert.IsAsync(nativeResponse, HttpStatusCode.BadRequest);
        var jitProblem = await ProblemAssert.IsAsync(jitResponse, HttpStatusCode.BadRequest);

        Assert.Equal(Traceless(jitProblem), Traceless(nativeProblem));
    }

    [Fact]
    public async Task Serve_with_too_many_names_says_the_limit_in_its_problem()
    {
        var exe = Exe();
        using var dir = new Routing.RoutingFixture();
        await using var native = await NativeServer.StartAsync(exe, dir.Root, "--max-batch", "2");

        using var response = await native.PostJsonAsync("/parse/batch", """{"names":["a.S01E01.mkv","b.S01E01.mkv","c.S01E01.mkv"]}""");
        var problem = await ProblemAssert.IsAsync(response, HttpStatusCode.BadRequest, "at most 2");

        // An extension member of the problem (an int in an object dictionary) is written by the source-generated context.
        Assert.Equal(2, problem.GetProperty("max_batch").GetInt32());
    }

    [Fact]
    public async Task Serve_with_an_llm_backend_is_refused_in_one_line()
    {
        var exe = Exe();
        using var dir = new Routing.RoutingFixture();
        var native = await CliProcess.RunAsync(["serve", "--urls", "http://127.0.0.1:0", "--llm", "--backend", "ollama"], dir.Root, executable: exe);

        Assert.Equal(3, native.Exit);
        var line = Assert.Single(native.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("episodic: the Ollama LLM backend is not in the native episodic binary", line, StringComparison.Ordinal);
        Assert.Contains("dotnet tool install", line, StringComparison.Ordinal);
    }

    /// <summary>The problem without its per-request <c>trace_id</c>.</summary>
    private static string Traceless(JsonElement problem) => Without(problem, "trace_id");

    /// <summary>The object's JSON without the member <paramref name="name"/> (which must be there).</summary>
    private static string Without(JsonElement root, string name)
    {
        Assert.True(root.TryGetProperty(name, out _), $"no '{name}' in {root}");
        return JsonSerializer.Serialize(root.EnumerateObject().Where(p => p.Name != name).ToDictionary(p => p.Name, p => p.Value));
    }

    [System.Text.RegularExpressions.GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial System.Text.RegularExpressions.Regex AntiforgeryToken();

    /// <summary>
    /// The native binary serving on a free loopback port, ready (<c>/health/ready</c> answered 200) before tests use
    /// it; stopped with SIGTERM, as a service manager stops it (a test run started in the background may ignore SIGINT).
    /// </summary>
    private sealed class NativeServer : IAsyncDisposable
    {
        private readonly CliProcess _process;
        private bool _stopped;

        private NativeServer(CliProcess process, Uri baseUri)
        {
            _process = process;
            Client = new HttpClient(new HttpClientHandler { UseCookies = true }) { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(30) };
        }

        public HttpClient Client { get; }

        public static async Task<NativeServer> StartAsync(string exe, string workingDirectory, params string[] extra)
        {
            var port = Fakes.FakeHttp.FreePort();
            var process = CliProcess.Start(["serve", "--urls", $"http://127.0.0.1:{port}", "--log-level", "warning", .. extra], workingDirectory, executable: exe);
            var server = new NativeServer(process, new Uri($"http://127.0.0.1:{port}"));
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (true)
            {
                try
                {
                    using var ready = await server.Client.GetAsync(new Uri("/health/ready", UriKind.Relative), TestContext.Current.CancellationToken);
                    if (ready.StatusCode == HttpStatusCode.OK)
                    {
                        return server;
                    }
                }
                catch (HttpRequestException) when (!process.HasExited && DateTime.UtcNow < deadline)
                {
                }

                if (process.HasExited || DateTime.UtcNow >= deadline)
                {
                    var (exit, _, stderr) = await process.WaitAsync(TimeSpan.FromSeconds(10));
                    await server.DisposeAsync();
                    Assert.Fail($"the native server did not get ready (exit {exit}): {stderr}");
                }

                await Task.Delay(50, TestContext.Current.CancellationToken);
            }
        }

        public Task<HttpResponseMessage> PostJsonAsync(string path, string json) =>
            SendAsync(new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") });

        public Task<HttpResponseMessage> GetAsync(string path) => SendAsync(new HttpRequestMessage(HttpMethod.Get, path));

        public Task<HttpResponseMessage> SendAsync(HttpRequestMessage request) => Client.SendAsync(request, TestContext.Current.CancellationToken);

        /// <summary>SIGTERM, then the exit code and output of a graceful stop.</summary>
        public async Task<(int Exit, string Stdout, string Stderr)> StopAsync()
        {
            _stopped = true;
            _process.Signal(15);
            return await _process.WaitAsync(TimeSpan.FromSeconds(30));
        }

        public async ValueTask DisposeAsync()
        {
            Client.Dispose();
            if (!_stopped && !_process.HasExited)
            {
                _process.Signal(15);
                await _process.WaitAsync(TimeSpan.FromSeconds(30));
            }

            _process.Dispose();
        }
    }
}
