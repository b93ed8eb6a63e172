using System.Globalization;

namespace Episodic.Automation.Watch;

/// <summary>
/// Which files some process holds open for writing, read from Linux's /proc/PID/fd links and fdinfo flags. A
/// client that pauses between writes leaves size and mtime stable for a while; its open descriptor still says it
/// is not done. Scanned only for files that are otherwise ready, so a NAS with many processes pays it rarely.
/// Elsewhere (no /proc) nothing is reported open and the settle time alone decides.
/// </summary>
public static class OpenForWriting
{
    private const string Proc = "/proc";

    /// <summary>The subset of <paramref name="paths"/> (full paths) open for writing by any process this user can see.</summary>
    public static IReadOnlySet<string> Among(IReadOnlyCollection<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var open = new HashSet<string>(StringComparer.Ordinal);
        if (paths.Count == 0 || !OperatingSystem.IsLinux() || !Directory.Exists(Proc))
        {
            return open;
        }

        var wanted = new HashSet<string>(paths, StringComparer.Ordinal);
        var self = Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        foreach (var pidDir in SafeEnumerate(Proc))
        {
            var pid = Path.GetFileName(pidDir);
            if (pid.Length == 0 || !pid.All(char.IsAsciiDigit) || pid == self)
            {
                continue;
            }

            foreach (var fd in SafeEnumerate(Path.Join(pidDir, "fd")))
            {
                string? target;
                try
                {
                    target = new FileInfo(fd).LinkTarget;
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    continue;
                }

                if (target is not null && wanted.Contains(target) && Writable(Path.Join(pidDir, "fdinfo", Path.GetFileName(fd))))
                {
                    open.Add(target);
                }
            }
        }

        return open;
    }

    /// <summary>True when the descriptor's open flags (octal, "flags:" line of fdinfo) include O_WRONLY or O_RDWR; unreadable counts as writing, to be safe.</summary>
    private static bool Writable(string fdinfo)
    {
        try
        {
            foreach (var line in File.ReadLines(fdinfo))
            {
                if (line.StartsWith("flags:", StringComparison.Ordinal))
                {
                    var octal = line["flags:".Length..].Trim();
                    var flags = 0L;
                    foreach (var c in octal)
                    {
                        flags = (flags * 8) + (c - '0');
                    }

                    return (flags & 3) != 0;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The process ended or hides its fdinfo: it was seen holding the file, so treat it as writing.
        }

        return true;
    }

    private static string[] SafeEnumerate(string folder)
    {
        try
        {
            return Directory.GetFileSystemEntries(folder);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }
}
