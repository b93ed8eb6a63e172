using Episodic.Core.Files;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Episodic.Routing.Planning;

/// <summary>One video found under a source root, with the name the parser should see and its sidecar files.</summary>
public sealed record ScannedFile(string FullPath, string ParseName, IReadOnlyList<string> Sidecars)
{
    /// <summary>
    /// The download's own folder the file came in (the folder directly below a scanned root, or the root itself when
    /// the root is one download's folder); null for a file lying directly in a scanned root, or given on its own.
    /// </summary>
    public string? ReleaseFolder { get; init; }
}

/// <summary>
/// Finds video files under the source roots (recursively, symlinked folders not followed, in ordinal order) and the
/// sidecars that travel with each: files in the same folder named "&lt;video stem&gt;.&lt;anything&gt;.srt" etc.
/// </summary>
public static class SourceScanner
{
    /// <summary>Video containers routed as episodes.</summary>
    public static IReadOnlySet<string> VideoExtensions => MediaExtensions.Video;

    /// <summary>Files that belong to a video with the same stem and move with it.</summary>
    public static readonly IReadOnlySet<string> SidecarExtensions = new HashSet<string>(MediaExtensions.Subtitle.Concat([".idx", ".vtt", ".sup", ".smi", ".nfo"]), StringComparer.OrdinalIgnoreCase);

    /// <summary>Our own temp and journal names; never routed.</summary>
    internal const string ReservedPrefix = ".episodic";

    /// <summary>
    /// The videos under <paramref name="roots"/>. A folder root's own name is never part of the name parsed (it is a
    /// download client's folder, not a show); a file root is parsed with its folder. Samples, trailers and extras
    /// (<see cref="Extras"/>) and names that are not valid UTF-8 are left out and listed in <paramref name="excluded"/>.
    /// </summary>
    /// <param name="include">Which videos (full paths) to take; null = all. Companions are still matched against every video.</param>
    /// <param name="rootIsRelease">Each folder root is one download's folder (<see cref="RoutingOptions.SourceIsRelease"/>).</param>
    public static IReadOnlyList<ScannedFile> Scan(IEnumerable<string> roots, ILogger? logger = null, ICollection<Exclusion>? excluded = null, Func<string, bool>? include = null, bool rootIsRelease = false)
    {
        logger ??= NullLogger.Instance;
        ArgumentNullException.ThrowIfNull(roots);
        var found = new List<ScannedFile>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        excluded ??= [];
        foreach (var root in roots)
        {
            var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
            if (File.Exists(full))
            {
                // A single file is parsed with its folder (a release folder, usually), as if that folder had been scanned.
                var folder = Path.GetDirectoryName(full) ?? full;
                AddFolder(folder, Path.GetDirectoryName(folder) ?? folder, [full], found, seen, excluded, logger, include, release: null);
            }
            else if (Directory.Exists(full))
            {
                foreach (var (dir, files) in FolderWalker.Walk(full, problem => RoutingLog.ScanProblem(logger, problem), name => name.StartsWith(ReservedPrefix, StringComparison.Ordinal)))
                {
                    AddFolder(dir, full, files, found, seen, excluded, logger, include, rootIsRelease ? full : FirstLevel(dir, full), folderFiles: files);
                }
            }
            else
            {
                RoutingLog.MissingRoot(logger, root);
            }
        }

        return found;
    }

    /// <param name="folderFiles">The folder's files when the caller already listed them (a walk); null = list them here.</param>
    private static void AddFolder(string dir, string baseDir, string[] candidates, List<ScannedFile> found, HashSet<string> seen, ICollection<Exclusion> excluded, ILogger logger, Func<string, bool>? include, string? release, string[]? folderFiles = null)
    {
        var all = folderFiles;
        if (all is null)
        {
            try
            {
                all = Directory.GetFiles(dir);
            }
            catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
            {
                RoutingLog.UnreadableFolder(logger, dir, ex.Message);
                return;
            }

            Array.Sort(all, StringComparer.Ordinal);
        }

        var videos = candidates.Where(IsVideo).Where(v => include?.Invoke(v) ?? true).Order(StringComparer.Ordinal).ToList();
        foreach (var video in videos)
        {
            if (!seen.Add(video))
            {
                continue;
            }

            var relative = Path.GetRelativePath(baseDir, video);
            if (video.Contains('\uFFFD', StringComparison.Ordinal))
            {
                // The OS gave bytes that are not UTF-8; .NET cannot name the file again to move it.
                excluded.Add(new(video, ExclusionKind.UnreadableName, "its name is not valid UTF-8 (rename it, e.g. with convmv, then route it)"));
                continue;
            }

            if (Extras.Reason(relative) is { } extra)
            {
                excluded.Add(new(video, ExclusionKind.Extra, extra));
                continue;
            }

            var stem = Path.GetFileNameWithoutExtension(video);
            var sidecars = all.Where(f => IsSidecarOf(Path.GetFileName(f), stem)).ToList();
            found.Add(new ScannedFile(video, relative, sidecars) { ReleaseFolder = release });
        }
    }

    /// <summary>The folder directly below <paramref name="root"/> that holds <paramref name="dir"/>; null when <paramref name="dir"/> is the root.</summary>
    internal static string? FirstLevel(string dir, string root)
    {
        var relative = Path.GetRelativePath(root, dir);
        if (relative == "." || relative.StartsWith("..", StringComparison.Ordinal))
        {
            return null;
        }

        var first = relative.Split(Path.DirectorySeparatorChar, 2)[0];
        return Path.Join(root, first);
    }

    internal static bool IsVideo(string path) =>
        VideoExtensions.Contains(Path.GetExtension(path)) && !Path.GetFileName(path).StartsWith(ReservedPrefix, StringComparison.Ordinal);

    /// <summary>"Show.S01E01.srt" and "Show.S01E01.en.forced.srt" belong to "Show.S01E01.mkv"; "Show.S01E010.srt" does not.</summary>
    internal static bool IsSidecarOf(string fileName, string videoStem) =>
        SidecarExtensions.Contains(Path.GetExtension(fileName))
        && fileName.Length > videoStem.Length
        && fileName.StartsWith(videoStem, StringComparison.Ordinal)
        && fileName[videoStem.Length] == '.';

    /// <summary>The sidecar's name beside a video renamed to <paramref name="newVideoStem"/>: the part after the old stem is kept.</summary>
    internal static string SidecarName(string sidecarFileName, string oldVideoStem, string newVideoStem) =>
        newVideoStem + sidecarFileName[oldVideoStem.Length..];
}
