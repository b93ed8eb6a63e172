namespace Episodic.Routing;

/// <summary>How episodes are laid out in the library (<c>[routing]</c>); defaults match Plex/Jellyfin/Kodi conventions.</summary>
public sealed record RoutingOptions
{
    /// <summary>Library root for regular TV (<c>[routing] tv_path</c> or <c>--library</c>).</summary>
    public required string LibraryRoot { get; init; }

    /// <summary>Separate root for anime (absolute-numbered or fansub-tagged), Sync2NAS's <c>[routing] anime_tv_path</c>; null = LibraryRoot.</summary>
    public string? AnimeRoot { get; init; }

    /// <summary><c>[routing] template</c> for season/episode names.</summary>
    public string Template { get; init; } = "{show}/Season {season:00}/{show} - S{season:00}E{episode:00}{ext}";

    /// <summary>Template for absolute-numbered anime without a season.</summary>
    public string AbsoluteTemplate { get; init; } = "{show}/{show} - {absolute:000}{ext}";

    /// <summary>Template for daily shows.</summary>
    public string DailyTemplate { get; init; } = "{show}/Season {year}/{show} - {air_date}{ext}";

    /// <summary><c>[routing] rename = template|keep</c>: keep the original file name inside the planned folder.</summary>
    public bool KeepOriginalName { get; init; }

    /// <summary>Files below this confidence (and unparsed files) are skipped, never moved.</summary>
    public double MinConfidence { get; init; } = 0.7;

    /// <summary>Longest path component allowed (bytes on most file systems); longer names are shortened.</summary>
    public int MaxComponentLength { get; init; } = 200;
}
