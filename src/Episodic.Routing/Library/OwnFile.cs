using Microsoft.Win32.SafeHandles;

namespace Episodic.Routing.Library;

/// <summary>
/// Opens the files Episodic keeps for itself — <c>.episodic/</c>, the lock, its holder, journals — without following
/// a link it did not make. Whoever can write a library can plant <c>.episodic/lock → ~/.config/episodic/journal.key</c>;
/// opening that for writing would truncate the key. On Linux the file is opened with O_NOFOLLOW relative to its folder
/// (itself opened with O_NOFOLLOW when it is <c>.episodic</c>), so there is no moment in which a link can be swapped
/// in; elsewhere the entry is checked with lstat first. Then the open file must be a regular file, and one written to
/// must have a single name (a hard link would carry the write to its other name). Anything else is refused with a
/// <see cref="LibraryAccessException"/> naming the path and the fix.
/// </summary>
internal static class OwnFile
{
    /// <summary>
    /// Opens <paramref name="path"/> (<see cref="FileMode.Open"/>, <see cref="FileMode.OpenOrCreate"/> or
    /// <see cref="FileMode.CreateNew"/>). <paramref name="share"/> only applies where the OS lock comes from .NET
    /// (not on Linux, where the library lock is taken with flock directly).
    /// </summary>
    /// <exception cref="LibraryAccessException">A link, a non-regular file, a hard-linked file written to.</exception>
    /// <exception cref="FileNotFoundException">With <see cref="FileMode.Open"/>, there is no such file.</exception>
    public static FileStream Open(string path, FileMode mode, FileAccess access, FileShare share = FileShare.Read)
    {
        var full = Path.GetFullPath(path);
        if (!NativeFiles.IsAvailable)
        {
            CheckEntry(full);
            return new FileStream(full, mode, access, share);
        }

        var folder = Path.GetDirectoryName(full)!;
        var ownFolder = IsOwnFolder(folder);
        var flags = (access switch { FileAccess.Read => NativeFiles.ReadOnly, FileAccess.Write => NativeFiles.WriteOnly, _ => NativeFiles.ReadWrite })
            | (mode switch { FileMode.OpenOrCreate => NativeFiles.Create, FileMode.CreateNew => NativeFiles.Create | NativeFiles.Exclusive, FileMode.Open => 0, _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, null) });
        var (handle, errno, folderFailed) = NativeFiles.OpenAt(folder, Path.GetFileName(full), flags, ownFolder);
        if (handle is null)
        {
            throw Refusal(folderFailed ? folder : full, errno, folderFailed);
        }

