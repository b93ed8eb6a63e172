using System.Diagnostics;
using System.Text.Json;
using Episodic.Llm.Providers;
using Episodic.Tests.Fakes;
using Microsoft.Extensions.AI;
using Xunit;

namespace Episodic.Tests.Providers;

/// <summary>
/// What every backend must do through <see cref="ChatClientFactory"/>, checked against its fake server: text and
/// usage come back, and every failure is an <see cref="LlmBackendException"/> with the right status, transience and
/// Retry-After, no SDK retries, and never the API key in a message.
/// </summary>
public abstract class ProviderContractTests<TServer> : IDisposable
    where TServer : FakeProviderServer, new()
{
    protected const string ApiKey = "sk-test-SECRET0123456789abcdefXYZ";
    protected const string SystemText = "You parse release filenames.";
    protected const string UserText = "[SubsPlease] Frieren - 05 (1080p).mkv";
    protected const string SchemaName = "episode_parse";

    protected static readonly JsonElement Schema = JsonDocument.Parse("""
        {"type":"object","properties":{"title":{"type":"string"},"episode":{"type":"integer"}},"required":["title","episode"],"additionalProperties":false}
        """).RootElement.Clone();

    protected TServer Server { get; } = new();

    protected abstract BackendKind Kind { get; }

    protected abstract Uri BaseUri { get; }

    protected virtual string? Key => ApiKey;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task Returns_model_text_and_usage()
    {
        Server.Enqueue(FakeReply.Text("""{"title":"Frieren","episode":5}""", inputTokens: 321, outputTokens: 45));
        using var client = CreateClient();

        var response = await AskAsync(client);

        Assert.Equal("""{"title":"Frieren","episode":5}""", response.Text);
        Assert.Equal(321, response.Usage?.InputTokenCount);
        Assert.Equal(45, response.Usage?.OutputTokenCount);
    }

    [Fact]
    public async Task Think_block_and_fences_come_back_verbatim_for_the_caller_to_strip()
    {
        const string Text = "<think>the group tag is first</think>\n```json\n{\"title\":\"Frieren\",\"episode\":5}\n```";
        Server.Enqueue(FakeReply.Text(Text));
        using var client = CreateClient();

        var response = await AskAsync(client);

        Assert.Equal(Text, response.Text);
    }

    [Fact]
    public async Task Unauthorized_is_permanent_and_the_message_never_shows_the_key()
    {
        // Providers echo (parts of) a bad key; the message and ToString must still be clean.
        Server.Enqueue(FakeReply.Error(401, Key is null ? "unauthorized" : $"Incorrect API key provided: {Key}"));
        using var client = CreateClient();

        var ex = await Assert.ThrowsAsync<LlmBackendException>(() => AskAsync(client));

        Assert.Equal(401, ex.StatusCode);
        Assert.False(ex.IsTransient);
        Assert.Equal(Kind, ex.Backend);
        Assert.DoesNotContain(ApiKey, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(ApiKey, ex.ToString(), StringComparison.Ordinal);
        Assert.Contains("401", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rate_limit_carries_retry_after_seconds()
    {
        Server.Enqueue(FakeReply.Error(429, "slow down", retryAfter: "7"));
        using var client = CreateClient();

        var ex = await Assert.ThrowsAsync<LlmBackendException>(() => AskAsync(client));

        Assert.Equal(429, ex.StatusCode);
        Assert.True(ex.IsTransient);
        Assert.Equal(TimeSpan.FromSeconds(7), ex.RetryAfter);
        Assert.Contains("slow down", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retry_after_as_http_date_is_understood()
    {
        var at = DateTimeOffset.UtcNow.AddSeconds(30);
        Server.Enqueue(FakeReply.Error(503, "busy", retryAfter: at.ToString("R")));
        using var client = CreateClient();

        var ex = await Assert.ThrowsAsync<LlmBackendException>(() => AskAsync(client));

        Assert.Equal(503, ex.StatusCode);
        Assert.NotNull(ex.RetryAfter);
        Assert.InRange(ex.RetryAfter.Value, TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(31));
    }

    [Fact]
    public async Task Server_error_is_transient_and_the_sdk_does_not_retry()
    {
        Server.Enqueue(FakeReply.Error(500, "boom"), FakeReply.Text("""{"title":"late","episode":1}"""));
        using var client = CreateClient();

        var ex = await Assert.ThrowsAsync<LlmBackendException>(() => AskAsync(client));

        Assert.Equal(500, ex.StatusCode);
        Assert.True(ex.IsTransient);
        Assert.Null(ex.RetryAfter);
        Assert.Single(Server.ChatRequests);
    }

    [Fact]
    public async Task Malformed_body_becomes_a_backend_exception()
    {
        Server.Enqueue(FakeReply.Malformed());
        using var client = CreateClient();

        var ex = await Assert.ThrowsAsync<LlmBackendException>(() => AskAsync(client));

        Assert.Equal(Kind, ex.Backend);
        Assert.True(ex.IsTransient);
        Assert.Contains("malformed", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Timeout_is_transient_and_quick()
    {
        Server.Enqueue(FakeReply.Delayed(TimeSpan.FromSeconds(20)));
        using var client = CreateClient(TimeSpan.FromMilliseconds(300));
        var clock = Stopwatch.StartNew();

        var ex = await Assert.ThrowsAsync<LlmBackendException>(() => AskAsync(client));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        Assert.Null(ex.StatusCode);
        Assert.True(ex.IsTransient);
        Assert.Contains("timed out", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Caller_cancellation_stays_a_cancellation()
    {
        Server.Enqueue(FakeReply.Delayed(TimeSpan.FromSeconds(20)));
        using var client = CreateClient();
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        cts.CancelAfter(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => client.GetResponseAsync(Messages(), StructuredOptions(), cts.Token));
    }

    [Fact]
    public async Task Streaming_failures_are_translated_too()
    {
        Server.Enqueue(FakeReply.Error(429, "slow down", retryAfter: "7"));
        using var client = CreateClient();

        var ex = await Assert.ThrowsAsync<LlmBackendException>(async () =>
        {
            await foreach (var update in client.GetStreamingResponseAsync(Messages(), StructuredOptions(), Ct))
            {
                Assert.Fail($"unexpected update {update}");
            }
        });

        Assert.Equal(429, ex.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(7), ex.RetryAfter);
    }

    [Fact]
    public async Task Configured_max_tokens_apply_when_the_caller_sets_none()
    {
        using var client = CreateClient();

        await client.GetResponseAsync(Messages(), new ChatOptions(), Ct);

        Assert.Equal(321, MaxTokensSent(Assert.Single(Server.ChatRequests).Json));
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            Server.Dispose();
        }
    }

    /// <summary>Where this provider puts the max output tokens in its request body.</summary>
    protected abstract int MaxTokensSent(JsonElement body);

    protected IChatClient CreateClient(TimeSpan? timeout = null) => ChatClientFactory.Create(new BackendOptions
    {
        Kind = Kind,
        Model = "test-model",
        BaseUri = BaseUri,
        ApiKey = Key,
        MaxTokens = 321,
        Temperature = 0.2f,
        Timeout = timeout ?? TimeSpan.FromSeconds(10),
    });

    protected static List<ChatMessage> Messages() => [new(ChatRole.System, SystemText), new(ChatRole.User, UserText)];

    protected static ChatOptions StructuredOptions() => new()
    {
        ResponseFormat = ChatResponseFormat.ForJsonSchema(Schema, SchemaName, "One parsed filename."),
        MaxOutputTokens = 150,
        Temperature = 0.1f,
    };

    protected static Task<ChatResponse> AskAsync(IChatClient client) => client.GetResponseAsync(Messages(), StructuredOptions(), Ct);
}
