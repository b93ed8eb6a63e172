using Episodic.Llm.Providers;
using Episodic.Llm.Resilience;
using Episodic.Tests.Fakes;
using Microsoft.Extensions.AI;
using Xunit;

namespace Episodic.Tests.Resilience;

/// <summary>Retry, timeout, breaker and cancellation rules of <see cref="ResilientChatClient"/>, in memory.</summary>
public sealed class ResilientChatClientTests
{
    private static readonly ChatMessage[] Prompt = [new(ChatRole.User, "Show.S01E02.mkv")];

    private static LlmBackendException Failure(int? status, TimeSpan? retryAfter = null) =>
        new(BackendKind.OpenAI, status, retryAfter, $"scripted {status}");

    [Fact]
    public async Task A_500_then_success_is_retried_once()
    {
        var inner = new ScriptedChatClient();
        inner.EnqueueException(Failure(500));
        inner.Enqueue("{\"ok\":true}");
        using var client = new ResilientChatClient(inner, BackendKind.OpenAI, TestOptions.Fast());

        var response = await client.GetResponseAsync(Prompt, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("{\"ok\":true}", response.Text);
        Assert.Equal(2, inner.Calls.Count);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(403)]
    [InlineData(404)]
    public async Task Client_errors_are_never_retried(int status)
    {
        var inner = new ScriptedChatClient { DefaultText = "{}" };
        inner.EnqueueException(Failure(status));
        using var client = new ResilientChatClient(inner, BackendKind.OpenAI, TestOptions.Fast());

        var ex = await Assert.ThrowsAsync<LlmBackendException>(() => client.GetResponseAsync(Prompt, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(status, ex.StatusCode);
        Assert.Single(inner.Calls);
    }

    [Fact]
    public async Task Retries_stop_at_max_retries_with_the_last_failure()
    {
        var inner = new FuncChatClient((_, _) => throw Failure(503));
        using var client = new ResilientChatClient(inner, BackendKind.OpenAI, TestOptions.Fast(maxRetries: 3));

        var ex = await Assert.ThrowsAsync<LlmBackendException>(() => client.GetResponseAsync(Prompt, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(503, ex.StatusCode);
        Assert.Equal(4, inner.Calls);
    }

    [Fact]
    public async Task Zero_retries_means_one_attempt()
    {
        var inner = new FuncChatClient((_, _) => throw Failure(503));
        using var client = new ResilientChatClient(inner, BackendKind.OpenAI, TestOptions.Fast(maxRetries: 0));

        await Assert.ThrowsAsync<LlmBackendException>(() => client.GetResponseAsync(Prompt, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(1, inner.Calls);
    }

    [Fact]
    public async Task A_retry_after_above_max_delay_fails_fast()
    {
        var inner = new FuncChatClient((_, _) => throw Failure(429, TimeSpan.FromMinutes(5)));
        using var client = new ResilientChatClient(inner, BackendKind.OpenAI, TestOptions.Fast());

        var ex = await Assert.ThrowsAsync<LlmBackendException>(() => client.GetResponseAsync(Prompt, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(429, ex.StatusCode);
        Assert.Equal(1, inner.Calls);
    }

    [Fact]
    public async Task A_hanging_attempt_times_out_as_a_transient_backend_failure_and_is_retried()
    {
        var inner = new FuncChatClient(async (call, token) =>
        {
            if (call == 1)
            {
                await Task.Delay(Timeout.Infinite, token);
            }

            return FuncChatClient.Ok("second");
        });
        var options = TestOptions.Fast() with { AttemptTimeout = TimeSpan.FromMilliseconds(100) };
        using var recorder = new MetricsRecorder();
        using var client = new ResilientChatClient(inner, BackendKind.Ollama, options, recorder.Metrics);

        var response = await client.GetResponseAsync(Prompt, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("second", response.Text);
        Assert.Equal(2, inner.Calls);
        Assert.Equal(["timeout"], recorder.TagValues(MetricsRecorder.Retries, "reason"));
    }

    [Fact]
    public async Task Attempt_timeouts_surface_as_LlmBackendException_without_status()
    {
        var inner = new FuncChatClient(async (_, token) =>
        {
            await Task.Delay(Timeout.Infinite, token);
            return FuncChatClient.Ok();
        });
        var options = TestOptions.Fast(maxRetries: 1) with { AttemptTimeout = TimeSpan.FromMilliseconds(50) };
        using var client = new ResilientChatClient(inner, BackendKind.Ollama, options);

        var ex = await Assert.ThrowsAsync<LlmBackendException>(() => client.GetResponseAsync(Prompt, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Null(ex.StatusCode);
        Assert.True(ex.IsTransient);
        Assert.Equal(BackendKind.Ollama, ex.Backend);
        Assert.Equal(2, inner.Calls);
    }

    [Fact]
    public async Task The_total_timeout_ends_the_retries_as_a_backend_failure()
    {
        var inner = new FuncChatClient(async (_, token) =>
        {
            await Task.Delay(Timeout.Infinite, token);
            return FuncChatClient.Ok();
        });
        var options = TestOptions.Fast(maxRetries: 50) with
        {
            AttemptTimeout = TimeSpan.FromMilliseconds(100),
            TotalTimeout = TimeSpan.FromMilliseconds(350),
        };
        using var client = new ResilientChatClient(inner, BackendKind.Anthropic, options);

        var ex = await Assert.ThrowsAsync<LlmBackendException>(() => client.GetResponseAsync(Prompt, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Null(ex.StatusCode);
        Assert.Contains("total timeout", ex.Message, StringComparison.Ordinal);
        Assert.InRange(inner.Calls, 2, 5);
    }

    [Fact]
    public async Task Caller_cancellation_surfaces_as_OperationCanceledException_and_is_not_retried()
    {
        var inner = new FuncChatClient(async (_, token) =>
        {
            await Task.Delay(Timeout.Infinite, token);
            return FuncChatClient.Ok();
        });
        using var client = new ResilientChatClient(inner, BackendKind.OpenAI, TestOptions.Fast());
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cts.CancelAfter(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetResponseAsync(Prompt, cancellationToken: cts.Token));

        Assert.Equal(1, inner.Calls);
    }

    [Fact]
    public async Task The_breaker_opens_fails_fast_then_half_opens_and_closes_reporting_each_transition()
    {
        var failing = true;
        var inner = new FuncChatClient((_, _) => Volatile.Read(ref failing) ? throw Failure(503) : Task.FromResult(FuncChatClient.Ok()));
        var options = TestOptions.Fast(maxRetries: 0) with { BreakerMinimumThroughput = 2, BreakerFailureRatio = 0.5 };
        using var recorder = new MetricsRecorder();
        using var client = new ResilientChatClient(inner, BackendKind.OpenAI, options, recorder.Metrics);
        var token = TestContext.Current.CancellationToken;

        await Assert.ThrowsAsync<LlmBackendException>(() => client.GetResponseAsync(Prompt, cancellationToken: token));
        Assert.Equal(CircuitState.Closed, client.State);
        await Assert.ThrowsAsync<LlmBackendException>(() => client.GetResponseAsync(Prompt, cancellationToken: token));
        Assert.Equal(CircuitState.Open, client.State);

        var refused = await Assert.ThrowsAsync<BackendUnavailableException>(() => client.GetResponseAsync(Prompt, cancellationToken: token));
        Assert.Equal(BackendKind.OpenAI, refused.Backend);
        Assert.Equal(2, inner.Calls);

        await Task.Delay(options.BreakerBreak + TimeSpan.FromMilliseconds(100), token);
        Assert.Equal(CircuitState.HalfOpen, client.State);
        Volatile.Write(ref failing, false);
        await client.GetResponseAsync(Prompt, cancellationToken: token);

        Assert.Equal(CircuitState.Closed, client.State);
        Assert.Equal(3, inner.Calls);
        Assert.Equal(["open", "half-open", "closed"], recorder.TagValues(MetricsRecorder.BreakerTransitions, "state"));
        Assert.All(recorder.TagValues(MetricsRecorder.BreakerTransitions, "backend"), b => Assert.Equal("openai", b));
    }

    [Fact]
    public async Task Client_errors_do_not_open_the_breaker()
    {
        var inner = new FuncChatClient((_, _) => throw Failure(401));
        var options = TestOptions.Fast(maxRetries: 0) with { BreakerMinimumThroughput = 2, BreakerFailureRatio = 0.5 };
        using var client = new ResilientChatClient(inner, BackendKind.Anthropic, options);

        for (var i = 0; i < 4; i++)
        {
            await Assert.ThrowsAsync<LlmBackendException>(() => client.GetResponseAsync(Prompt, cancellationToken: TestContext.Current.CancellationToken));
        }

        Assert.Equal(CircuitState.Closed, client.State);
        Assert.Equal(4, inner.Calls);
    }

    [Fact]
    public async Task Retries_are_counted_by_reason()
    {
        var inner = new ScriptedChatClient();
        inner.EnqueueException(Failure(429, TimeSpan.Zero));
        inner.EnqueueException(Failure(502));
        inner.EnqueueException(new LlmBackendException(BackendKind.OpenAI, null, null, "refused", new HttpRequestException("connection refused")));
        inner.Enqueue("{}");
        using var recorder = new MetricsRecorder();
        using var client = new ResilientChatClient(inner, BackendKind.OpenAI, TestOptions.Fast(maxRetries: 3), recorder.Metrics);

        await client.GetResponseAsync(Prompt, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(["429", "5xx", "connection"], recorder.TagValues(MetricsRecorder.Retries, "reason"));
        Assert.All(recorder.TagValues(MetricsRecorder.Retries, "backend"), b => Assert.Equal("openai", b));
    }
}
