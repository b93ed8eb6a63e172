namespace Episodic.Tests.Fakes;

/// <summary>One scripted answer of a fake provider server: model text and usage, or an error, or a broken body.</summary>
public sealed record FakeReply
{
    /// <summary>The model's text (JSON, fenced JSON, a &lt;think&gt; block then JSON...).</summary>
    public string Content { get; init; } = "{}";

    public int InputTokens { get; init; } = 12;

    public int OutputTokens { get; init; } = 7;

    /// <summary>HTTP status; anything but 200 produces the provider's own error body.</summary>
    public int Status { get; init; } = 200;

    public string ErrorMessage { get; init; } = "scripted failure";

    /// <summary>Retry-After header value, verbatim ("7", or an HTTP date).</summary>
    public string? RetryAfter { get; init; }

    /// <summary>Sent as-is instead of a well-formed body (truncated or malformed JSON).</summary>
    public string? RawBody { get; init; }

    /// <summary>Wait before answering (timeouts).</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>Provider stop reason; null = the provider's normal "finished" value.</summary>
    public string? StopReason { get; init; }

    /// <summary>Anthropic only: answer with a tool_use block of this tool, whose input is <see cref="Content"/> (a JSON object).</summary>
    public string? ToolName { get; init; }

    public static FakeReply Text(string content, int inputTokens = 12, int outputTokens = 7) =>
        new() { Content = content, InputTokens = inputTokens, OutputTokens = outputTokens };

    public static FakeReply Error(int status, string message = "scripted failure", string? retryAfter = null) =>
        new() { Status = status, ErrorMessage = message, RetryAfter = retryAfter };

    public static FakeReply Malformed(string rawBody = """{"id":"x","choices":[{"mess""") => new() { RawBody = rawBody };

    public static FakeReply Delayed(TimeSpan delay, string content = "{}") => new() { Delay = delay, Content = content };

    public static FakeReply ToolUse(string toolName, string inputJson) => new() { ToolName = toolName, Content = inputJson };
}
