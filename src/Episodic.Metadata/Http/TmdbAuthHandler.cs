using System.Net.Http.Headers;

namespace Episodic.Metadata.Http;

/// <summary>
/// Adds the TMDB credential at the last moment, so nothing above the handler (cache keys, error messages, logs of
/// the request path) ever holds it: a v4 read token (a JWT, "eyJ...") goes in <c>Authorization: Bearer</c>, a v3 key
/// in the <c>api_key</c> query parameter.
/// </summary>
internal sealed class TmdbAuthHandler(string? apiKey) : DelegatingHandler
{
    /// <summary>A v4 read access token is a JWT; v3 keys are 32 hex digits.</summary>
    public static bool IsBearerToken(string key) => key.StartsWith("eyJ", StringComparison.Ordinal) && key.Count(c => c == '.') == 2;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (apiKey is { Length: > 0 } key && request.RequestUri is { } uri)
        {
            if (IsBearerToken(key))
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
            }
            else
            {
                var separator = string.IsNullOrEmpty(uri.Query) ? "?" : "&";
                request.RequestUri = new Uri(uri.AbsoluteUri + separator + "api_key=" + Uri.EscapeDataString(key));
            }
        }

        return base.SendAsync(request, cancellationToken);
    }
}
