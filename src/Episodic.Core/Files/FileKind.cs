using System.Runtime.InteropServices;

namespace Episodic.Core.Files;

/// <summary>What a path names, as stat(2) says (symbolic links followed).</summary>
public enum FileKind
{
    /// <summary>Nothing is there.</summary>
    Missing,

    /// <summary>A regular file: the only kind a configuration or data file may be.</summary>
    Regular,

    Directory,

    /// <summary>A named pipe: opening it for reading blocks until someone writes, so it is never opened.</summary>
    Fifo,

    /// <summary>A character device (<c>/dev/zero</c>, a terminal): endless or interactive.</summary>
    CharacterDevice,

    BlockDevice,

    Socket,

    /// <summary>The kind could not be told (no stat on this system); treat it as a file.</summary>
    Unknown,
}

/// <summary>
/// Tells the kind of a path before it is opened. .NET has no API for it (File.Exists is true for a FIFO, and opening
/// one blocks in open(2), where no signal handler can reach), so this asks statx(2) on Linux and stat(2) on macOS,
/// whose mode fields sit where their ABIs fix them.
/// </summary>
public static partial class FileKinds
{
    private const int AtCurrentDirectory = -100;
    private const uint StatxType = 0x1;
    private const int StatxSize = 256;
    private const int StatxModeOffset = 28; // struct statx: mask, blksize (u32 each), attributes (u64), nlink, uid, gid (u32 each), then mode (u16)
    private const int DarwinStatSize = 512;
    private const int DarwinModeOffset = 4; // struct stat with 64-bit inodes (arm64's stat, x64's stat$INODE64): dev (i32), then mode (u16)

    /// <summary>The kind of <paramref name="path"/>; <see cref="FileKind.Unknown"/> where the system cannot say.</summary>
    public static FileKind Of(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            return FileKind.Missing;
        }

        if (OperatingSystem.IsWindows())
        {
            return Directory.Exists(path) ? FileKind.Directory : FileKind.Regular;
        }

        try
        {
            var buffer = new byte[Math.Max(StatxSize, DarwinStatSize)];
            int mode;
            if (OperatingSystem.IsLinux())
            {
                if (Statx(AtCurrentDirectory, path, 0, StatxType, buffer) != 0)
                {
                    return FileKind.Unknown;
                }

                mode = BitConverter.ToUInt16(buffer, StatxModeOffset);
            }
            else if (OperatingSystem.IsMacOS())
            {
                if ((RuntimeInformation.ProcessArchitecture == Architecture.X64 ? Stat64(path, buffer) : Stat(path, buffer)) != 0)
                {
                    return FileKind.Unknown;
                }

                mode = BitConverter.ToUInt16(buffer, DarwinModeOffset);
            }
            else
            {
                return FileKind.Unknown;
            }

            return FromMode(mode);
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return FileKind.Unknown;
        }
    }

    /// <summary>The file-type bits of a POSIX st_mode (the same values on Linux and macOS).</summary>
    internal static FileKind FromMode(int mode) => (mode & 0xF000) switch
    {
        0x8000 => FileKind.Regular,
        0x4000 => FileKind.Directory,
        0x1000 => FileKind.Fifo,
        0x2000 => FileKind.CharacterDevice,
        0x6000 => FileKind.BlockDevice,
        0xC000 => FileKind.Socket,
        _ => FileKind.Unknown,
    };

    /// <summary>How a kind is named in a message: "a FIFO (named pipe)", "a folder".</summary>
    public static string Describe(FileKind kind) => kind switch
    {
        FileKind.Missing => "missing",
        FileKind.Regular => "a regular file",
        FileKind.Directory => "a folder",
        FileKind.Fifo => "a FIFO (named pipe)",
        FileKind.CharacterDevice => "a character device",
        FileKind.BlockDevice => "a block device",
        FileKind.Socket => "a socket",
        _ => "a file of unknown kind",
    };

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Statx(int directory, string path, int flags, uint mask, [Out] byte[] buffer);

    [LibraryImport("libc", EntryPoint = "stat", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Stat(string path, [Out] byte[] buffer);

    [LibraryImport("libc", EntryPoint = "stat$INODE64", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Stat64(string path, [Out] byte[] buffer);
}
