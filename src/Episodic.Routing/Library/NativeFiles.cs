using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Episodic.Routing.Library;

/// <summary>What a path's own directory entry is, a link not followed (lstat).</summary>
internal enum EntryKind
{
    Missing,
    File,
    Folder,
    Link,
    Fifo,
    Device,
    Socket,
}

/// <summary>
/// open(2) with O_NOFOLLOW relative to a folder opened the same way, statx(2) and flock(2) on Linux: .NET has no
/// no-follow open, and checking with lstat first leaves a moment in which a link can be swapped in. Only the flags
/// whose values differ between architectures are looked up per architecture (asm-generic vs arm/powerpc); where they
/// are unknown, or libc lacks a call, <see cref="IsAvailable"/> is false and the caller checks with lstat instead.
/// </summary>
internal static partial class NativeFiles
{
    public const int ReadOnly = 0x0;
    public const int WriteOnly = 0x1;
    public const int ReadWrite = 0x2;
    public const int Create = 0x40;
    public const int Exclusive = 0x80;

    // ENOENT, EWOULDBLOCK (= EAGAIN), ELOOP, ENOTDIR, EISDIR, ENXIO, EROFS, EACCES, EPERM on Linux.
    public const int NoEntry = 2;
    public const int WouldBlock = 11;
    public const int Loop = 40;
    public const int NotDirectory = 20;
    public const int IsDirectory = 21;
    public const int NoDevice = 6;
    public const int ReadOnlyFileSystem = 30;
    public const int AccessDenied = 13;
    public const int NotPermitted = 1;

    private const int NonBlocking = 0x800;
    private const int CloseOnExec = 0x80000;
    private const int CurrentFolder = -100;
    private const int EmptyPath = 0x1000;
    private const int SymlinkNoFollow = 0x100;
    private const uint BasicStats = 0x7ff;
    private const int LockExclusive = 2;
    private const int LockNonBlocking = 4;

    private static readonly (int NoFollow, int Directory)? Flags = FlagsOf(RuntimeInformation.ProcessArchitecture);

    private static readonly Lazy<bool> Present = new(Probe);

    /// <summary>True on Linux with known flag values and the calls present in libc.</summary>
    public static bool IsAvailable => OperatingSystem.IsLinux() && Flags is not null && Present.Value;

    /// <summary>
    /// Opens <paramref name="name"/> in <paramref name="folder"/> without following a link in its last component; the
    /// folder is opened first, without following a link either when <paramref name="folderNoFollow"/>. Returns the
    /// handle, or the errno (and which of the two failed) when it could not be opened.
    /// </summary>
    public static (SafeFileHandle? Handle, int Errno, bool FolderFailed) OpenAt(string folder, string name, int flags, bool folderNoFollow)
    {
        var (noFollow, directory) = Flags!.Value;
        var dir = Open(CurrentFolder, folder, ReadOnly | directory | CloseOnExec | (folderNoFollow ? noFollow : 0), 0);
        if (dir < 0)
        {
            return (null, Marshal.GetLastPInvokeError(), true);
        }

        try
        {
            var fd = Open(dir, name, flags | noFollow | CloseOnExec | NonBlocking, 0b110_110_110);
            return fd < 0 ? (null, Marshal.GetLastPInvokeError(), false) : (new SafeFileHandle(fd, ownsHandle: true), 0, false);
        }
        finally
        {
            _ = CloseFd(dir);
        }
    }

    /// <summary>The kind and link count of an open file (fstat).</summary>
    public static (EntryKind Kind, uint Links) Describe(SafeFileHandle handle)
    {
        var added = false;
        handle.DangerousAddRef(ref added);
        try
        {
            var fd = (int)handle.DangerousGetHandle();
            return StatxAt(fd, "", EmptyPath) is { } stat ? (KindOf(stat.Mode), stat.Nlink) : throw new IOException($"cannot read the file's status (error {Marshal.GetLastPInvokeError()})");
        }
        finally
        {
            if (added)
            {
                handle.DangerousRelease();
            }
        }
    }

    /// <summary>The kind of <paramref name="path"/>'s own entry (lstat).</summary>
    public static EntryKind Describe(string path) =>
        StatxAt(CurrentFolder, path, SymlinkNoFollow) is { } stat ? KindOf(stat.Mode) : EntryKind.Missing;

    /// <summary>flock(LOCK_EX | LOCK_NB): 0, or the errno (<see cref="WouldBlock"/> while another process holds it).</summary>
    public static int TryLock(SafeFileHandle handle) => Flock(handle, LockExclusive | LockNonBlocking) == 0 ? 0 : Marshal.GetLastPInvokeError();

    /// <summary>The system's sentence for an errno ("Read-only file system").</summary>
    public static string Message(int errno) => Marshal.GetPInvokeErrorMessage(errno);

    private static Statx? StatxAt(int dirfd, string path, int flags)
    {
        return StatxCall(dirfd, path, flags, BasicStats, out var buffer) == 0 ? buffer : null;
    }

    private static EntryKind KindOf(ushort mode) => (mode & 0xF000) switch
    {
        0x8000 => EntryKind.File,
        0x4000 => EntryKind.Folder,
        0xA000 => EntryKind.Link,
        0x1000 => EntryKind.Fifo,
        0xC000 => EntryKind.Socket,
        _ => EntryKind.Device,
    };

    /// <summary>O_NOFOLLOW and O_DIRECTORY: asm-generic values, except on arm, arm64 and powerpc.</summary>
    private static (int, int)? FlagsOf(Architecture architecture) => architecture switch
    {
        Architecture.X64 or Architecture.X86 or Architecture.S390x or Architecture.RiscV64 or Architecture.LoongArch64 => (0x20000, 0x10000),
        Architecture.Arm or Architecture.Arm64 or Architecture.Armv6 or Architecture.Ppc64le => (0x8000, 0x4000),
        _ => null,
    };

    /// <summary>Whether libc has the calls (statx came with glibc 2.28 and musl 1.2.5); if not, callers check with lstat.</summary>
    private static bool Probe()
    {
        try
        {
            _ = StatxCall(CurrentFolder, "/", SymlinkNoFollow, BasicStats, out _);
            return true;
        }
        catch (Exception ex) when (ex is EntryPointNotFoundException or DllNotFoundException)
        {
            return false;
        }
    }

    [StructLayout(LayoutKind.Explicit, Size = 256)]
    private struct Statx
    {
        [FieldOffset(16)]
        public uint Nlink;

        [FieldOffset(28)]
        public ushort Mode;
    }

    [LibraryImport("libc", EntryPoint = "openat", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(int dirfd, string path, int flags, uint mode);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int CloseFd(int fd);

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int StatxCall(int dirfd, string path, int flags, uint mask, out Statx buffer);

    [LibraryImport("libc", EntryPoint = "flock", SetLastError = true)]
    private static partial int Flock(SafeFileHandle fd, int operation);
}
