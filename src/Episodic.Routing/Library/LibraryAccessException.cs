namespace Episodic.Routing.Library;

/// <summary>Why Episodic refuses to use one of its own files or folders in a library.</summary>
public enum LibraryAccessProblem
{
    /// <summary>A symbolic link Episodic did not make: writing through it would change whatever it points to.</summary>
    SymbolicLink,

    /// <summary>A FIFO, device, socket or folder where Episodic keeps a regular file.</summary>
    NotARegularFile,

    /// <summary>A file where Episodic keeps its folder (<c>.episodic</c>).</summary>
    NotAFolder,

    /// <summary>A file with more than one name (a hard link): writing it would change the other name's content too.</summary>
    HardLinked,

    /// <summary>The library is on a read-only file system (EROFS).</summary>
    ReadOnlyFileSystem,

    /// <summary>This user may not write there (EACCES, EPERM).</summary>
    PermissionDenied,
}

/// <summary>
/// Episodic will not, or cannot, write its own state (<c>.episodic</c>, the lock, its holder, a journal) in a
/// library; nothing was changed. The message is one line naming the path and the fix.
/// </summary>
public sealed class LibraryAccessException : Exception
{
    public LibraryAccessException(string path, LibraryAccessProblem problem, string message, Exception? inner = null)
        : base(message, inner)
    {
        Path = path;
        Problem = problem;
    }

    public LibraryAccessException()
    {
    }

    public LibraryAccessException(string message)
        : base(message)
    {
    }

    public LibraryAccessException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The file or folder refused.</summary>
    public string Path { get; } = "";

    public LibraryAccessProblem Problem { get; }
}
