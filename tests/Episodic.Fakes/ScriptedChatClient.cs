using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace Episodic.Tests.Fakes;

/// <summary>
/// An in-memory <see cref="IChatClient"/> for service tests: answers with queued texts (or throws queued
/// exceptions) and records every call's messages and options. No HTTP.
/// </summary>
public sealed class ScriptedChatClient : IChatClient
{
    private readonly ConcurrentQueue<Func<ChatResponse>> script = new();
    private readonly ConcurrentQueue<ScriptedCall> calls = new();

    public ScriptedChatClient(params string[] texts)
    {
        Enqueue(texts);
    }

    /// <summary>Used when the script is empty; null = throw <see cref="InvalidOperationException"/>.</summary>
    public string? DefaultText { get; set; }

    public IReadOnlyList<ScriptedCall> Calls => [.. calls];

    public void Enqueue(params string[] texts)
    {
        foreach (var text in texts)
        {
            Enqueue(text, inputTokens: 10, outputTokens: 5);
        }
    }

    public void Enqueue(string text, long inputTokens, long outputTokens) =>
        script.Enqueue(() => Response(text, inputTokens, outputTokens));

    /// <summary>The next call throws this (e.g. an LlmBackendException).</summary>
    public void EnqueueException(Exception exception) => script.Enqueue(() => throw exception);

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        calls.Enqueue(new ScriptedCall([.. messages], options?.Clone()));
        if (script.TryDequeue(out var next))
        {
            return Task.FromResult(next());
        }

        return DefaultText is { } text
            ? Task.FromResult(Response(text, 10, 5))
            : throw new InvalidOperationException($"ScriptedChatClient has no reply for call {calls.Count}.");
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var response = await GetResponseAsync(messages, options, cancellationToken);
        foreach (var update in response.ToChatResponseUpdates())
        {
            yield return update;
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
    }

    private static ChatResponse Response(string text, long inputTokens, long outputTokens) =>
        new(new ChatMessage(ChatRole.Assistant, text))
        {
            FinishReason = ChatFinishReason.Stop,
            ModelId = "scripted",
            Usage = new UsageDetails
            {
                InputTokenCount = inputTokens,
                OutputTokenCount = outputTokens,
                TotalTokenCount = inputTokens + outputTokens,
            },
        };
}
