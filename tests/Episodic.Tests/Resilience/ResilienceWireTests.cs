using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Episodic.Llm.Providers;
using Episodic.Llm.Resilience;
using Episodic.Tests.Fakes;
using Microsoft.Extensions.AI;
using Xunit;

namespace Episodic.Tests.Resilience;

/// <summary>
/// The resilience layers over the real provider clients (ChatClientFactory) and fake servers on 127.0.0.1, where
/// status codes, Retry-After headers, hangs and refused connections come off the wire.
/// </summary>
public sealed class ResilienceWireTests
{
    private const string ApiKey = "sk-test-resilience-0123456789";
    private static readonly ChatMessage[] Prompt = [new(ChatRole.User, "Show.S01E02.mkv")];

    private static BackendOptions OpenAi(FakeOpenAiServer server) =>
        new() { Kind = BackendKind.OpenAI, Model = FakeOpenAiServer.Model, BaseUri = server.BaseUri, ApiKey = ApiKey, Timeout = TimeSpan.FromSeconds(10) };

    private static BackendOptions Anthropic(FakeAnthropicServer server) =>
        new() { Kind = BackendKind.Anthropic, Model = FakeAnthropicServer.Model, BaseUri = server.RootUri, ApiKey = ApiKey, Timeout = TimeSpan.FromSeconds(10) };

    private static BackendOptions Ollama(Uri root) =>
        new() { Kind = BackendKind.Ollama, Model = FakeOllamaServer.Model, BaseUri = root, Timeout = TimeSpan.FromSeconds(10) };

    private static BackendClient Build(BackendOptions backend, ResilienceOptions options, MetricsRecorder? recorder = null) =>
        BackendClientBuilder.Build(ChatClientFactory.Create(backend), backend, options, recorder?.Metrics);

    [Fact]
    public async Task A_429_storm_honours_Retry_After_and_stops_at_max_retries()
    {
        using var server = new FakeOpenAiServer { DefaultReply = FakeReply.Error(429, "slow down", retryAfter: "1") };
        using var recorder = new MetricsRecorder();
        var client = Build(OpenAi(server), TestOptions.Fast(maxRetries: 2), recorder);
        using var _ = client.Chat;
        var clock = Stopwatch.StartNew();

        var ex = await Assert.ThrowsAsync<LlmBackendException>(() => client.Chat.GetResponseAsync(Prompt, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(429, ex.StatusCode);
        Assert.Equal(3, server.ChatRequests.Count);
        // Two waits of exactly Retry-After (1 s), not the 10 ms backoff; a little slack for timer granularity.
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(1.9), $"elapsed {clock.Elapsed}");
        Assert.Equal(["429", "429"], recorder.TagValues(MetricsRecorder.Retries, "reason"));
    }

    [Fact]
    public async Task A_500_then_success_is_one_retry()
    {
        using var server = new FakeAnthropicServer();
        server.Enqueue(FakeReply.Error(500, "boom"), FakeReply.Text("{\"show\":\"x\"}"));
        var client = Build(Anthropic(server), TestOptions.Fast());
        using var _ = client.Chat;

        var response = await client.Chat.GetResponseAsync(Prompt, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("{\"show\":\"x\"}", response.Text);
        Assert.Equal(2, server.ChatRequests.Count);
    }

    [Fact]
    public async Task A_401_is_not_retried()
    {
        using var server = new FakeOpenAiServer { RequiredApiKey = "sk-some-other-key-000000000" };
        var client = Build(OpenAi(server), TestOptions.Fast());
        using var _ = client.Chat;

        var ex = await Assert.ThrowsAsync<LlmBackendException>(() => client.Chat.GetResponseAsync(Prompt, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(401, ex.StatusCode);
        Assert.Single(server.ChatRequests);
    }

    [Fact]
    public async Task A_hang_past_the_attempt_timeout_is_retried()
    {
        using var server = new FakeOllamaServer();
        server.Enqueue(FakeReply.Text("{\"warm\":1}"), FakeReply.Delayed(TimeSpan.FromSeconds(10)), FakeReply.Text("{\"after\":\"hang\"}"));
        var backend = Ollama(server.RootUri);
        var token = TestContext.Current.CancellationToken;
        // A plain call first: a cold start (JIT, first connection) on a busy machine could eat the attempt timeout.
        using (var plain = ChatClientFactory.Create(backend))
        {
            await plain.GetResponseAsync(Prompt, cancellationToken: token);
        }

        var client = Build(backend, TestOptions.Fast() with { AttemptTimeout = TimeSpan.FromSeconds(1) });
        using var _ = client.Chat;

        var response = await client.Chat.GetResponseAsync(Prompt, cancellationToken: token);

        Assert.Equal("{\"after\":\"hang\"}", response.Text);
        Assert.Equal(3, server.ChatRequests.Count);
    }

    [Fact]
    public async Task A_refused_connection_is_transient_retried_then_fails()
    {
        using var recorder = new MetricsRecorder();
        var client = Build(Ollama(ClosedPort()), TestOptions.Fast(maxRetries: 2), recorder);
        using var _ = client.Chat;

        var ex = await Assert.ThrowsAsync<LlmBackendException>(() => client.Chat.GetResponseAsync(Prompt, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Null(ex.StatusCode);
        Assert.True(ex.IsTransient);
        Assert.Equal(["connection", "connection"], recorder.TagValues(MetricsRecorder.Retries, "reason"));
    }

    [Fact]
    public async Task An_open_breaker_fails_fast_without_a_request_then_probes_after_the_break()
    {
        using var server = new FakeOpenAiServer { DefaultReply = FakeReply.Error(503, "overloaded") };
        var options = TestOptions.Fast(maxRetries: 0) with { BreakerMinimumThroughput = 2, BreakerFailureRatio = 0.5 };
        var client = Build(OpenAi(server), options);
        using var _ = client.Chat;
        var token = TestContext.Current.CancellationToken;

        await Assert.ThrowsAsync<LlmBackendException>(() => client.Chat.GetResponseAsync(Prompt, cancellationToken: token));
        await Assert.ThrowsAsync<LlmBackendException>(() => client.Chat.GetResponseAsync(Prompt, cancellationToken: token));
        Assert.Equal(CircuitState.Open, client.Circuit());

        await Assert.ThrowsAsync<BackendUnavailableException>(() => client.Chat.GetResponseAsync(Prompt, cancellationToken: token));
        Assert.Equal(2, server.ChatRequests.Count);

        await Task.Delay(options.BreakerBreak + TimeSpan.FromMilliseconds(100), token);
        Assert.Equal(CircuitState.HalfOpen, client.Circuit());
        server.DefaultReply = FakeReply.Text("{}");
        await client.Chat.GetResponseAsync(Prompt, cancellationToken: token);

        Assert.Equal(3, server.ChatRequests.Count);
        Assert.Equal(CircuitState.Closed, client.Circuit());
    }

    /// <summary>A loopback port nobody listens on: bound by us, then released.</summary>
    private static Uri ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}/");
    }
}
