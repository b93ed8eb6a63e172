using System.Net.Http.Json;
using System.Text.Json;

namespace Episodic.Automation.Refresh;

/// <summary>
/// Kodi's JSON-RPC 2.0 web interface: <c>POST /jsonrpc</c> with <c>VideoLibrary.Scan</c> for the changed folder (basic
/// auth when Kodi asks for it). Kodi answers <c>"result": "OK"</c>; anything else is a failed refresh.
/// </summary>
internal sealed class KodiClient(HttpClient http, MediaServerEndpoint endpoint)
{
    public async Task RefreshAsync(LibraryChange change, CancellationToken cancellationToken)
    {
        var directory = Path.EndsInDirectorySeparator(change.ScanPath) ? change.ScanPath : change.ScanPath + Path.DirectorySeparatorChar;
        using var request = new HttpRequestMessage(HttpMethod.Post, "jsonrpc")
        {
            Content = JsonContent.Create(new KodiRequest("2.0", "VideoLibrary.Scan", new KodiScanParams(directory), 1), RefreshJsonContext.Default.KodiRequest),
        };
        using var response = await RefreshHttp.SendAsync(http, request, endpoint, cancellationToken).ConfigureAwait(false);
        KodiResponse? answer;
        try
        {
            answer = await response.Content.ReadFromJsonAsync(RefreshJsonContext.Default.KodiResponse, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException)
        {
            throw new MediaServerException("the answer is not Kodi JSON-RPC; is [kodi] url Kodi's web interface (Settings → Services → Control)?", ex);
        }

        if (answer?.Error is { } error)
        {
            throw new MediaServerException($"Kodi refused VideoLibrary.Scan ({error.Code}: {error.Message})");
        }

        if (!string.Equals(answer?.Result, "OK", StringComparison.Ordinal))
        {
            throw new MediaServerException("the answer is not Kodi JSON-RPC; is [kodi] url Kodi's web interface (Settings → Services → Control)?");
        }
    }
}
