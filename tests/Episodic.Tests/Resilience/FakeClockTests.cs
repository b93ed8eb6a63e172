using Episodic.Llm.Providers;
using Episodic.Llm.Resilience;
using Microsoft.Extensions.AI;
using Xunit;

namespace Episodic.Tests.Resilience;

/// <summary>Delays and breaks measured on a <see cref="Microsoft.Extensions.Time.Testing.FakeTimeProvider"/>: exact, and without sleeping.</summary>
public sealed class FakeClockTests
{
    private static readonly ChatMessage[] Prompt = [new(ChatRole.User, "Show.S01E02.mkv")];

    [Fact]
    public async Task The_retry_waits_exactly_the_servers_Retry_After()
    {
        var clock = new RecordingTimeProvider();
        var inner = new FuncChatClient((call, _) => call == 1
            ? throw new LlmBackendException(BackendKind.OpenAI, 429, TimeSpan.FromSeconds(20), "slow down")
            : Task.FromResult(FuncChatClient.Ok("after")));
        var options = TestOptions.Fast() with { MaxDelay = TimeSpan.FromSeconds(30), TotalTimeout = TimeSpan.FromMinutes(2) };
        using var client = new ResilientChatClient(inner, BackendKind.OpenAI, options, timeProvider: clock);

        var call = client.GetResponseAsync(Prompt, cancellationToken: TestContext.Current.CancellationToken);
        await WaitUntil(() => clock.Scheduled.Contains(TimeSpan.FromSeconds(20)));

        clock.Advance(TimeSpan.FromSeconds(19.9));
        await Task.Delay(50, TestContext.Current.CancellationToken);
        Assert.False(call.IsCompleted);
        Assert.Equal(1, inner.Calls);

        clock.Advance(TimeSpan.FromSeconds(0.1));
        var response = await call.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        Assert.Equal("after", response.Text);
        Assert.Equal(2, inner.Calls);
    }

    [Fact]
    public async Task The_circuit_reports_half_open_once_the_break_has_passed()
    {
        var clock = new RecordingTimeProvider();
        var inner = new FuncChatClient((_, _) => throw new LlmBackendException(BackendKind.Ollama, 503, null, "down"));
        var options = TestOptions.Fast(maxRetries: 0) with
        {
            BreakerMinimumThroughput = 2,
            BreakerFailureRatio = 0.5,
            BreakerBreak = TimeSpan.FromMinutes(1),
        };
        using var client = new ResilientChatClient(inner, BackendKind.Ollama, options, timeProvider: clock);

        for (var i = 0; i < 2; i++)
        {
            await Assert.ThrowsAsync<LlmBackendException>(() => client.GetResponseAsync(Prompt, cancellationToken: TestContext.Current.CancellationToken));
        }

        Assert.Equal(CircuitState.Open, client.State);
        clock.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(CircuitState.Open, client.State);
        await Assert.ThrowsAsync<BackendUnavailableException>(() => client.GetResponseAsync(Prompt, cancellationToken: TestContext.Current.CancellationToken));

        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(CircuitState.HalfOpen, client.State);
        await Assert.ThrowsAsync<LlmBackendException>(() => client.GetResponseAsync(Prompt, cancellationToken: TestContext.Current.CancellationToken));
        Assert.Equal(CircuitState.Open, client.State);
        Assert.Equal(3, inner.Calls);
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++)
        {
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }

        Assert.True(condition(), "condition not reached within 5 s");
    }
}
