namespace Episodic.Tests.Fakes;

/// <summary>
/// Jellyfin (12) or Emby on 127.0.0.1: <c>POST /Library/Media/Updated</c> answered 204. Jellyfin 12 accepts only
/// <c>Authorization: MediaBrowser Token="..."</c> (the legacy X-Emby-Token is refused); Emby takes <c>X-Emby-Token</c>
/// (or <c>api_key</c> in the query). A refused key is 401 with the server's text body.
/// </summary>
public sealed class FakeJellyfinServer(string apiKey, bool emby = false) : FakeMediaServer
{
    protected override MediaReply Answer(MediaRequest request)
    {
        var authorized = emby
            ? (request.Header("X-Emby-Token") ?? request.Query.GetValueOrDefault("api_key")) == apiKey
            : request.Header("Authorization") == $"MediaBrowser Token=\"{apiKey}\"";
        if (!authorized)
        {
            return ErrorReply(401);
        }

        // Emby serves its API under /emby as well as at the root.
        var path = emby && request.Path.StartsWith("/emby/", StringComparison.OrdinalIgnoreCase) ? request.Path[5..] : request.Path;
        return request.Method == "POST" && path.Equals("/Library/Media/Updated", StringComparison.OrdinalIgnoreCase)
            ? new MediaReply(204)
            : ErrorReply(404);
    }

    protected override MediaReply ErrorReply(int status) => status == 401
        ? new MediaReply(401, "text/plain", emby ? "Access token is invalid or expired." : "")
        : new MediaReply(status);
}
