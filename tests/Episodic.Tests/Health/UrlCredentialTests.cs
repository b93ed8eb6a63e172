using System.Net;
using Episodic.Core.Text;
using Episodic.Llm.Configuration;
using Episodic.Llm.Pipeline;
using Episodic.Llm.Providers;
using Episodic.Server;
using Episodic.Tests.Fakes;
using Episodic.Tests.Llm;
using Episodic.Tests.Server;
using Microsoft.Extensions.Logging;
using Xunit;

namespace Episodic.Tests.Health;

/// <summary>
/// A base URL carrying credentials (<c>http://user:PASS@host/v1?api-key=K</c>) is shown without them everywhere an
/// endpoint reaches a person or a log: <c>check</c>, <c>/health/ready</c>, the server log, error messages, metrics.
/// </summary>
public sealed class UrlCredentialTests
{
    private const string User = "urlUser";
    private const string Password = "S3cretPassw0rd";
    private const string QueryKey = "QueryK3y0123";

    private static readonly string[] Hidden = [Password, QueryKey, User];

    private static string WithCredentials(Uri endpoint) =>
        $"{endpoint.Scheme}://{User}:{Password}@{endpoint.Authority}{endpoint.AbsolutePath.TrimEnd('/')}?api-key={QueryKey}";

    private static void Clean(string place, string text)
    {
        foreach (var secret in Hidden)
        {
            Assert.False(text.Contains(secret, StringComparison.Ordinal), $"{place} shows '{secret}':\n{text}");
        }
    }

    /// <summary>A proxy in front of a provider that quotes the URL it was asked for in its error, credentials and all.</summary>
    private static FakeReply EchoingError(Uri endpoint) => FakeReply.Error(502, $"upstream {WithCredentials(endpoint)} failed");

    [Theory]
    [InlineData("http://urlUser:S3cretPassw0rd@127.0.0.1:8080/v1?api-key=QueryK3y0123", "http://127.0.0.1:8080/v1")]
    [InlineData("https://urlUser@api.example.com/openai/v1/#frag", "https://api.example.com/openai/v1/")]
    [InlineData("http://127.0.0.1:11434", "http://127.0.0.1:11434")]
    [InlineData("urlUser:S3cretPassw0rd@host:11434", "host:11434")] // an Ollama host written without a scheme
    [InlineData("ftp//urlUser:S3cretPassw0rd@bad/path?api-key=QueryK3y0123", "ftp//bad/path")] // does not even parse
    [InlineData("htp:/urlUser:S3cretPassw0rd@proxy", "htp:/proxy")]
    public void Safe_url_keeps_scheme_host_port_and_path_only(string url, string expected)
    {
        Assert.Equal(expected, SafeUrl.Of(url));
    }

    [Fact]
    public void Scrub_makes_every_url_inside_a_message_safe()
    {
        const string message = "POST http://urlUser:S3cretPassw0rd@127.0.0.1:8080/v1/chat/completions?api-key=QueryK3y0123 failed (HTTP 502); "
            + "retried https://urlUser@api.example.com/v1/models?key=QueryK3y0123.";

        Assert.Equal("POST http://127.0.0.1:8080/v1/chat/completions failed (HTTP 502); retried https://api.example.com/v1/models.", SafeUrl.Scrub(message));
    }

    [Fact]
    public void Backend_options_print_their_endpoint_without_credentials()
    {
        var options = new BackendOptions { Kind = BackendKind.OpenAI, Model = "m", BaseUri = new Uri(WithCredentials(new Uri("http://127.0.0.1:9/v1"))), ApiKey = "sk-0123456789abcdef" };

        Assert.Equal("openai:m at http://127.0.0.1:9/v1, key sk-...cdef", options.ToString());
    }

    [Fact]
    public async Task Check_shows_the_endpoint_its_errors_and_the_metadata_row_without_credentials()
    {
        using var openAi = new FakeOpenAiServer();
        var env = InProcessCli.OpenAi(openAi);
        env["OPENAI_BASE_URL"] = WithCredentials(openAi.BaseUri);
        env["EPISODIC_LLM__CHAIN"] = "openai, anthropic";
        env["ANTHROPIC_API_KEY"] = "sk-ant-0123456789abcdef";
        env["ANTHROPIC_BASE_URL"] = WithCredentials(new Uri("http://127.0.0.1:1/"));
        env["EPISODIC_TVMAZE__BASE_URL"] = $"http://{User}:{Password}@127.0.0.1:1/";

        var (exit, stdout, stderr) = await InProcessCli.RunAsync(["check"], env);

        Clean("check", stdout + stderr);
        Assert.True(exit == 0, stdout + stderr);
        Assert.Contains($"http://{openAi.BaseUri.Authority}/v1 ", stdout, StringComparison.Ordinal);
        Assert.Contains("http://127.0.0.1:1/", stdout, StringComparison.Ordinal); // the dead fallback and TVmaze, named by host
        Assert.Single(openAi.ChatRequests); // the endpoint itself is used as configured: only what is shown is stripped
    }

