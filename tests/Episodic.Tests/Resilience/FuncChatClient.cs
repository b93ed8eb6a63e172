using Microsoft.Extensions.AI;

namespace Episodic.Tests.Resilience;

/// <summary>An in-memory chat client whose every call runs a delegate (hangs, throws, counts); for timing tests.</summary>
internal sealed class FuncChatClient(Func<int, CancellationToken, Task<ChatResponse>> respond) : IChatClient
{
    private int calls;

    public int Calls => Volatile.Read(ref calls);

    public static ChatResponse Ok(string text = "{}") => new(new ChatMessage(ChatRole.Assistant, text));

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        respond(Interlocked.Increment(ref calls), cancellationToken);

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}
