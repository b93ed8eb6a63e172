using Episodic.Llm.Providers;
using Episodic.Llm.Resilience;
using Episodic.Tests.Fakes;
using Microsoft.Extensions.AI;
using Xunit;

namespace Episodic.Tests.Resilience;

/// <summary>
/// Requests- and tokens-per-minute limits. The limiters run on the real clock, so tests look at the queue (a call
/// that waits is queued and not sent) rather than waiting a minute; one token test waits about a second.
/// </summary>
public sealed class RateLimitingChatClientTests
{
    private static readonly ChatMessage[] Prompt = [new(ChatRole.User, "Show.S01E02.mkv")];
    private static readonly TokenEstimator Estimator = new();

    private static RateLimitingChatClient Limited(IChatClient inner, int rpm, int tpm) => new(inner, BackendKind.OpenAI, rpm, tpm, Estimator);

    [Fact]
    public async Task With_two_requests_per_minute_the_third_call_is_queued_until_the_window_moves()
    {
        var inner = new ScriptedChatClient { DefaultText = "{}" };
        using var client = Limited(inner, rpm: 2, tpm: 0);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);

        await client.GetResponseAsync(Prompt, cancellationToken: cts.Token);
        await client.GetResponseAsync(Prompt, cancellationToken: cts.Token);
        var third = client.GetResponseAsync(Prompt, cancellationToken: cts.Token);
        await Task.Delay(200, TestContext.Current.CancellationToken);

        Assert.False(third.IsCompleted);
        Assert.Equal(1, client.RequestStatistics!.CurrentQueuedCount);
        Assert.Equal(2, inner.Calls.Count);

        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => third);
        Assert.Equal(0, client.RequestStatistics!.CurrentQueuedCount);
        Assert.Equal(2, inner.Calls.Count);
    }

    [Fact]
    public async Task Cancelling_a_queued_call_throws_OperationCanceledException_without_sending()
    {
        var inner = new ScriptedChatClient { DefaultText = "{}" };
        using var client = Limited(inner, rpm: 1, tpm: 0);
        await client.GetResponseAsync(Prompt, cancellationToken: TestContext.Current.CancellationToken);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cts.CancelAfter(100);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetResponseAsync(Prompt, cancellationToken: cts.Token));

        Assert.Single(inner.Calls);
    }

    [Fact]
    public async Task A_request_over_the_remaining_token_budget_waits_for_the_refill()
    {
        var inner = new ScriptedChatClient { DefaultText = "{}" };
        // 6000 a minute = 100 tokens each second. The first call leaves about 90; the second needs about 110.
        using var client = Limited(inner, rpm: 0, tpm: 6000);
        var token = TestContext.Current.CancellationToken;

        await client.GetResponseAsync(Prompt, new ChatOptions { MaxOutputTokens = 5900 }, token);
        var second = client.GetResponseAsync(Prompt, new ChatOptions { MaxOutputTokens = 100 }, token);

        Assert.False(second.IsCompleted);
        Assert.True(client.TokenStatistics!.CurrentQueuedCount > 0);
        Assert.Single(inner.Calls);

        await second.WaitAsync(TimeSpan.FromSeconds(5), token);
        Assert.Equal(2, inner.Calls.Count);
    }

    [Fact]
    public async Task Usage_above_the_estimate_is_charged_to_the_next_request()
    {
        var inner = new ScriptedChatClient();
        inner.Enqueue("{}", inputTokens: 900, outputTokens: 100);
        inner.Enqueue("{}", inputTokens: 5, outputTokens: 5);
        using var client = Limited(inner, rpm: 0, tpm: 100_000);
        var options = new ChatOptions { MaxOutputTokens = 50 };
        var estimate = Estimator.Estimate(Prompt, options);
        var token = TestContext.Current.CancellationToken;

        await client.GetResponseAsync(Prompt, options, token);
        Assert.Equal(1000 - estimate, client.PendingDebt);

        await client.GetResponseAsync(Prompt, options, token);
        Assert.Equal(0, client.PendingDebt);
    }

    [Fact]
    public async Task Zero_limits_are_unlimited()
    {
        var inner = new ScriptedChatClient { DefaultText = "{}" };
        using var client = Limited(inner, rpm: 0, tpm: 0);

        for (var i = 0; i < 50; i++)
        {
            await client.GetResponseAsync(Prompt, cancellationToken: TestContext.Current.CancellationToken);
        }

        Assert.Equal(50, inner.Calls.Count);
    }

    // The first, unqueued call must finish inside the attempt timeout even on a loaded machine (JIT of the whole
    // stack happens here), so the timeout is generous; the queued calls still time out, since a permit is a minute away.
    [Fact]
    public async Task An_attempt_timeout_spent_queued_for_a_permit_does_not_count_against_the_breaker()
    {
        var inner = new ScriptedChatClient { DefaultText = "{}" };
        var backend = new BackendOptions { Kind = BackendKind.OpenAI, Model = "m", ApiKey = "k" };
        var options = TestOptions.Fast(maxRetries: 0) with
        {
            AttemptTimeout = TimeSpan.FromSeconds(1),
            BreakerMinimumThroughput = 2,
            BreakerFailureRatio = 0.5,
            RequestsPerMinute = 1,
        };
        var client = BackendClientBuilder.Build(inner, backend, options, metrics: null);
        using var _ = client.Chat;
        var token = TestContext.Current.CancellationToken;

        await client.Chat.GetResponseAsync(Prompt, cancellationToken: token);
        for (var i = 0; i < 3; i++)
        {
            var ex = await Assert.ThrowsAsync<LlmBackendException>(() => client.Chat.GetResponseAsync(Prompt, cancellationToken: token));
            Assert.Null(ex.StatusCode);
        }

        Assert.Equal(CircuitState.Closed, client.Circuit());
        Assert.Single(inner.Calls);
    }
}