        try
        {
            Check(full, handle, access);
            return new FileStream(handle, access);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The library lock: <paramref name="path"/> opened (made when missing) and locked exclusively, or null while
    /// another process holds it. The OS drops the lock when the stream is closed or the process ends.
    /// </summary>
    public static FileStream? TryLock(string path)
    {
        if (!NativeFiles.IsAvailable)
        {
            CheckEntry(Path.GetFullPath(path));
            try
            {
                // FileShare.None is flock(LOCK_EX | LOCK_NB) on Unix and a share-mode lock on Windows.
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException ex) when (IsSharingViolation(ex))
            {
                return null;
            }
        }

        var stream = Open(path, FileMode.OpenOrCreate, FileAccess.ReadWrite);
        var errno = NativeFiles.TryLock(stream.SafeFileHandle);
        if (errno == NativeFiles.WouldBlock)
        {
            stream.Dispose();
            return null;
        }

        // As .NET does: a file system without flock (some network shares) gives no lock rather than no run.
        return stream;
    }

    /// <summary><c>.episodic</c>: made when missing; refused when it is a link or not a folder.</summary>
    public static void EnsureFolder(string folder)
    {
        var full = Path.GetFullPath(folder);
        var kind = KindOf(full);
        if (kind == EntryKind.Missing)
        {
            Directory.CreateDirectory(full);
            kind = KindOf(full);
        }

        if (kind != EntryKind.Folder)
        {
            throw kind == EntryKind.Link ? LinkRefused(full, folder: true) : NotAFolder(full, kind);
        }
    }

    /// <summary>True for a library's <c>.episodic</c> folder, which is never followed when it is a link.</summary>
    public static bool IsOwnFolder(string folder) => Path.GetFileName(Path.TrimEndingDirectorySeparator(folder)) == LibraryLock.FolderName;

    /// <summary>What <paramref name="path"/>'s own entry is, a link not followed.</summary>
    public static EntryKind KindOf(string path)
    {
        if (NativeFiles.IsAvailable)
        {
            return NativeFiles.Describe(path);
        }

        var info = new FileInfo(path);
        return info.LinkTarget is not null ? EntryKind.Link
            : Directory.Exists(path) ? EntryKind.Folder
            : File.Exists(path) ? EntryKind.File
            : EntryKind.Missing;
    }

    /// <summary>Windows: a share-mode conflict; Unix: EWOULDBLOCK from flock (11 on Linux, 35 on macOS and the BSDs).</summary>
    private static bool IsSharingViolation(IOException ex) => OperatingSystem.IsWindows()
        ? (ex.HResult & 0xFFFF) is 32 or 33
        : ex.HResult is 11 or 35;

    /// <summary>The lstat check where there is no no-follow open: the entry and, for <c>.episodic</c>, its folder.</summary>
    private static void CheckEntry(string full)
    {
        var folder = Path.GetDirectoryName(full)!;
        if (IsOwnFolder(folder) && KindOf(folder) is var folderKind && folderKind is not (EntryKind.Folder or EntryKind.Missing))
        {
            throw folderKind == EntryKind.Link ? LinkRefused(folder, folder: true) : NotAFolder(folder, folderKind);
        }

        switch (KindOf(full))
        {
            case EntryKind.Link:
                throw LinkRefused(full, folder: false);
            case EntryKind.Folder:
                throw NotRegular(full, EntryKind.Folder);
        }
    }

    private static void Check(string path, SafeFileHandle handle, FileAccess access)
    {
        var (kind, links) = NativeFiles.Describe(handle);
        if (kind != EntryKind.File)
        {
            throw NotRegular(path, kind);
        }

        if (access != FileAccess.Read && links > 1)
        {
            throw new LibraryAccessException(path, LibraryAccessProblem.HardLinked, $"'{path}' has {links} hard links (another name shares its content), so writing it would change that file too; Episodic does not write a file shared this way: remove it (rm '{path}') and run again");
        }
    }

    private static Exception Refusal(string path, int errno, bool folder) => errno switch
    {
        NativeFiles.Loop when KindOf(path) == EntryKind.Link => LinkRefused(path, folder),
        NativeFiles.NotDirectory when folder => NotAFolder(path, KindOf(path)),
        NativeFiles.IsDirectory or NativeFiles.NoDevice => NotRegular(path, KindOf(path)),
        NativeFiles.NoEntry => folder ? new DirectoryNotFoundException($"no such folder: '{path}'") : new FileNotFoundException($"no such file: '{path}'", path),
        NativeFiles.AccessDenied or NativeFiles.NotPermitted => new UnauthorizedAccessException($"cannot open '{path}': {NativeFiles.Message(errno)}"),
        _ => new IOException($"cannot open '{path}': {NativeFiles.Message(errno)}", errno),
    };

    private static LibraryAccessException LinkRefused(string path, bool folder)
    {
        var target = new FileInfo(path).LinkTarget;
        var to = target is null ? "" : $" to '{target}'";
        var what = folder ? "Episodic keeps its lock and journals in a real folder inside the library" : "Episodic does not write through a link it did not make";
        return new LibraryAccessException(path, LibraryAccessProblem.SymbolicLink, $"'{path}' is a symbolic link{to}; {what}: remove the link (rm '{path}'; what it points to is not touched) and run again");
    }

    private static LibraryAccessException NotRegular(string path, EntryKind kind) =>
        new(path, LibraryAccessProblem.NotARegularFile, $"'{path}' is {Describe(kind)}, not a regular file; Episodic keeps its own file there: remove it and run again");

    private static LibraryAccessException NotAFolder(string path, EntryKind kind) =>
        new(path, LibraryAccessProblem.NotAFolder, $"'{path}' is {Describe(kind)}, not a folder; Episodic keeps its lock and journals there: move it away and run again");

    private static string Describe(EntryKind kind) => kind switch
    {
        EntryKind.File => "a file",
        EntryKind.Folder => "a folder",
        EntryKind.Link => "a symbolic link",
        EntryKind.Fifo => "a FIFO (named pipe)",
        EntryKind.Socket => "a socket",
        EntryKind.Missing => "missing",
        _ => "a device",
    };
}
