namespace Episodic.Core.Files;

/// <summary>
/// Walks a folder tree depth-first in ordinal order, one folder at a time (streaming: nothing is collected), without
/// following symlinked folders. Unreadable folders are reported and skipped, never thrown.
/// </summary>
public static class FolderWalker
{
    /// <summary>Yields each readable folder with its files (sorted ordinally).</summary>
    /// <param name="skipFolder">Folders (by name) not to enter, e.g. the tool's own ".episodic" folder.</param>
    public static IEnumerable<(string Folder, string[] Files)> Walk(string root, Action<string>? onError = null, Func<string, bool>? skipFolder = null)
    {
        var pending = new Stack<string>();
        pending.Push(Path.TrimEndingDirectorySeparator(Path.GetFullPath(root)));
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
                onError?.Invoke($"cannot read folder '{dir}': {ex.Message}");
                continue;
            }

            Array.Sort(files, StringComparer.Ordinal);
            yield return (dir, files);

            Array.Sort(dirs, StringComparer.Ordinal);
            for (var i = dirs.Length - 1; i >= 0; i--)
            {
                if (skipFolder?.Invoke(Path.GetFileName(dirs[i])) != true && new DirectoryInfo(dirs[i]).LinkTarget is null)
                {
                    pending.Push(dirs[i]);
                }
            }
        }
    }
}
