using System.Net;
using System.Net.Sockets;
using Episodic.Llm.Health;
using Episodic.Llm.Providers;
using Episodic.Tests.Fakes;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using Xunit;

namespace Episodic.Tests.Health;

public sealed class BackendProbeTests
{
    private const string ApiKey = "sk-probe-secret-0123456789";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(FakeOllamaServer.Model)]
    [InlineData("llama3.2")]
    [InlineData("LLAMA3.2:latest")]
    public async Task Ollama_with_the_model_pulled_is_healthy(string model)
    {
        using var server = new FakeOllamaServer();

        var result = await BackendProbe.ProbeAsync(Options(BackendKind.Ollama, server.RootUri, model), cancellationToken: Ct);

        Assert.True(result.Healthy, result.Verdict);
        Assert.Equal("ok", result.Verdict);
        Assert.Equal($"ollama:{model}", result.Name);
        Assert.Equal("/api/tags", Assert.Single(server.Requests).Path);
    }

    [Fact]
    public async Task Ollama_without_the_model_says_which_to_pull()
    {
        using var server = new FakeOllamaServer();

        var result = await BackendProbe.ProbeAsync(Options(BackendKind.Ollama, server.RootUri, "qwen3:14b"), cancellationToken: Ct);

        Assert.True(result.Reachable);
        Assert.False(result.ModelPresent);
        Assert.False(result.Healthy);
        Assert.Contains("ollama pull qwen3:14b", result.Verdict, StringComparison.Ordinal);
        Assert.Contains(FakeOllamaServer.Model, result.Verdict, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAI_lists_the_model_with_the_bearer_key()
    {
        using var server = new FakeOpenAiServer { RequiredApiKey = ApiKey };

        var result = await BackendProbe.ProbeAsync(Options(BackendKind.OpenAI, server.BaseUri, FakeOpenAiServer.Model), cancellationToken: Ct);

        Assert.True(result.Healthy, result.Verdict);
        var request = Assert.Single(server.Requests);
        Assert.Equal("/v1/models", request.Path);
        Assert.Equal($"Bearer {ApiKey}", request.Header("Authorization"));
        Assert.Empty(server.ChatRequests);
    }

    [Fact]
    public async Task OpenAI_model_not_listed_is_missing()
    {
        using var server = new FakeOpenAiServer();

        var result = await BackendProbe.ProbeAsync(Options(BackendKind.OpenAI, server.BaseUri, "gpt-9-ultra"), cancellationToken: Ct);

        Assert.True(result.Reachable);
        Assert.True(result.Authenticated);
        Assert.False(result.ModelPresent);
        Assert.Contains("'gpt-9-ultra' is not listed", result.Verdict, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAI_wrong_key_is_not_authenticated_and_the_key_is_not_shown()
    {
        using var server = new FakeOpenAiServer { RequiredApiKey = "sk-the-right-key-000000" };

        var result = await BackendProbe.ProbeAsync(Options(BackendKind.OpenAI, server.BaseUri, FakeOpenAiServer.Model), cancellationToken: Ct);

        Assert.True(result.Reachable);
        Assert.False(result.Authenticated);
        Assert.StartsWith("not authenticated: HTTP 401", result.Verdict, StringComparison.Ordinal);
        Assert.DoesNotContain(ApiKey, result.Verdict, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAI_compatible_server_without_models_endpoint_is_checked_with_a_chat_request()
    {
        using var server = WireMockServer.Start();
        server.Given(Request.Create().WithPath("/v1/chat/completions").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody("""{"choices":[]}"""));
        server.Given(Request.Create().WithPath("/v1/models").UsingGet()).RespondWith(Response.Create().WithStatusCode(404));

        var result = await BackendProbe.ProbeAsync(Options(BackendKind.OpenAI, new Uri(server.Url + "/v1"), "local-model"), cancellationToken: Ct);

        Assert.True(result.Healthy, result.Verdict);
        Assert.Contains("no /models endpoint", result.Verdict, StringComparison.Ordinal);
        var chat = Assert.Single(server.LogEntries, e => e.RequestMessage?.Path == "/v1/chat/completions");
        Assert.Contains("\"max_tokens\":1", chat.RequestMessage!.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anthropic_one_token_message_with_x_api_key()
    {
        using var server = new FakeAnthropicServer { RequiredApiKey = ApiKey };

        var result = await BackendProbe.ProbeAsync(Options(BackendKind.Anthropic, server.RootUri, FakeAnthropicServer.Model), cancellationToken: Ct);

        Assert.True(result.Healthy, result.Verdict);
        var request = Assert.Single(server.ChatRequests);
        Assert.Equal(ApiKey, request.Header("x-api-key"));
        Assert.Equal(BackendProbe.AnthropicVersion, request.Header("anthropic-version"));
        Assert.Null(request.Header("Authorization"));
        Assert.Equal(1, request.Json.GetProperty("max_tokens").GetInt32());
        Assert.Equal(FakeAnthropicServer.Model, request.Json.GetProperty("model").GetString());
    }

    [Fact]
    public async Task Anthropic_wrong_key_is_not_authenticated()
    {
        using var server = new FakeAnthropicServer { RequiredApiKey = "sk-ant-the-right-key-0000" };

        var result = await BackendProbe.ProbeAsync(Options(BackendKind.Anthropic, server.RootUri, FakeAnthropicServer.Model), cancellationToken: Ct);

        Assert.True(result.Reachable);
        Assert.False(result.Authenticated);
        Assert.False(result.Healthy);
        Assert.DoesNotContain(ApiKey, result.Verdict, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(404, "model: claude-nope")]
    [InlineData(400, "model: claude-nope is not a valid model")]
    public async Task Anthropic_unknown_model_is_missing(int status, string message)
    {
        using var server = new FakeAnthropicServer();
        server.Enqueue(FakeReply.Error(status, message));

        var result = await BackendProbe.ProbeAsync(Options(BackendKind.Anthropic, server.RootUri, "claude-nope"), cancellationToken: Ct);

        Assert.True(result.Reachable);
        Assert.True(result.Authenticated);
        Assert.False(result.ModelPresent);
        Assert.Contains("'claude-nope'", result.Verdict, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Server_echoing_the_key_does_not_leak_it()
    {
        using var server = new FakeAnthropicServer();
        server.Enqueue(FakeReply.Error(500, $"bad key {ApiKey}"));

        var result = await BackendProbe.ProbeAsync(Options(BackendKind.Anthropic, server.RootUri, FakeAnthropicServer.Model), cancellationToken: Ct);

        Assert.False(result.Healthy);
        Assert.DoesNotContain(ApiKey, result.Verdict, StringComparison.Ordinal);
        Assert.Contains("HTTP 500", result.Verdict, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(BackendKind.Ollama)]
    [InlineData(BackendKind.OpenAI)]
    [InlineData(BackendKind.Anthropic)]
    public async Task Closed_port_is_unreachable(BackendKind kind)
    {
        var closed = new Uri($"http://127.0.0.1:{ClosedPort()}/");

        var result = await BackendProbe.ProbeAsync(Options(kind, closed, "m"), cancellationToken: Ct);

        Assert.False(result.Reachable);
        Assert.False(result.Healthy);
        Assert.StartsWith("unreachable:", result.Verdict, StringComparison.Ordinal);
        Assert.Equal(closed, result.Endpoint);
    }

    [Fact]
    public async Task Silent_server_is_unreachable_after_the_timeout()
    {
        using var server = new FakeAnthropicServer();
        server.Enqueue(FakeReply.Delayed(TimeSpan.FromSeconds(10)));
        var options = Options(BackendKind.Anthropic, server.RootUri, FakeAnthropicServer.Model) with { Timeout = TimeSpan.FromMilliseconds(300) };

        var result = await BackendProbe.ProbeAsync(options, cancellationToken: Ct);

        Assert.False(result.Reachable);
        Assert.Contains("no answer within", result.Verdict, StringComparison.Ordinal);
        Assert.True(result.Latency < TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Caller_cancellation_is_thrown()
    {
        using var server = new FakeAnthropicServer();
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => BackendProbe.ProbeAsync(Options(BackendKind.Anthropic, server.RootUri, FakeAnthropicServer.Model), cancellationToken: cts.Token));
    }

    [Fact]
    public void Endpoint_defaults_per_provider()
    {
        Assert.Equal(ChatClientFactory.DefaultOllamaHost, BackendProbe.EndpointOf(new BackendOptions { Kind = BackendKind.Ollama, Model = "m" }));
        Assert.Equal(BackendProbe.DefaultOpenAiBase, BackendProbe.EndpointOf(new BackendOptions { Kind = BackendKind.OpenAI, Model = "m" }));
        Assert.Equal(BackendProbe.DefaultAnthropicBase, BackendProbe.EndpointOf(new BackendOptions { Kind = BackendKind.Anthropic, Model = "m" }));
    }

    private static BackendOptions Options(BackendKind kind, Uri baseUri, string model) => new()
    {
        Kind = kind,
        Model = model,
        BaseUri = baseUri,
        ApiKey = kind == BackendKind.Ollama ? null : ApiKey,
        Timeout = TimeSpan.FromSeconds(10),
    };

    private static int ClosedPort()
    {
        // A port that was free a moment ago: nothing listens there now.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
