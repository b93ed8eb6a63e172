namespace Episodic.Routing.Apply;

/// <summary>
/// The two ways a file reaches its destination without ever existing nowhere: an atomic rename on one file system,
/// or copy → flush → verify → rename into place → delete the source across file systems. The destination name only
/// ever appears complete; a crash leaves the source intact plus, at worst, a temp file the journal knows about.
/// </summary>
internal static class Transfer
{
    public const string TempPrefix = ".episodic-tmp-";

    /// <summary>A temp name in the destination's folder, so the final rename never crosses file systems.</summary>
    public static string TempBeside(string destination) =>
        Path.Join(Path.GetDirectoryName(destination), TempPrefix + Guid.NewGuid().ToString("N"));

    public static void Move(FileOps ops, string source, string destination, string temp, bool checkCrc)
    {
        if (ops.SameDevice(source, destination))
        {
            ops.Rename(source, destination);
            return;
        }

        MoveAcrossDevices(ops, source, destination, temp, checkCrc);
    }

    /// <summary>Copy, verify and rename into place; only then is the source deleted.</summary>
    public static void MoveAcrossDevices(FileOps ops, string source, string destination, string temp, bool checkCrc)
    {
        CopyVerified(ops, source, destination, temp, checkCrc);
        ops.Delete(source);
    }

    /// <summary>
    /// Copies to <paramref name="temp"/>, checks the size (and, when <paramref name="checkCrc"/>, re-reads the copy and
    /// compares its CRC32 with the bytes read from the source), then renames into place without overwriting.
    /// </summary>
    public static void CopyVerified(FileOps ops, string source, string destination, string temp, bool checkCrc)
    {
        var expected = ContentLength(source);
        try
        {
            var sourceCrc = ops.CopyToTemp(source, temp);
            var copied = new FileInfo(temp).Length;
            if (copied != expected)
            {
                throw new IOException($"the copy of '{source}' has {copied} bytes, expected {expected}; the source is kept");
            }

            if (checkCrc && ContentHash.Crc32Of(temp) is var copyCrc && copyCrc != sourceCrc)
            {
                throw new IOException($"the copy of '{source}' has CRC32 {ContentHash.Hex(copyCrc)}, the source {ContentHash.Hex(sourceCrc)}; the source is kept");
            }

            ops.Rename(temp, destination);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            TryDelete(temp);
            throw;
        }
    }

    /// <summary>The length of a file's content: for a symlink, of the file it points to (never of the link itself).</summary>
    public static long ContentLength(string path)
    {
        var info = new FileInfo(path);
        return info.LinkTarget is null ? info.Length : ((FileInfo?)info.ResolveLinkTarget(returnFinalTarget: true))?.Length ?? throw new FileNotFoundException($"'{path}' is a link to nothing", path);
    }

    /// <summary>True for a symbolic link: routing files its content, never the link (a relative one would dangle).</summary>
    public static bool IsLink(string path) => new FileInfo(path).LinkTarget is not null;

    /// <summary>True when two paths can name one file on a case-insensitive file system (macOS, Windows).</summary>
    public static bool SamePathIgnoringCase(string a, string b) =>
        string.Equals(Path.GetFullPath(a), Path.GetFullPath(b), StringComparison.OrdinalIgnoreCase);

    public static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A stray temp file is harmless and the next run's recovery removes it.
        }
    }
}
