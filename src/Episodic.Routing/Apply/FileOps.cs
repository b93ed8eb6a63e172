using System.IO.Hashing;

namespace Episodic.Routing.Apply;

/// <summary>
/// The file-system primitives routing is built from, one virtual method each, so tests can force the cross-device
/// path (<see cref="ForceCrossDevice"/>) or crash after N operations without touching the real logic.
/// </summary>
internal class FileOps
{
    private const int BufferSize = 1 << 20;

    private readonly Lazy<string[]> _mounts = new(ListMounts);

    public static FileOps Real { get; } = new();

    /// <summary>Treat every move as crossing file systems (copy, verify, rename, delete).</summary>
    public bool ForceCrossDevice { get; init; }

    /// <summary>Renames without ever replacing an existing file (throws IOException instead).</summary>
    public virtual void Rename(string source, string destination) => File.Move(source, destination, overwrite: false);

    public virtual void Delete(string path) => File.Delete(path);

    public virtual void CreateDirectory(string path) => Directory.CreateDirectory(path);

    public virtual void HardLink(string source, string destination) => NativeLinks.Create(source, destination);

    /// <summary>Copies into a new temp file, flushed to the device, and returns the CRC32 of the bytes read from the source.</summary>
    public virtual uint CopyToTemp(string source, string temp)
    {
        var crc = new Crc32();
        using (var input = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.SequentialScan))
        using (var output = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize))
        {
            var buffer = new byte[BufferSize];
            int n;
            while ((n = input.Read(buffer, 0, buffer.Length)) > 0)
            {
                crc.Append(buffer.AsSpan(0, n));
                output.Write(buffer, 0, n);
            }

            output.Flush(flushToDisk: true);
        }

        File.SetLastWriteTimeUtc(temp, File.GetLastWriteTimeUtc(source));
        return crc.GetCurrentHashAsUInt32();
    }

    /// <summary>
    /// Whether a rename from <paramref name="source"/> to <paramref name="destination"/> stays on one file system.
    /// .NET's File.Move silently copies across devices, without our verification, so we decide ourselves by the
    /// mount point each path lives under. When in doubt the answer is "no": the copy path is slower but just as safe.
    /// </summary>
    public virtual bool SameDevice(string source, string destination)
    {
        if (ForceCrossDevice)
        {
            return false;
        }

        var a = MountOf(Path.GetFullPath(source));
        var b = MountOf(Path.GetFullPath(destination));
        return a is not null && string.Equals(a, b, OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
    }

    private string? MountOf(string fullPath)
    {
        var comparison = OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        string? best = null;
        foreach (var mount in _mounts.Value)
        {
            var prefix = Path.EndsInDirectorySeparator(mount) ? mount : mount + Path.DirectorySeparatorChar;
            var under = fullPath.StartsWith(prefix, comparison) || string.Equals(fullPath, mount, comparison);
            if (under && (best is null || mount.Length > best.Length))
            {
                best = mount;
            }
        }

        return best ?? Path.GetPathRoot(fullPath);
    }

    private static string[] ListMounts()
    {
        try
        {
            return DriveInfo.GetDrives().Select(d => d.RootDirectory.FullName).ToArray();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }
}
