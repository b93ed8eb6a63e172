using System.CommandLine;
using Episodic.Automation.Refresh;
using Episodic.Routing.Reporting;
using Microsoft.Extensions.Configuration;

namespace Episodic.Cli;

/// <summary>
/// <c>route --apply</c>'s media-server refresh: the <c>--no-refresh</c> option, the <c>[plex]</c>/<c>[jellyfin]</c>/
/// <c>[emby]</c>/<c>[kodi]</c> sections read before anything moves (a bad value is exit 3, the files untouched), and the
/// call after the run, which can only warn: the exit code is the run's.
/// </summary>
internal static class MediaRefresh
{
    public static Option<bool> NoRefreshOption() => new("--no-refresh")
    {
        Description = "Do not ask the media servers of [plex], [jellyfin], [emby] and [kodi] to rescan what --apply changed.",
    };

    /// <summary>The configured servers (none with --no-refresh); false after writing every problem, one line each.</summary>
    public static bool TryRead(IConfiguration configuration, CliContext context, bool skip, out IReadOnlyList<MediaServerEndpoint> endpoints)
    {
        endpoints = [];
        if (skip)
        {
            return true;
        }

        var (read, problems) = MediaServerConfiguration.Read(configuration);
        foreach (var problem in problems)
        {
            context.Error(problem);
        }

        endpoints = read;
        return problems.Count == 0;
    }

    /// <summary>Asks each server to rescan the libraries the run changed; warnings go to stderr, never an error.</summary>
    public static async Task RunAsync(CliContext context, IReadOnlyList<MediaServerEndpoint> endpoints, IEnumerable<string> libraryRoots, RouteSummary summary, CancellationToken cancellationToken)
    {
        var changed = summary.Filed.Where(f => f.Changed).Select(f => f.Destination).ToList();
        if (endpoints.Count == 0 || changed.Count == 0 || summary.Interrupted)
        {
            return;
        }

        using var refresher = MediaServerRefresher.Create(endpoints, new CliLogger(context));
        try
        {
            await refresher.RefreshAsync(libraryRoots, changed, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            context.Error("media-server refresh interrupted; the files are filed");
        }
    }
}
