using Episodic.Cli;
using Episodic.Tests.Fakes;
using Xunit;

namespace Episodic.Tests.Health;

public sealed class CheckCommandTests
{
    private const string ApiKey = "sk-check-secret-abcdef123456";

    [Fact]
    public async Task Healthy_openai_backend_exits_0_with_a_table()
    {
        using var server = new FakeOpenAiServer { RequiredApiKey = ApiKey };

        var run = await Run(OpenAiEnvironment(server, FakeOpenAiServer.Model));

        Assert.True(run.Exit == 0, run.Stderr + run.Stdout);
        var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("BACKEND", lines[0], StringComparison.Ordinal);
        Assert.Contains("VERDICT", lines[0], StringComparison.Ordinal);
        var row = Assert.Single(lines[1..]);
        Assert.StartsWith("openai", row, StringComparison.Ordinal);
        Assert.Contains("selected", row, StringComparison.Ordinal);
        Assert.Contains(FakeOpenAiServer.Model, row, StringComparison.Ordinal);
        Assert.Contains(server.BaseUri.Authority, row, StringComparison.Ordinal);
        Assert.EndsWith("ok", row.TrimEnd(), StringComparison.Ordinal);
        AssertNoSecret(run);
    }

    [Fact]
    public async Task Wrong_model_exits_4()
    {
        using var server = new FakeOpenAiServer { RequiredApiKey = ApiKey, KnownModels = new HashSet<string> { FakeOpenAiServer.Model } };

        var run = await Run(OpenAiEnvironment(server, "gpt-nonexistent"));

        Assert.Equal(CheckCommand.ExitUnhealthy, run.Exit);
        Assert.Contains("model missing: 'gpt-nonexistent'", run.Stdout, StringComparison.Ordinal);
        // The probe is a chat request through the composed stack, for the configured model.
        var probe = Assert.Single(server.ChatRequests);
        Assert.Equal("gpt-nonexistent", probe.Json.GetProperty("model").GetString());
        Assert.Contains("selected backend cannot answer", run.Stderr, StringComparison.Ordinal);
        AssertNoSecret(run);
    }

    [Fact]
    public async Task Model_option_overrides_the_selected_backend_model()
    {
        using var server = new FakeOpenAiServer { RequiredApiKey = ApiKey, KnownModels = new HashSet<string> { FakeOpenAiServer.Model } };

        var run = await Run(OpenAiEnvironment(server, "gpt-nonexistent"), "--model", FakeOpenAiServer.Model);

        Assert.True(run.Exit == 0, run.Stderr + run.Stdout);
    }

