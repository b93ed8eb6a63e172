using Episodic.Core.Files;
using Episodic.Routing.Companions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Episodic.Routing.Planning;

/// <summary>One video found under a source root, with the name the parser should see and its sidecar files.</summary>
public sealed record ScannedFile(string FullPath, string ParseName, IReadOnlyList<Companion> Sidecars)
{
    /// <summary>
    /// The download's own folder the file came in (the folder directly below a scanned root, or the root itself when
    /// the root is one download's folder); null for a file lying directly in a scanned root, or given on its own.
    /// </summary>
    public string? ReleaseFolder { get; init; }
}

/// <summary>
/// Finds video files under the source roots (recursively, symlinked folders not followed, in ordinal order) and the
/// companions that travel with each (<see cref="CompanionMatcher"/>): subtitles beside it or in its Subs folder, a scene .nfo.
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
    /// <param name="unmatched">Receives the subtitles no video takes (they are listed, and left where they are).</param>
    public static IReadOnlyList<ScannedFile> Scan(IEnumerable<string> roots, ILogger? logger = null, ICollection<Exclusion>? excluded = null, Func<string, bool>? include = null, bool rootIsRelease = false, ICollection<string>? unmatched = null)
    {
        var loose = new List<string>();
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
                AddFolder(Path.GetDirectoryName(folder) ?? folder, [full], found, seen, excluded, include, release: null);
            }
            else if (Directory.Exists(full))
            {
                foreach (var (dir, files) in Walk(full, logger))
                {
                    AddFolder(full, files, found, seen, excluded, include, rootIsRelease ? full : FirstLevel(dir, full));
                    if (include is null)
                    {
                        loose.AddRange(files.Where(IsSubtitle));
                    }
                }
            }
            else
            {
                RoutingLog.MissingRoot(logger, root);
            }
        }

        return CompanionMatcher.Attach(found, unmatched ?? [], loose);
    }

    /// <summary>
    /// The candidate videos (full paths) in <paramref name="folder"/> and, when <paramref name="recursive"/>, in its
    /// subfolders, found by the same walk as <see cref="Scan"/>: our own ".episodic" folders and symlinked folders are
    /// not entered, unreadable folders are logged and skipped. Names only; extras and companions are <see cref="Scan"/>'s.
    /// </summary>
    /// <remarks>The watcher lists what its file-system events name with this, so it sees the files a route would.</remarks>
    public static IEnumerable<string> Videos(string folder, bool recursive, ILogger? logger = null)
    {
        var walk = Walk(Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)), logger ?? NullLogger.Instance);
        foreach (var (_, files) in recursive ? walk : walk.Take(1))
        {
            foreach (var file in files.Where(IsVideo))
            {
                yield return file;
            }
        }
    }

    /// <summary>The one walk of a source folder: depth-first, ordinal, reserved and symlinked folders left out.</summary>
    private static IEnumerable<(string Folder, string[] Files)> Walk(string folder, ILogger logger) =>
        FolderWalker.Walk(folder, problem => RoutingLog.ScanProblem(logger, problem), name => name.StartsWith(ReservedPrefix, StringComparison.Ordinal));

    private static void AddFolder(string baseDir, string[] candidates, List<ScannedFile> found, HashSet<string> seen, ICollection<Exclusion> excluded, Func<string, bool>? include, string? release)
    {
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

            found.Add(new ScannedFile(video, relative, []) { ReleaseFolder = release });
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

    /// <summary>Subtitle files (a companion that is not a .nfo): listed when no video takes them.</summary>
    internal static bool IsSubtitle(string path) =>
        SidecarExtensions.Contains(Path.GetExtension(path)) && !string.Equals(Path.GetExtension(path), ".nfo", StringComparison.OrdinalIgnoreCase);

    /// <summary>"Show.S01E01.srt" and "show.s01e01.en.forced.srt" belong to "Show.S01E01.mkv" (any case); "Show.S01E010.srt" does not.</summary>
    internal static bool IsSidecarOf(string fileName, string videoStem) =>
        SidecarExtensions.Contains(Path.GetExtension(fileName))
        && fileName.Length > videoStem.Length
        && fileName.StartsWith(videoStem, StringComparison.OrdinalIgnoreCase)
        && fileName[videoStem.Length] == '.';

    /// <summary>The sidecar's name beside a video renamed to <paramref name="newVideoStem"/>: the part after the old stem is kept.</summary>
    internal static string SidecarName(string sidecarFileName, string oldVideoStem, string newVideoStem) =>
        newVideoStem + sidecarFileName[oldVideoStem.Length..];
}
