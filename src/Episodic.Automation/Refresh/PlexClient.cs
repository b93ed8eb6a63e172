using System.Net.Http.Json;
using System.Text.Json;

namespace Episodic.Automation.Refresh;

/// <summary>
/// Plex Media Server: finds the library section whose folder holds the changed path (<c>GET /library/sections</c>,
/// asked for JSON) and asks it for a partial scan of that path (<c>GET /library/sections/{key}/refresh?path=</c>).
/// The token travels in the <c>X-Plex-Token</c> header, never in the URL, so it stays out of proxies' logs.
/// </summary>
internal sealed class PlexClient(HttpClient http, MediaServerEndpoint endpoint)
{
    private List<PlexSection>? _sections;

    public async Task RefreshAsync(LibraryChange change, CancellationToken cancellationToken)
    {
        var sections = _sections ??= await SectionsAsync(cancellationToken).ConfigureAwait(false);
        var path = change.ScanPath;
        var holding = sections
            .SelectMany(s => (s.Location ?? []).Where(l => l.Path is { Length: > 0 } p && LibraryChange.Holds(Path.TrimEndingDirectorySeparator(p), path)).Select(l => (Section: s, Length: l.Path!.Length)))
            .OrderByDescending(x => x.Length)
            .Select(x => x.Section)
            .FirstOrDefault();
        if (holding?.Key is not { Length: > 0 } key)
        {
            throw new MediaServerException($"no Plex library section holds '{path}'; add the folder to a Plex library (Plex must see it under the same path)");
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, $"library/sections/{Uri.EscapeDataString(key)}/refresh?path={Uri.EscapeDataString(path)}");
        using var response = await RefreshHttp.SendAsync(http, request, endpoint, cancellationToken).ConfigureAwait(false);
    }

    private async Task<List<PlexSection>> SectionsAsync(CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "library/sections");
        using var response = await RefreshHttp.SendAsync(http, request, endpoint, cancellationToken).ConfigureAwait(false);
        try
        {
            var body = await response.Content.ReadFromJsonAsync(RefreshJsonContext.Default.PlexSections, cancellationToken).ConfigureAwait(false);
            return body?.MediaContainer is { } container ? container.Directory ?? [] : throw new MediaServerException("the answer to /library/sections is not Plex's section list; is [plex] url a Plex server?");
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException)
        {
            throw new MediaServerException("the answer to /library/sections is not Plex's section list; is [plex] url a Plex server?", ex);
        }
    }
}