    [Fact]
    public async Task Configuration_errors_echo_a_bad_url_without_credentials()
    {
        var env = new Dictionary<string, string?>
        {
            ["EPISODIC_LLM__SERVICE"] = "openai",
            ["OPENAI_API_KEY"] = "sk-in-process-test-0123456789abcd",
            ["OPENAI_BASE_URL"] = $"ftp://{User}:{Password}@127.0.0.1:1/v1?api-key={QueryKey}",
            ["EPISODIC_TVMAZE__BASE_URL"] = $"http://{User}:{Password}@127.0.0.1:1/?api-key={QueryKey}",
        };

        var (exit, stdout, stderr) = await InProcessCli.RunAsync(["check"], env);

        Clean("check", stdout + stderr);
        Assert.Equal(3, exit);
        Assert.Contains("[openai] base_url = \"ftp://127.0.0.1:1/v1\" is not a valid URL", stderr, StringComparison.Ordinal);
        Assert.Contains("[tvmaze] base_url = http://127.0.0.1:1/ is not an http(s) URL without a query", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_provider_error_quoting_the_url_reaches_the_user_without_credentials()
    {
        using var openAi = new FakeOpenAiServer { DefaultReply = EchoingError(new Uri("http://127.0.0.1:1/v1")) };
        var env = InProcessCli.OpenAi(openAi);
        env["OPENAI_BASE_URL"] = WithCredentials(openAi.BaseUri);

        var (exit, stdout, stderr) = await InProcessCli.RunAsync(["shorten", "A Very Long Show Name.S01E02.Title.1080p.mkv", "--max-length", "20", "--llm"], env);

        Clean("shorten", stdout + stderr);
        Assert.Equal(0, exit);
        Assert.True(stderr.Contains("HTTP 502: server_error: upstream http://127.0.0.1:1/v1 failed", StringComparison.Ordinal), stderr);
    }

    [Fact]
    public async Task Server_readiness_log_and_metrics_show_no_credentials()
    {
        using var openAi = new FakeOpenAiServer { Responder = new NameResponder(new Dictionary<string, string> { ["Some.Show.E1"] = NameResponder.Answer("Some Show", null, [1]) }).Reply };
        var log = new RecordingLogger();
        var options = new ServerOptions
        {
            UseLlm = true,
            Configuration = LlmConfiguration.BuildFromText(null, new Dictionary<string, string?>
            {
                ["EPISODIC_LLM__SERVICE"] = "openai",
                ["EPISODIC_LLM__CHAIN"] = "openai, anthropic",
                ["EPISODIC_LLM__STRATEGY"] = "llm-only",
                ["OPENAI_API_KEY"] = "sk-in-process-test-0123456789abcd",
                ["OPENAI_BASE_URL"] = WithCredentials(openAi.BaseUri),
                ["EPISODIC_OPENAI__MODEL"] = FakeOpenAiServer.Model,
                ["ANTHROPIC_BASE_URL"] = $"http://{User}:{Password}@127.0.0.1:1/?api-key={QueryKey}", // no API key: not usable, a warning in the log
            }),
            Overrides = new PipelineOverrides { NoCache = true },
            LogLevel = LogLevel.Debug,
            ConfigureLogging = b => b.AddProvider(new RecordingLoggerProvider(log)),
        };
        await using (var server = await RunningServer.StartAsync(options))
        {
            using var parsed = await server.PostJsonAsync("/parse", "{\"name\":\"Some.Show.E1.mkv\"}");
            var parse = await parsed.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            Assert.True(parsed.StatusCode == HttpStatusCode.OK, parse);
            Assert.Contains("\"source\":\"llm:openai:gpt-4o-mini\"", parse, StringComparison.Ordinal);

            using var ready = await server.GetAsync(EpisodicServer.ReadyPath);
            var health = await ready.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            Clean("/health/ready", health);
            Assert.Contains($"\"endpoint\":\"http://{openAi.BaseUri.Authority}/v1\"", health, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);

            using var metrics = await server.GetAsync(EpisodicServer.MetricsPath);
            var text = await metrics.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            Clean("/metrics", text);
            Assert.Contains("127.0.0.1", text, StringComparison.Ordinal); // gen_ai's server.address label is there, and only the host
        }

        Clean("the server log", string.Join("\n", log.Messages));
        Assert.Contains(log.Messages, m => m.Contains("anthropic is in [llm] chain but not usable", StringComparison.Ordinal));
    }
}
