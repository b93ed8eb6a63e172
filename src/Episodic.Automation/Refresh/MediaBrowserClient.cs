using System.Net.Http.Json;

namespace Episodic.Automation.Refresh;

/// <summary>
/// Jellyfin and Emby (both descend from Media Browser): <c>POST /Library/Media/Updated</c> with every changed show
/// folder as a "Created" update, one call per library; the server answers 204 and scans just those folders.
/// </summary>
internal sealed class MediaBrowserClient(HttpClient http, MediaServerEndpoint endpoint)
{
    public async Task RefreshAsync(LibraryChange change, CancellationToken cancellationToken)
    {
        var body = new MediaUpdated([.. change.Folders.Select(f => new MediaUpdatePath(f, "Created"))]);
        using var request = new HttpRequestMessage(HttpMethod.Post, "Library/Media/Updated")
        {
            Content = JsonContent.Create(body, RefreshJsonContext.Default.MediaUpdated),
        };
        using var response = await RefreshHttp.SendAsync(http, request, endpoint, cancellationToken).ConfigureAwait(false);
    }
}
