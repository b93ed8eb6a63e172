namespace Episodic.Cli;

/// <summary>Finds video and subtitle files under a folder, recursively, in a stable (ordinal) order.</summary>
internal static class InputScanner
{
    private static readonly HashSet<string> Extensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".mkv", ".mp4", ".avi", ".m4v", ".ts", ".m2ts", ".wmv", ".mov", ".webm", ".mpg", ".flv",
        ".srt", ".ass", ".ssa", ".sub",
    };

    public static bool IsMediaFile(string path) => Extensions.Contains(Path.GetExtension(path));

    /// <summary>
    /// Yields each media file as a path relative to the parent of <paramref name="root"/>, so the root folder's
    /// own name ("Show/Season 2/05.mkv") is part of what the parser sees. Unreadable folders are reported
    /// through <paramref name="onError"/> and skipped; symlinked folders are not followed.
    /// </summary>
    public static IEnumerable<string> Scan(string root, Action<string> onError)
    {
        var rootFull = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        var baseDir = Path.GetDirectoryName(rootFull) ?? rootFull;
        var pending = new Stack<string>();
        pending.Push(rootFull);
        while (pending.Count > 0)
        {
            var dir = pending.Pop();
            string[] files, dirs;
            try
            {
                files = Directory.GetFiles(dir);
                dirs = Directory.GetDirectories(dir);
            }
            catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
            {
                onError($"cannot read folder '{dir}': {ex.Message}");
                continue;
            }

            Array.Sort(files, StringComparer.Ordinal);
            foreach (var file in files)
            {
                if (IsMediaFile(file))
                {
                    yield return Path.GetRelativePath(baseDir, file);
                }
            }

            Array.Sort(dirs, StringComparer.Ordinal);
            for (var i = dirs.Length - 1; i >= 0; i--)
            {
                if (new DirectoryInfo(dirs[i]).LinkTarget is null)
                {
                    pending.Push(dirs[i]);
                }
            }
        }
    }
}
