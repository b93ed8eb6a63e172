using Episodic.Routing.Apply;

namespace Episodic.Routing.Journal;

/// <summary>
/// Which paths a journal line may name: sources under the header's source roots, destinations under its library
/// roots, temp files only in Episodic's own pattern beside the destination. Resume and undo act on nothing else.
/// </summary>
internal static class JournalScope
{
    private static readonly System.Buffers.SearchValues<char> LowerHex = System.Buffers.SearchValues.Create("0123456789abcdef");

    private static readonly StringComparison PathComparison = OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    /// <summary>A full path without a trailing separator (a file system root keeps its own).</summary>
    public static string Normalise(string path)
    {
        var full = Path.GetFullPath(path);
        return Path.GetPathRoot(full) == full ? full : Path.TrimEndingDirectorySeparator(full);
    }

    /// <summary>True when both full paths name the same place (case-insensitive on Windows).</summary>
    public static bool SamePath(string a, string b) => string.Equals(a, b, PathComparison);

    /// <summary>Why the header cannot be trusted, or null.</summary>
    public static string? CheckHeader(JournalHeader header)
    {
        if (header.Format is < JournalHeader.OldestReadableFormat or > JournalHeader.CurrentFormat)
        {
            return $"journal format {header.Format} is not supported (this build reads formats {JournalHeader.OldestReadableFormat} to {JournalHeader.CurrentFormat})";
        }

        foreach (var root in header.LibraryRoots.Concat(header.Sources))
        {
            if (string.IsNullOrEmpty(root) || !Path.IsPathFullyQualified(root) || Normalise(root) != root)
            {
                return $"the header names the root '{root}', which is not a full, normalised path";
            }

            if (Path.GetPathRoot(root) == root)
            {
                return $"the header names the file system root '{root}' as a run root";
            }
        }

        return header.Sources.Count == 0 ? "the header names no source roots" : null;
    }

    /// <summary>Why an entry points outside the run's roots, or null when every path it names is in scope.</summary>
    public static string? Check(JournalHeader header, JournalEntry entry)
    {
        var (sourceRoots, destinationRoots) = entry.Op == JournalOp.Undo
            ? (header.LibraryRoots, header.Sources)
            : (header.Sources, header.LibraryRoots);
        if (entry.Source is { } src && !Under(src, sourceRoots))
        {
            return $"'{src}' is outside the roots the header names ({string.Join(", ", sourceRoots)})";
        }

        if (entry.Destination is { } dst && !Under(dst, destinationRoots))
        {
            return $"'{dst}' is outside the roots the header names ({string.Join(", ", destinationRoots)})";
        }

        if (entry.Type == JournalRecordKind.Intent && entry.Op is not (JournalOp.Mkdir or JournalOp.Undo or JournalOp.Rmdir) && (entry.Source is null || entry.Destination is null))
        {
            return $"a {entry.Op.WireName()} intent without both paths";
        }

        if ((entry.Type == JournalRecordKind.End) != (entry.Op == JournalOp.Run))
        {
            return "an end record must be about the run, and only an end record is";
        }

        if (entry.Temp is { } temp && (entry.Destination is not { } beside || !IsOwnTemp(temp, beside)))
        {
            return $"'{temp}' is not an Episodic temp file beside the destination";
        }

        return null;
    }

    /// <summary>True when <paramref name="temp"/> is ".episodic-tmp-" + 32 hex digits in the folder of <paramref name="destination"/>.</summary>
    public static bool IsOwnTemp(string temp, string destination)
    {
        var name = Path.GetFileName(temp);
        return string.Equals(Path.GetDirectoryName(temp), Path.GetDirectoryName(destination), PathComparison)
            && name.Length == Transfer.TempPrefix.Length + 32
            && name.StartsWith(Transfer.TempPrefix, StringComparison.Ordinal)
            && !name.AsSpan(Transfer.TempPrefix.Length).ContainsAnyExcept(LowerHex);
    }

    /// <summary>True when <paramref name="path"/> is full, normalised, and one of <paramref name="roots"/> or inside one.</summary>
    public static bool Under(string path, IEnumerable<string> roots)
    {
        if (!Path.IsPathFullyQualified(path) || Normalise(path) != path)
        {
            return false;
        }

        foreach (var root in roots)
        {
            if (string.Equals(path, root, PathComparison))
            {
                return true;
            }

            var prefix = Path.EndsInDirectorySeparator(root) ? root : root + Path.DirectorySeparatorChar;
            if (path.StartsWith(prefix, PathComparison))
            {
                return true;
            }
        }

        return false;
    }
}
