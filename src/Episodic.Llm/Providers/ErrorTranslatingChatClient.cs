using System.ClientModel;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Anthropic.Exceptions;
using Episodic.Core.Text;
using Microsoft.Extensions.AI;
using OllamaSharp.Models.Exceptions;

namespace Episodic.Llm.Providers;

/// <summary>
/// Turns every SDK's failure into one <see cref="LlmBackendException"/> with status and Retry-After, so retry
/// policies and callers never see OpenAI, Anthropic or OllamaSharp exception types. Messages are redacted: the API
/// key never appears, even when a provider echoes it back.
/// </summary>
internal sealed class ErrorTranslatingChatClient : DelegatingChatClient
{
    private const int MaxMessageChars = 500;

    private readonly BackendKind backend;
    private readonly string? apiKey;
    private readonly TimeSpan timeout;

    public ErrorTranslatingChatClient(IChatClient innerClient, BackendKind backend, string? apiKey, TimeSpan timeout)
        : base(innerClient)
    {
        this.backend = backend;
        this.apiKey = apiKey;
        this.timeout = timeout;
    }

    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var capture = HttpFailureCapture.Begin();
        try
        {
            return await base.GetResponseAsync(messages, options, cancellationToken);
        }
        catch (Exception ex) when (ShouldTranslate(ex, cancellationToken))
        {
            throw Translate(ex, capture);
        }
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var capture = HttpFailureCapture.Begin();
        await using var updates = base.GetStreamingResponseAsync(messages, options, cancellationToken).GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            ChatResponseUpdate update;
            try
            {
                if (!await updates.MoveNextAsync())
                {
                    yield break;
                }

                update = updates.Current;
            }
            catch (Exception ex) when (ShouldTranslate(ex, cancellationToken))
            {
                throw Translate(ex, capture);
            }

            yield return update;
        }
    }

    // The caller's own cancellation stays an OperationCanceledException; argument bugs stay as they are.
    private static bool ShouldTranslate(Exception ex, CancellationToken cancellationToken) =>
        ex is not LlmBackendException and not ArgumentException and not NotSupportedException
        && !(ex is OperationCanceledException && cancellationToken.IsCancellationRequested);

    internal LlmBackendException Translate(Exception ex, HttpFailureCapture capture)
    {
        var status = capture.StatusCode ?? StatusFrom(ex);
        var retryAfter = capture.RetryAfter ?? RetryAfterFrom(ex);
        string what;
        if (IsTimeout(ex))
        {
            status = null;
            what = $"timed out after {timeout.TotalSeconds:0.###} s";
        }
        else if (status is { } code)
        {
            what = $"HTTP {code}" + (capture.ErrorMessage is { } apiMessage ? $": {apiMessage}" : "");
        }
        else if (IsMalformedBody(ex))
        {
            what = "malformed response body";
        }
        else
        {
            what = $"{ex.GetType().Name}: {ex.Message}";
        }

        // The SDK exception stays attached for diagnostics unless its messages echo the key (ToString would leak it).
        var inner = LeaksKey(ex) ? null : ex;
        return new LlmBackendException(backend, status, retryAfter, Redact($"{backend} request failed: {what}"), inner);
    }

    private bool LeaksKey(Exception ex)
    {
        if (string.IsNullOrEmpty(apiKey))
        {
            return false;
        }

        for (Exception? current = ex; current is not null; current = current.InnerException)
        {
            if (current.Message.Contains(apiKey, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static int? StatusFrom(Exception ex) => ex switch
    {
        ClientResultException { Status: > 0 } openAi => openAi.Status,
        AnthropicApiException anthropic => (int)anthropic.StatusCode,
        HttpRequestException { StatusCode: { } status } => (int)status,
        _ => null,
    };

    private static TimeSpan? RetryAfterFrom(Exception ex) =>
        ex is ClientResultException openAi && openAi.GetRawResponse() is { } raw && raw.Headers.TryGetValue("Retry-After", out var value)
            ? RetryAfterParser.Parse(value, DateTimeOffset.UtcNow)
            : null;

    private static bool IsTimeout(Exception ex) =>
        ex is TimeoutException or OperationCanceledException || ex.InnerException is TimeoutException;

    private static bool IsMalformedBody(Exception ex) =>
        ex is JsonException or AnthropicInvalidDataException or ResponseError || ex.InnerException is JsonException;

    private string Redact(string message)
    {
        if (!string.IsNullOrEmpty(apiKey))
        {
            message = message.Replace(apiKey, Secrets.Mask(apiKey), StringComparison.Ordinal);
        }

        // SDK messages can quote the request URL, with whatever user:password@ or ?api-key= the endpoint carries.
        message = SafeUrl.Scrub(message);
        return message.Length > MaxMessageChars ? message[..MaxMessageChars] + "..." : message;
    }
}
