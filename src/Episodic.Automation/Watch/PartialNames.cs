namespace Episodic.Automation.Watch;

/// <summary>Where a partial-download marker appears in a path.</summary>
public enum PartialMarkerKind
{
    /// <summary>The file name ends with the marker while the client is still writing it.</summary>
    FileSuffix,

    /// <summary>A folder on the way from the watched folder to the file starts with the marker.</summary>
    FolderPrefix,
}

/// <summary>One client's way of saying "not finished yet", with the client that uses it.</summary>
public sealed record PartialMarker(PartialMarkerKind Kind, string Text, string Client);

/// <summary>
/// The names download clients give to what they have not finished. The watcher never routes them, whatever their
/// size or age: a paused download is stable and closed, yet still incomplete, and only its name says so.
/// </summary>
public static class PartialNames
{
    /// <summary>The one table of markers; matched case-insensitively.</summary>
    public static IReadOnlyList<PartialMarker> Markers { get; } =
    [
        // Transmission ("Append .part to incomplete files"), Firefox and wget-style downloaders.
        new(PartialMarkerKind.FileSuffix, ".part", "Transmission, Firefox"),

        // qBittorrent's "Append .!qB extension to incomplete files".
        new(PartialMarkerKind.FileSuffix, ".!qB", "qBittorrent"),

        // µTorrent and BitTorrent's incomplete-file extension.
        new(PartialMarkerKind.FileSuffix, ".!ut", "µTorrent"),

        // Chrome and Edge while a download is in progress.
        new(PartialMarkerKind.FileSuffix, ".crdownload", "Chrome, Edge"),

        // A generic temporary name: many tools write NAME.tmp and rename it when done.
        new(PartialMarkerKind.FileSuffix, ".tmp", "generic"),

        // SABnzbd and NZBGet unpack into _UNPACK_<name> and rename the folder when the unpack succeeds.
        new(PartialMarkerKind.FolderPrefix, "_UNPACK_", "SABnzbd, NZBGet"),

        // SABnzbd and NZBGet leave a failed job's files in _FAILED_<name>: incomplete or broken, never to be filed.
        new(PartialMarkerKind.FolderPrefix, "_FAILED_", "SABnzbd, NZBGet"),
    ];

    /// <summary>The marker that makes <paramref name="path"/> partial (below <paramref name="root"/>), or null when none does.</summary>
    public static PartialMarker? Match(string path, string root)
    {
        ArgumentNullException.ThrowIfNull(path);
        var name = Path.GetFileName(path);
        var relative = Path.GetRelativePath(root, Path.GetDirectoryName(path) ?? root);
        var folders = relative == "." ? [] : relative.Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
        foreach (var marker in Markers)
        {
            var hit = marker.Kind switch
            {
                PartialMarkerKind.FileSuffix => name.EndsWith(marker.Text, StringComparison.OrdinalIgnoreCase),
                _ => folders.Any(f => f.StartsWith(marker.Text, StringComparison.OrdinalIgnoreCase)),
            };
            if (hit)
            {
                return marker;
            }
        }

        return null;
    }
}
