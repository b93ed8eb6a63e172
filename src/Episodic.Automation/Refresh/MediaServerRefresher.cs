using System.Net.Http.Headers;
using System.Text;
using Episodic.Core.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Episodic.Automation.Refresh;

/// <summary>What a refresh did: calls a server took, and servers that failed (each warned about once).</summary>
public sealed record RefreshReport(int Calls, int FailedServers);

/// <summary>
/// Asks every configured media server to rescan what a run changed: one call per changed library per server. Called
/// after the files are safe (by <c>route --apply</c>, and by hooks and <c>review accept</c>); a server that fails is
/// warned about once (<see cref="RefreshLog.Failed"/>) and not asked again in this call, and nothing it says can touch
/// the files or the run's exit code. HTTP goes through IHttpClientFactory, one named client per server with its
/// credential header and timeout.
/// </summary>
public sealed class MediaServerRefresher : IDisposable
{
    private readonly ServiceProvider _services;
    private readonly IReadOnlyList<MediaServerEndpoint> _endpoints;
    private readonly ILogger _logger;

    private MediaServerRefresher(ServiceProvider services, IReadOnlyList<MediaServerEndpoint> endpoints, ILogger logger)
    {
        _services = services;
        _endpoints = endpoints;
        _logger = logger;
    }

    /// <summary>No server is configured: a refresh does nothing.</summary>
    public bool IsEmpty => _endpoints.Count == 0;

    /// <summary>The stack for <paramref name="endpoints"/> (from <see cref="MediaServerConfiguration.Read"/>).</summary>
    public static MediaServerRefresher Create(IReadOnlyList<MediaServerEndpoint> endpoints, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var services = new ServiceCollection();
        foreach (var endpoint in endpoints)
        {
            services.AddHttpClient(MediaServerNames.Of(endpoint.Kind), http => Prepare(http, endpoint));
        }

        return new MediaServerRefresher(services.BuildServiceProvider(), endpoints, logger ?? NullLogger.Instance);
    }

    /// <summary>
    /// Asks each server to rescan the show folders holding <paramref name="changedPaths"/> (files a run put in the
    /// library), grouped by the library root among <paramref name="libraryRoots"/> that holds them. Never throws for
    /// server trouble; cancellation stops it.
    /// </summary>
    public async Task<RefreshReport> RefreshAsync(IEnumerable<string> libraryRoots, IEnumerable<string> changedPaths, CancellationToken cancellationToken = default)
    {
        var changes = LibraryChange.Of(libraryRoots, changedPaths);
        if (changes.Count == 0 || IsEmpty)
        {
            return new RefreshReport(0, 0);
        }

        var factory = _services.GetRequiredService<IHttpClientFactory>();
        var (calls, failed) = (0, 0);
        foreach (var endpoint in _endpoints)
        {
            var name = MediaServerNames.Of(endpoint.Kind);
            var http = factory.CreateClient(name);
            Func<LibraryChange, CancellationToken, Task> refresh = endpoint.Kind switch
            {
                MediaServerKind.Plex => new PlexClient(http, endpoint).RefreshAsync,
                MediaServerKind.Kodi => new KodiClient(http, endpoint).RefreshAsync,
                _ => new MediaBrowserClient(http, endpoint).RefreshAsync,
            };
            try
            {
                foreach (var change in changes)
                {
                    await refresh(change, cancellationToken).ConfigureAwait(false);
                    calls++;
                    RefreshLog.Asked(_logger, name, change.ScanPath);
                }
            }
            catch (MediaServerException ex)
            {
                failed++;
                var where = SafeUrl.Of(endpoint.Url);
                RefreshLog.Failed(_logger, name, where, ex.Message);
            }
        }

        return new RefreshReport(calls, failed);
    }

    public void Dispose() => _services.Dispose();

    private static void Prepare(HttpClient http, MediaServerEndpoint endpoint)
    {
        http.BaseAddress = endpoint.Url;
        http.Timeout = endpoint.Timeout;
        http.DefaultRequestHeaders.UserAgent.ParseAdd("Episodic/0.1");
        http.DefaultRequestHeaders.Accept.ParseAdd("application/json");
        switch (endpoint.Kind)
        {
            case MediaServerKind.Plex when endpoint.Token is { } token:
                http.DefaultRequestHeaders.Add("X-Plex-Token", token);
                break;

            // Jellyfin 12 reads only the standard Authorization header with its MediaBrowser scheme (X-Emby-Token is gone).
            case MediaServerKind.Jellyfin when endpoint.Token is { } token:
                http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("MediaBrowser", $"Token=\"{token}\"");
                break;
            case MediaServerKind.Emby when endpoint.Token is { } token:
                http.DefaultRequestHeaders.Add("X-Emby-Token", token);
                break;
            case MediaServerKind.Kodi when endpoint.User is { } user:
                http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{endpoint.Password}")));
                break;
        }
    }
}
