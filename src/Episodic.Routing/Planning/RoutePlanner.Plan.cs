using Episodic.Core.Metadata;
using Episodic.Core.Model;
using Episodic.Core.Naming;
using Episodic.Routing.Journal;
using Episodic.Routing.Library;
using Microsoft.Extensions.Logging;

namespace Episodic.Routing.Planning;

/// <summary>The file-system side of planning: scan, parse, list library folders, plan. Reads only.</summary>
public static partial class RoutePlanner
{
    /// <summary>Plans with a synchronous parser (the rule parser).</summary>
    public static Task<RoutePlan> PlanAsync(IEnumerable<string> sourceRoots, RoutingOptions options, Func<string, EpisodeParse> parse, INamingAdvisor? llm = null, ILogger? logger = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return PlanAsync(sourceRoots, options, (names, _) => Task.FromResult<IReadOnlyList<EpisodeParse>>(names.Select(parse).ToList()), llm, logger, cancellationToken);
    }

    /// <summary>
    /// Scans <paramref name="sourceRoots"/> for videos (with sidecars), parses them in one batch (so the LLM
    /// pipeline can batch and cache) and plans each. Folders planned for new shows are reused by later files.
    /// </summary>
    public static async Task<RoutePlan> PlanAsync(
        IEnumerable<string> sourceRoots,
        RoutingOptions options,
        Func<IReadOnlyList<string>, CancellationToken, Task<IReadOnlyList<EpisodeParse>>> parseAll,
        INamingAdvisor? llm = null,
        ILogger? logger = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(parseAll);
        var roots = sourceRoots.ToList();
        var excluded = new List<Exclusion>();
        var files = SourceScanner.Scan(roots, logger, excluded, options.Include, options.SourceIsRelease);
        var parses = await parseAll(files.Select(f => f.ParseName).ToList(), cancellationToken).ConfigureAwait(false);
        var folders = new Dictionary<string, ShowFolderIndex>(StringComparer.Ordinal);
        var resolver = new ShowNameResolver(llm, options, logger);
        var planned = new HashSet<string>(StringComparer.Ordinal);
        var items = new List<RouteItem>(files.Count);
        for (var i = 0; i < files.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var item = await PlanOneAsync(files[i], parses[i], options, folders, resolver, planned, cancellationToken).ConfigureAwait(false);
            items.Add(item with { ReleaseFolder = files[i].ReleaseFolder });
        }

        return new RoutePlan(items)
        {
            Excluded = excluded,
            SourceRoots = roots.Select(r => Path.GetFullPath(r)).Select(r => File.Exists(r) ? Path.GetDirectoryName(r)! : r).Select(JournalScope.Normalise).Distinct(StringComparer.Ordinal).ToList(),
            LibraryRoot = JournalScope.Normalise(options.LibraryRoot),
            AnimeRoot = options.AnimeRoot is null ? null : JournalScope.Normalise(options.AnimeRoot),
        };
    }

    private static async Task<RouteItem> PlanOneAsync(ScannedFile file, EpisodeParse parse, RoutingOptions options, Dictionary<string, ShowFolderIndex> folders, ShowNameResolver resolver, HashSet<string> planned, CancellationToken cancellationToken)
    {
        if (Hold(parse, options) is { } skip)
        {
            return new RouteItem(file.FullPath, null, RouteAction.Skip, skip.Detail, parse) { Hold = skip };
        }

        Identification? metadata = null;
        var fallbackNote = "";
        if (options.Identifier is { } identifier)
        {
            metadata = await identifier.IdentifyAsync(parse, cancellationToken).ConfigureAwait(false);
            if (MetadataHold(metadata, options) is { } metadataSkip)
            {
                return new RouteItem(file.FullPath, null, RouteAction.Skip, metadataSkip.Detail, parse) { Metadata = metadata, Hold = metadataSkip };
            }

            if (!metadata.IsIdentified)
            {
                fallbackNote = $" (filed by its name: {metadata.Reason})";
            }
        }

        var anime = IsAnime(parse, file.FullPath);
        var root = Path.GetFullPath(anime ? options.AnimeRoot ?? options.LibraryRoot : options.LibraryRoot);
        if (!folders.TryGetValue(root, out var known))
        {
            known = new ShowFolderIndex(ListFolders(root));
            folders[root] = known;
        }

        var identified = metadata is { IsIdentified: true, Show: not null };
        var (folder, isNew, how) = identified
            ? MetadataFolder(metadata!.Show!, parse.ShowName, known, options)
            : await resolver.ResolveAsync(parse, root, known, cancellationToken).ConfigureAwait(false);
        if (isNew && !known.Contains(folder))
        {
            known.Add(folder);
        }

        var routed = identified ? AsIdentified(parse, metadata!) : parse;
        var target = Build(routed, file.FullPath, options, folder, isNew, identified ? metadata : null) with { Root = root, Anime = anime };
        var destination = target.FullPath;
        var sidecars = SidecarDestinations(file, destination);
        var described = identified ? DescribeIdentified(metadata!) : Describe(parse, target.Layout) + fallbackNote;
        var reason = $"{described} → {how}{(target.Anime ? " (anime root)" : "")}";
        if (string.Equals(Path.GetFullPath(file.FullPath), destination, StringComparison.Ordinal))
        {
            return new RouteItem(file.FullPath, destination, RouteAction.AlreadyDone, "already in place", parse) { Sidecars = sidecars, Target = target, Metadata = metadata };
        }

        if (!planned.Add(destination))
        {
            reason += "; another file in this plan has the same destination";
        }
        else if (File.Exists(destination))
        {
            reason += "; the destination exists (identical → kept once, different → conflict)";
        }

        return new RouteItem(file.FullPath, destination, RouteAction.Move, reason, parse) { Sidecars = sidecars, Target = target, Metadata = metadata };
    }

    /// <summary>Sidecar destinations beside the video's destination, keeping their language/flag suffixes.</summary>
    internal static IReadOnlyList<(string Source, string Destination)> SidecarDestinations(ScannedFile file, string videoDestination)
    {
        var oldStem = Path.GetFileNameWithoutExtension(file.FullPath);
        var newStem = Path.GetFileNameWithoutExtension(videoDestination);
        var dir = Path.GetDirectoryName(videoDestination)!;
        return file.Sidecars.Select(s => (s, Path.Join(dir, SourceScanner.SidecarName(Path.GetFileName(s), oldStem, newStem)))).ToList();
    }

    private static List<string> ListFolders(string root)
    {
        try
        {
            return Directory.Exists(root)
                ? Directory.GetDirectories(root).Select(Path.GetFileName).OfType<string>().Where(n => !n.StartsWith('.')).Order(StringComparer.Ordinal).ToList()
                : [];
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
        {
            return [];
        }
    }

    private static string Describe(EpisodeParse parse, RouteLayout layout) => layout switch
    {
        RouteLayout.Daily => $"daily {parse.AirDate:yyyy-MM-dd}",
        RouteLayout.Absolute => $"absolute {string.Join(',', parse.AbsoluteEpisodes.Count > 0 ? parse.AbsoluteEpisodes : parse.Episodes)}",
        _ => $"S{parse.Season ?? 0:00}E{string.Join("-E", parse.Episodes.Select(e => e.ToString("00", System.Globalization.CultureInfo.InvariantCulture)))}{(parse.Season is 0 || parse.Special ? " (special)" : "")}",
    };
}
