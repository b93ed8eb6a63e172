using Episodic.Llm.Providers;
using Episodic.Llm.Resilience;
using Episodic.Tests.Fakes;
using Microsoft.Extensions.AI;
using Xunit;

namespace Episodic.Tests.Resilience;

public sealed class BackendClientBuilderTests
{
    private static readonly BackendOptions Backend = new() { Kind = BackendKind.Anthropic, Model = "claude-x", ApiKey = "k" };

    [Fact]
    public void Layers_are_resilience_outside_rate_limiting_outside_the_provider()
    {
        var provider = new ScriptedChatClient();
        var client = BackendClientBuilder.Build(provider, Backend, new ResilienceOptions { RequestsPerMinute = 10 }, metrics: null);

        // GetService walks down the layers from the outermost, so this also checks the order.
        var resilient = Assert.IsType<ResilientChatClient>(client.Chat);
        var limiter = resilient.GetService<RateLimitingChatClient>();
        Assert.NotNull(limiter);
        Assert.Null(limiter.GetService<ResilientChatClient>());
        Assert.Same(provider, limiter.GetService<ScriptedChatClient>());
        Assert.Equal(BackendKind.Anthropic, client.Kind);
        Assert.Equal("anthropic:claude-x", client.Name);
        Assert.Equal(CircuitState.Closed, client.Circuit());
    }

    [Fact]
    public void Without_limits_there_is_no_rate_limiting_layer()
    {
        var provider = new ScriptedChatClient();
        var client = BackendClientBuilder.Build(provider, Backend, new ResilienceOptions(), metrics: null);

        var resilient = Assert.IsType<ResilientChatClient>(client.Chat);
        Assert.Null(resilient.GetService<RateLimitingChatClient>());
        Assert.Same(provider, resilient.GetService<ScriptedChatClient>());
    }

    [Fact]
    public void Feature_switches_off_leave_no_resilience_or_rate_limiting_layer()
    {
        var provider = new ScriptedChatClient();
        var options = new ResilienceOptions { RequestsPerMinute = 10, TokensPerMinute = 1000, ResilienceEnabled = false, RateLimitEnabled = false };

        var client = BackendClientBuilder.Build(provider, Backend, options, metrics: null);

        Assert.Null(client.Chat.GetService<ResilientChatClient>());
        Assert.Null(client.Chat.GetService<RateLimitingChatClient>());
        Assert.Same(provider, client.Chat.GetService<ScriptedChatClient>());
        Assert.Equal(CircuitState.Closed, client.Circuit());
    }
}
