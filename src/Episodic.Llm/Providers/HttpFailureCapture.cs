namespace Episodic.Llm.Providers;

/// <summary>
/// The last failed HTTP response seen during one chat call: status, Retry-After and the provider's error message.
/// The SDKs disagree on what their exceptions expose (Anthropic hides the headers, OllamaSharp the status), so
/// <see cref="FailureCapturingHandler"/> records it on the wire and <see cref="ErrorTranslatingChatClient"/> reads it.
/// </summary>
internal sealed class HttpFailureCapture
{
    // A per-call box reached through the execution context: the handler runs deep inside the SDK, below any API
    // we could pass it through. The box is a reference, so writes made below are visible to the caller above.
    private static readonly AsyncLocal<HttpFailureCapture?> CurrentCapture = new();

    public static HttpFailureCapture? Current => CurrentCapture.Value;

    public int? StatusCode { get; set; }

    public TimeSpan? RetryAfter { get; set; }

    /// <summary>The provider's own error message (from its error body), not yet redacted.</summary>
    public string? ErrorMessage { get; set; }

    /// <summary>Starts a capture for the calling async flow; it ends when that async method returns.</summary>
    public static HttpFailureCapture Begin()
    {
        var capture = new HttpFailureCapture();
        CurrentCapture.Value = capture;
        return capture;
    }
}
