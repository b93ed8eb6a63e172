using Microsoft.Extensions.AI;

namespace Episodic.Tests.Fakes;

/// <summary>One call <see cref="ScriptedChatClient"/> received: the messages and a copy of the options.</summary>
public sealed record ScriptedCall(IReadOnlyList<ChatMessage> Messages, ChatOptions? Options)
{
    public string? SystemText => Messages.FirstOrDefault(m => m.Role == ChatRole.System)?.Text;

    public string? UserText => Messages.LastOrDefault(m => m.Role == ChatRole.User)?.Text;
}
