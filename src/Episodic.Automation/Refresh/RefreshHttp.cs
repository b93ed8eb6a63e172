using System.Globalization;
using System.Net;
using Episodic.Core.Text;

namespace Episodic.Automation.Refresh;

/// <summary>
/// Sends one request to a media server and turns every way it can go wrong (unreachable, refused credential, an error
/// status, a timeout) into a <see cref="MediaServerException"/> whose message names the problem and the fix.
/// </summary>
internal static class RefreshHttp
{
    /// <summary>The response, successful; the caller disposes it.</summary>
    public static async Task<HttpResponseMessage> SendAsync(HttpClient http, HttpRequestMessage request, MediaServerEndpoint endpoint, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new MediaServerException($"no answer within {Seconds(endpoint.Timeout)}; raise [{MediaServerNames.Of(endpoint.Kind)}] timeout if the server is slow", ex);
        }
        catch (HttpRequestException ex)
        {
            throw new MediaServerException($"unreachable ({SafeUrl.Scrub(ex.InnerException?.Message ?? ex.Message)}); check [{MediaServerNames.Of(endpoint.Kind)}] url", ex);
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        var status = response.StatusCode;
        response.Dispose();
        throw new MediaServerException(status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
            ? $"{(int)status} {status}: the server refused the credential; check {CredentialKey(endpoint.Kind)}"
            : $"{(int)status} {status}");
    }

    /// <summary>The setting (and variable) holding the credential of a kind, for "check ..." hints.</summary>
    public static string CredentialKey(MediaServerKind kind) => kind switch
    {
        MediaServerKind.Plex => "[plex] token or PLEX_TOKEN",
        MediaServerKind.Jellyfin => "[jellyfin] api_key or JELLYFIN_API_KEY",
        MediaServerKind.Emby => "[emby] api_key or EMBY_API_KEY",
        _ => "[kodi] user and password",
    };

    private static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + "s";
}
