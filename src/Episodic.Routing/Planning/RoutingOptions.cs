using Episodic.Core.Metadata;

namespace Episodic.Routing.Planning;

/// <summary>How episodes are laid out in the library (<c>[routing]</c>); defaults match Plex/Jellyfin/Kodi conventions.</summary>
public sealed record RoutingOptions
{
    /// <summary>Library root for regular TV (<c>[routing] tv_path</c> or <c>--library</c>).</summary>
    public required string LibraryRoot { get; init; }

    /// <summary>Separate root for anime (absolute-numbered or fansub-tagged), Sync2NAS's <c>[routing] anime_tv_path</c>; null = LibraryRoot.</summary>
    public string? AnimeRoot { get; init; }

    /// <summary>The default <see cref="Template"/>.</summary>
    public const string DefaultTemplate = "{show}/Season {season:00}/{show} - S{season:00}E{episode:00}{ext}";

    /// <summary>
    /// The default <see cref="AnimeTemplate"/>. "Episode" before the number matters: a bare "Show - 150" reads back as
    /// season 1 episode 50, so Episodic could not re-read its own library.
    /// </summary>
    public const string DefaultAnimeTemplate = "{show}/{show} - Episode {absolute:000}{ext}";

    /// <summary>The default <see cref="DailyTemplate"/>.</summary>
    public const string DefaultDailyTemplate = "{show}/Season {year}/{show} - {air_date}{ext}";

    /// <summary>
    /// The season/episode layout used for files identified by a metadata provider while <see cref="Template"/> is
    /// the default: the Plex/Jellyfin form with the canonical "Show Name (Year)" and the episode title.
    /// </summary>
    public const string DefaultMetadataTemplate = "{show}/Season {season:00}/{show} - S{season:00}E{episode:00} - {episode_title}{ext}";

    /// <summary><c>[routing] template</c> / <c>--template</c>: season/episode names.</summary>
    public string Template { get; init; } = DefaultTemplate;

    /// <summary><c>[routing] anime_template</c> / <c>--anime-template</c>: absolute-numbered anime without a season.</summary>
    public string AnimeTemplate { get; init; } = DefaultAnimeTemplate;

    /// <summary><c>[routing] daily_template</c> / <c>--daily-template</c>: daily shows by air date.</summary>
    public string DailyTemplate { get; init; } = DefaultDailyTemplate;

    /// <summary><c>[routing] rename = template|keep</c>: keep the original file name inside the planned folder.</summary>
    public bool KeepOriginalName { get; init; }

    /// <summary>The default <see cref="MinConfidence"/>.</summary>
    public const double DefaultMinConfidence = 0.7;

    /// <summary>Files below this confidence (and unparsed files) are skipped, never moved.</summary>
    public double MinConfidence { get; init; } = DefaultMinConfidence;

    /// <summary>
    /// Identifies show and episode with TMDB or TVmaze (<c>route --metadata</c>); null = files are filed by the name
    /// alone. Behind a Core interface, so routing never references HTTP code.
    /// </summary>
    public IEpisodeIdentifier? Identifier { get; init; }

    /// <summary><c>--metadata-required</c>: a file the provider cannot identify is skipped instead of filed by its name.</summary>
    public bool MetadataRequired { get; init; }

    /// <summary>
    /// <c>--metadata-fallback</c> / <c>[routing] metadata_fallback</c>: a name the provider could not be asked about
    /// (down, key refused, timed out, garbage) is held (default) or filed by its release name.
    /// </summary>
    public MetadataFallback MetadataFallback { get; init; } = MetadataFallback.Hold;

    /// <summary>Which scanned videos (full paths) this run takes: watch's settled files, review's accepted one; null = all.</summary>
    public Func<string, bool>? Include { get; init; }

    /// <summary>
    /// Each source root is one download's own folder (a download client's content path), so it is the release folder
    /// the clean-up may remove; otherwise (route, watch) the release folders are the folders directly below each root.
    /// </summary>
    public bool SourceIsRelease { get; init; }

    /// <summary>Longest path component allowed (bytes on most file systems); longer names are shortened.</summary>
    public int MaxComponentLength { get; init; } = 200;
}
