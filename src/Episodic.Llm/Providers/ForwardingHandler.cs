namespace Episodic.Llm.Providers;

/// <summary>
/// Sends through a caller-supplied <see cref="HttpClient"/>, so our own handlers can sit in front of a client we
/// did not build (an HttpClient cannot be given extra handlers after construction).
/// </summary>
internal sealed class ForwardingHandler(HttpClient target) : HttpMessageHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // HttpClient refuses a request another HttpClient already sent, so the target gets a copy (same content).
        using var copy = new HttpRequestMessage(request.Method, request.RequestUri)
        {
            Content = request.Content,
            Version = request.Version,
            VersionPolicy = request.VersionPolicy,
        };
        foreach (var header in request.Headers)
        {
            copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        foreach (var option in request.Options)
        {
            copy.Options.TryAdd(option.Key, option.Value);
        }

        var response = await target.SendAsync(copy, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        response.RequestMessage = request;
        return response;
    }
}
