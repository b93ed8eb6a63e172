using Episodic.Llm.Providers;
using Episodic.Tests.Fakes;
using Microsoft.Extensions.AI;
using Xunit;

namespace Episodic.Tests.Providers;

public sealed class ScriptedChatClientTests
{
    [Fact]
    public async Task Answers_in_order_records_calls_then_throws_queued_exceptions()
    {
        using var client = new ScriptedChatClient("one", "two");
        client.EnqueueException(new LlmBackendException(BackendKind.OpenAI, 500, null, "boom"));
        var ct = TestContext.Current.CancellationToken;

        var first = await client.GetResponseAsync([new(ChatRole.System, "sys"), new(ChatRole.User, "hi")], new ChatOptions { MaxOutputTokens = 9 }, ct);
        var second = await client.GetResponseAsync("again", cancellationToken: ct);
        await Assert.ThrowsAsync<LlmBackendException>(() => client.GetResponseAsync("third", cancellationToken: ct));

        Assert.Equal("one", first.Text);
        Assert.Equal(10, first.Usage?.InputTokenCount);
        Assert.Equal("two", second.Text);
        Assert.Equal(3, client.Calls.Count);
        Assert.Equal("sys", client.Calls[0].SystemText);
        Assert.Equal("hi", client.Calls[0].UserText);
        Assert.Equal(9, client.Calls[0].Options?.MaxOutputTokens);
        await Assert.ThrowsAsync<InvalidOperationException>(() => client.GetResponseAsync("empty", cancellationToken: ct));
    }
}