    [Fact]
    public async Task The_probe_goes_through_the_composed_stack_and_its_retries()
    {
        using var server = new FakeOpenAiServer { RequiredApiKey = ApiKey };
        server.Enqueue(FakeReply.Error(429, "slow down", retryAfter: "0"), FakeReply.Text("OK"));
        var environment = OpenAiEnvironment(server, FakeOpenAiServer.Model);
        environment["EPISODIC_RESILIENCE__BASE_DELAY"] = "0.01";

        var run = await Run(environment);

        // A separately built client would have seen the 429 and failed; the stack's retry gets the 200.
        Assert.True(run.Exit == 0, run.Stderr + run.Stdout);
        Assert.Equal(2, server.ChatRequests.Count);
        Assert.EndsWith("ok", run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)[1].TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rejected_key_exits_4_without_showing_it()
    {
        using var server = new FakeOpenAiServer { RequiredApiKey = "sk-another-key-999999999" };

        var run = await Run(OpenAiEnvironment(server, FakeOpenAiServer.Model));

        Assert.Equal(CheckCommand.ExitUnhealthy, run.Exit);
        Assert.Contains("not authenticated", run.Stdout, StringComparison.Ordinal);
        AssertNoSecret(run);
    }

    [Fact]
    public async Task Missing_key_is_a_configuration_error_listed_with_a_not_configured_row()
    {
        using var server = new FakeOpenAiServer();
        var environment = OpenAiEnvironment(server, FakeOpenAiServer.Model);
        environment.Remove("OPENAI_API_KEY");
        environment["EPISODIC_OLLAMA__TIMEOUT"] = "soon";

        var run = await Run(environment);

        Assert.Equal(CliApp.ExitConfigError, run.Exit);
        // Every problem, not just the first.
        Assert.Contains("[openai] api_key is not set", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("[ollama] timeout", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("not configured", run.Stdout, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task Chain_backends_are_probed_and_one_without_a_key_is_not_configured()
    {
        using var openAi = new FakeOpenAiServer { RequiredApiKey = ApiKey };
        using var ollama = new FakeOllamaServer();
        var environment = OpenAiEnvironment(openAi, FakeOpenAiServer.Model);
        environment["EPISODIC_LLM__CHAIN"] = "openai, ollama, anthropic";
        environment["OLLAMA_HOST"] = ollama.RootUri.ToString();
        environment["EPISODIC_OLLAMA__MODEL"] = "llama3.2";

        var run = await Run(environment);

        Assert.True(run.Exit == 0, run.Stderr + run.Stdout);
        var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        Assert.StartsWith("openai", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("ollama", lines[2], StringComparison.Ordinal);
        Assert.Contains("chain", lines[2], StringComparison.Ordinal);
        Assert.EndsWith("ok", lines[2].TrimEnd(), StringComparison.Ordinal);
        Assert.StartsWith("anthropic", lines[3], StringComparison.Ordinal);
        Assert.Contains("not configured", lines[3], StringComparison.Ordinal);
        AssertNoSecret(run);
    }

    [Fact]
    public async Task Bad_price_override_is_a_configuration_problem()
    {
        using var server = new FakeOpenAiServer { RequiredApiKey = ApiKey };
        var environment = OpenAiEnvironment(server, FakeOpenAiServer.Model);
        environment["EPISODIC_PRICES__MYMODEL"] = "cheap";

        var run = await Run(environment);

        Assert.Equal(CliApp.ExitConfigError, run.Exit);
        Assert.Contains("[prices]", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_service_exits_3_without_probing()
    {
        var run = await Run(new Dictionary<string, string?> { ["EPISODIC_LLM__SERVICE"] = "gemini" });

        Assert.Equal(CliApp.ExitConfigError, run.Exit);
        Assert.Contains("\"gemini\" is not a known service", run.Stderr, StringComparison.Ordinal);
        Assert.Equal("", run.Stdout);
    }

    [Fact]
    public async Task Missing_config_file_exits_3()
    {
        var run = await Run(new Dictionary<string, string?>(), "--config", "/nonexistent/episodic.ini");

        Assert.Equal(CliApp.ExitConfigError, run.Exit);
        Assert.Contains("does not exist", run.Stderr, StringComparison.Ordinal);
    }

    private static Dictionary<string, string?> OpenAiEnvironment(FakeOpenAiServer server, string model) => new()
    {
        ["EPISODIC_LLM__SERVICE"] = "openai",
        ["OPENAI_API_KEY"] = ApiKey,
        ["OPENAI_BASE_URL"] = server.BaseUri.ToString(),
        ["EPISODIC_OPENAI__MODEL"] = model,
    };

    private static void AssertNoSecret((int Exit, string Stdout, string Stderr) run)
    {
        Assert.DoesNotContain(ApiKey, run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(ApiKey, run.Stderr, StringComparison.Ordinal);
    }

    private static async Task<(int Exit, string Stdout, string Stderr)> Run(IReadOnlyDictionary<string, string?> environment, params string[] extra)
    {
        using var input = new StringReader("");
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CliApp.RunAsync(["check", .. extra], input, output, error, environment: environment, cancellationToken: TestContext.Current.CancellationToken);
        return (exit, output.ToString(), error.ToString());
    }
}
