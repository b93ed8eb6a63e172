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
        var unmatched = new List<string>();
        var files = SourceScanner.Scan(roots, logger, excluded, options.Include, options.SourceIsRelease, unmatched);
        var parses = await parseAll(files.Select(f => f.ParseName).ToList(), cancellationToken).ConfigureAwait(false);
        var folders = new Dictionary<string, ShowFolderIndex>(StringComparer.Ordinal);
        var resolver = new ShowNameResolver(llm, options, logger);
        var planned = new HashSet<string>(StringComparer.Ordinal);
        var prepared = new List<(RouteItem? Done, Pending? Pending)>(files.Count);
        for (var i = 0; i < files.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            prepared.Add(await PrepareAsync(files[i], parses[i], options, cancellationToken).ConfigureAwait(false));
        }

        // Every show's root is decided before any file is placed, from all of the run's episodes of it (ShowRoots).
        var showRoots = DecideRoots(prepared.Select(p => p.Pending).OfType<Pending>(), options, folders);
        var items = new List<RouteItem>(files.Count);
        for (var i = 0; i < files.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var item = prepared[i].Done ?? await PlaceAsync(prepared[i].Pending!, options, folders, showRoots, resolver, planned, cancellationToken).ConfigureAwait(false);
            items.Add(item with { ReleaseFolder = files[i].ReleaseFolder });
        }

        return new RoutePlan(items)
        {
            Excluded = excluded,
            UnmatchedSubtitles = unmatched,
            SourceRoots = roots.Select(r => Path.GetFullPath(r)).Select(r => File.Exists(r) ? Path.GetDirectoryName(r)! : r).Select(JournalScope.Normalise).Distinct(StringComparer.Ordinal).ToList(),
            LibraryRoot = JournalScope.Normalise(options.LibraryRoot),
            AnimeRoot = options.AnimeRoot is null ? null : JournalScope.Normalise(options.AnimeRoot),
        };
    }

    /// <summary>A file that may be filed, identified (when metadata is used) and waiting for its show's root to be decided.</summary>
    private sealed record Pending(ScannedFile File, EpisodeParse Parse, Identification? Metadata, string FallbackNote)
    {
        public bool Identified => Metadata is { IsIdentified: true, Show: not null };
    }

    /// <summary>The skip item of a file that is not filed, or the file identified and ready to be placed.</summary>
    private static async Task<(RouteItem? Done, Pending? Pending)> PrepareAsync(ScannedFile file, EpisodeParse parse, RoutingOptions options, CancellationToken cancellationToken)
    {
        if (Hold(parse, options) is { } skip)
        {
            return (new RouteItem(file.FullPath, null, RouteAction.Skip, skip.Detail, parse) { Hold = skip }, null);
        }

        Identification? metadata = null;
        var fallbackNote = "";
        if (options.Identifier is { } identifier)
        {
            metadata = await identifier.IdentifyAsync(parse, cancellationToken).ConfigureAwait(false);
            if (MetadataHold(metadata, options) is { } metadataSkip)
            {
                return (new RouteItem(file.FullPath, null, RouteAction.Skip, metadataSkip.Detail, parse) { Metadata = metadata, Hold = metadataSkip }, null);
            }

            if (!metadata.IsIdentified)
            {
                fallbackNote = $" (filed by its name: {metadata.Reason})";
            }
        }

        return (null, new Pending(file, parse, metadata, fallbackNote));
    }

    /// <summary>
    /// Each show's root (<see cref="ShowRoots"/>), when there is a separate anime root: its existing folder in either
    /// root (matched as placing matches it), else where most of the run's episodes of it read.
    /// </summary>
    private static Dictionary<string, RootChoice> DecideRoots(IEnumerable<Pending> pending, RoutingOptions options, Dictionary<string, ShowFolderIndex> folders)
    {
        var tvRoot = Path.GetFullPath(options.LibraryRoot);
        if (options.AnimeRoot is null || string.Equals(Path.GetFullPath(options.AnimeRoot), tvRoot, StringComparison.Ordinal))
        {
            return [];
        }

        var tv = IndexOf(tvRoot, folders);
        var anime = IndexOf(Path.GetFullPath(options.AnimeRoot), folders);
        return ShowRoots.Decide(pending.Select(p => new RootVote(
            ShowRoots.KeyOf(p.Parse, p.Metadata),
            IsAnime(p.Parse, p.File.FullPath),
            HasFolder(p, tv, options),
            HasFolder(p, anime, options))));
    }

    private static bool HasFolder(Pending p, ShowFolderIndex index, RoutingOptions options) =>
        p.Identified ? !MetadataFolder(p.Metadata!.Show!, p.Parse.ShowName, index, options).IsNew : index.Match(p.Parse.ShowName!, p.Parse.Year) is not null;

    private static ShowFolderIndex IndexOf(string root, Dictionary<string, ShowFolderIndex> folders)
    {
        if (!folders.TryGetValue(root, out var known))
        {
            known = new ShowFolderIndex(ListFolders(root));
            folders[root] = known;
        }

        return known;
    }

    private static async Task<RouteItem> PlaceAsync(Pending pending, RoutingOptions options, Dictionary<string, ShowFolderIndex> folders, Dictionary<string, RootChoice> showRoots, ShowNameResolver resolver, HashSet<string> planned, CancellationToken cancellationToken)
    {
        var (file, parse, metadata, fallbackNote) = pending;
        var styleAnime = IsAnime(parse, file.FullPath);
        var choice = showRoots.GetValueOrDefault(ShowRoots.KeyOf(parse, metadata));
        var anime = choice?.Anime ?? styleAnime;
        var root = Path.GetFullPath(anime ? options.AnimeRoot ?? options.LibraryRoot : options.LibraryRoot);
        var known = IndexOf(root, folders);
        var identified = pending.Identified;
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
        var rootNote = choice is not null && choice.Anime != styleAnime ? $" ({(anime ? "anime" : "TV")} root: {choice.Why})" : target.Anime ? " (anime root)" : "";
        var reason = $"{described} → {how}{rootNote}";
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

    /// <summary>Companion destinations beside the video's destination: its new stem and each companion's language/flag suffix.</summary>
    internal static IReadOnlyList<(string Source, string Destination)> SidecarDestinations(ScannedFile file, string videoDestination)
    {
        var newStem = Path.GetFileNameWithoutExtension(videoDestination);
        var dir = Path.GetDirectoryName(videoDestination)!;
        return file.Sidecars.Select(s => (s.Source, Path.Join(dir, newStem + s.Suffix))).ToList();
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
