using Episodic.Core.Files;

namespace Episodic.Cli;

/// <summary>Finds video and subtitle files under a folder, recursively, in a stable (ordinal) order.</summary>
internal static class InputScanner
{
    public static bool IsMediaFile(string path) => MediaExtensions.IsVideo(path) || MediaExtensions.IsSubtitle(path);

    /// <summary>
    /// Yields each media file as a path relative to the parent of <paramref name="root"/>, so the root folder's
    /// own name ("Show/Season 2/05.mkv") is part of what the parser sees. Unreadable folders are reported
    /// through <paramref name="onError"/> and skipped; symlinked folders are not followed.
    /// </summary>
    public static IEnumerable<string> Scan(string root, Action<string> onError)
    {
        var rootFull = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        var baseDir = Path.GetDirectoryName(rootFull) ?? rootFull;
        foreach (var (_, files) in FolderWalker.Walk(rootFull, onError))
        {
            foreach (var file in files)
            {
                if (IsMediaFile(file))
                {
                    yield return Path.GetRelativePath(baseDir, file);
                }
            }
        }
    }
}
