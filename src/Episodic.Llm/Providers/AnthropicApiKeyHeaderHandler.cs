namespace Episodic.Llm.Providers;

/// <summary>
/// Anthropic SDK 13.x sends an API key as "Authorization: Bearer &lt;key&gt;" (observed on the wire), while the
/// Messages API documents "x-api-key" for API keys and reserves Bearer for OAuth tokens. We move the key to
/// "x-api-key" so a plain API key works against the real endpoint; the SDK's "anthropic-version" header is kept.
/// </summary>
internal sealed class AnthropicApiKeyHeaderHandler(HttpMessageHandler innerHandler, string apiKey) : DelegatingHandler(innerHandler)
{
    public const string ApiKeyHeader = "x-api-key";

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Headers.Authorization is { Scheme: "Bearer" } auth && auth.Parameter == apiKey)
        {
            request.Headers.Authorization = null;
            request.Headers.Remove(ApiKeyHeader);
            request.Headers.TryAddWithoutValidation(ApiKeyHeader, apiKey);
        }

        return base.SendAsync(request, cancellationToken);
    }
}
