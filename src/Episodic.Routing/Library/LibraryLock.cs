using System.Globalization;
using Episodic.Routing.Apply;
using Episodic.Routing.Journal;

namespace Episodic.Routing.Library;

/// <summary>
/// One writer per library: an OS-level exclusive lock (<c>FileShare.None</c>, which is <c>flock(LOCK_EX)</c> on
/// Unix and a share-mode lock on Windows) on <c>&lt;library&gt;/.episodic/lock</c>, held for a whole apply or undo
/// run. The OS releases it when the process dies, so a crashed run never blocks the next. The holder writes its pid
/// and start time into the lock file and into <c>lock.holder</c> beside it (the lock file itself cannot be opened by
/// another process while held), so a refused run can say who holds it. The folder, the lock and the holder are opened
/// without following links (<see cref="OwnFile"/>): a planted link is refused, never written through.
/// </summary>
public sealed class LibraryLock : IDisposable
{
    public const string FolderName = ".episodic";
    public const string FileName = "lock";
    public const string HolderFileName = "lock.holder";

    /// <summary>Longer than any holder line ("pid N since TIME (command)").</summary>
    private const int MaxHolderLength = 200;

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    private readonly List<(FileStream Stream, string Holder)> _held;

    private LibraryLock(List<(FileStream, string)> held) => _held = held;

    /// <summary>
    /// Locks every root (in ordinal order, so two runs never deadlock). Waits up to <paramref name="wait"/> for a busy
    /// library, polling; <see cref="TimeSpan.Zero"/> refuses at once.
    /// </summary>
    /// <exception cref="LibraryBusyException">Another run still holds a root after <paramref name="wait"/>.</exception>
    /// <exception cref="LibraryAccessException">A link or a non-regular file where the folder, lock or holder belongs.</exception>
    public static LibraryLock Acquire(IEnumerable<string> libraryRoots, TimeSpan wait, string command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(libraryRoots);
        var deadline = DateTimeOffset.UtcNow + wait;
        var held = new List<(FileStream, string)>();
        try
        {
            foreach (var root in libraryRoots.Select(JournalScope.Normalise).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            {
                held.Add(AcquireOne(root, deadline, command, cancellationToken));
            }
        }
        catch
        {
            foreach (var (stream, _) in held)
            {
                stream.Dispose();
            }

            throw;
        }

        return new LibraryLock(held);
    }

    /// <summary>The journal folder of a library root.</summary>
    public static string FolderOf(string libraryRoot) => Path.Join(libraryRoot, FolderName);

    private static (FileStream, string) AcquireOne(string root, DateTimeOffset deadline, string command, CancellationToken cancellationToken)
    {
        var folder = FolderOf(root);
        OwnFile.EnsureFolder(folder);
        var path = Path.Join(folder, FileName);
        var holderPath = Path.Join(folder, HolderFileName);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (OwnFile.TryLock(path) is not { } stream)
            {
                // Someone holds it (EWOULDBLOCK from flock, a sharing violation on Windows).
                if (DateTimeOffset.UtcNow >= deadline)
                {
                    throw new LibraryBusyException(root, ReadHolder(holderPath));
                }

                Thread.Sleep(PollInterval);
                continue;
            }

            try
            {
                var holder = string.Create(CultureInfo.InvariantCulture, $"pid {Environment.ProcessId} since {DateTimeOffset.UtcNow:yyyy-MM-ddTHH:mm:ssZ} ({command})\n");
                var bytes = System.Text.Encoding.UTF8.GetBytes(holder);
                stream.SetLength(0);
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
                using (var holderFile = OwnFile.Open(holderPath, FileMode.OpenOrCreate, FileAccess.Write))
                {
                    holderFile.SetLength(0);
                    holderFile.Write(bytes);
                }

                return (stream, holderPath);
            }
            catch
            {
                stream.Dispose();
                throw;
            }
        }
    }

    /// <summary>
    /// The holder line for a refusal, or null. Read without following a link and only when it has the holder's
    /// form: a planted <c>lock.holder → journal.key</c> must not print the key in the error message.
    /// </summary>
    private static string? ReadHolder(string holderPath)
    {
        try
        {
            using var stream = OwnFile.Open(holderPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            var buffer = new byte[MaxHolderLength];
            var length = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
            var text = System.Text.Encoding.UTF8.GetString(buffer, 0, length).Split('\n')[0].Trim();
            return text.StartsWith("pid ", StringComparison.Ordinal) && text.Length < MaxHolderLength && !text.Any(char.IsControl) ? text : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or LibraryAccessException)
        {
            return null;
        }
    }

    public void Dispose()
    {
        foreach (var (stream, holder) in _held)
        {
            Transfer.TryDelete(holder);
            stream.Dispose();
        }

        _held.Clear();
    }
}

/// <summary>Another run holds the library's lock; nothing was touched.</summary>
public sealed class LibraryBusyException : Exception
{
    public LibraryBusyException(string libraryRoot, string? holder)
        : base($"the library '{libraryRoot}' is in use by another run ({holder ?? "holder unknown"})")
    {
        LibraryRoot = libraryRoot;
        Holder = holder;
    }

    public LibraryBusyException()
    {
    }

    public LibraryBusyException(string message)
        : base(message)
    {
    }

    public LibraryBusyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public string LibraryRoot { get; } = "";

    /// <summary>"pid 1234 since 2026-12-03T16:20:00Z (route --apply)", or null when it could not be read.</summary>
    public string? Holder { get; }
}
