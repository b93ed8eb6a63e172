using System.Text.Json;

namespace Episodic.Llm.Providers;

/// <summary>Records status, Retry-After and the error message of failed responses into <see cref="HttpFailureCapture"/>.</summary>
internal sealed class FailureCapturingHandler : DelegatingHandler
{
    private const int MaxErrorBodyChars = 4096;

    public FailureCapturingHandler(HttpMessageHandler innerHandler)
        : base(innerHandler)
    {
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode && HttpFailureCapture.Current is { } capture)
        {
            capture.StatusCode = (int)response.StatusCode;
            capture.RetryAfter = RetryAfterParser.Parse(response.Headers.RetryAfter, DateTimeOffset.UtcNow);
            capture.ErrorMessage = await ReadErrorMessageAsync(response, cancellationToken);
        }

        return response;
    }

    private static async Task<string?> ReadErrorMessageAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            // Buffering lets the SDK still read the body after us.
            await response.Content.LoadIntoBufferAsync(cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            return ExtractMessage(body);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>
    /// The message from any of the three error shapes: OpenAI <c>{"error":{"message"}}</c>, Anthropic
    /// <c>{"type":"error","error":{"type","message"}}</c>, Ollama <c>{"error":"..."}</c>.
    /// </summary>
    internal static string? ExtractMessage(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            using var doc = JsonDocument.Parse(body);
            if (doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("error", out var error))
            {
                if (error.ValueKind == JsonValueKind.String)
                {
                    return error.GetString();
                }

                if (error.ValueKind == JsonValueKind.Object && error.TryGetProperty("message", out var message)
                    && message.ValueKind == JsonValueKind.String)
                {
                    return error.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String
                        ? $"{type.GetString()}: {message.GetString()}"
                        : message.GetString();
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON (a proxy's HTML page, say): fall through to the raw text.
        }

        return body.Length > MaxErrorBodyChars ? body[..MaxErrorBodyChars] : body;
    }
}
