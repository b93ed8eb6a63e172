using System.Globalization;
using System.IO.Hashing;
using System.Text.RegularExpressions;

namespace Episodic.Routing.Apply;

/// <summary>CRC32 tags in release names and content comparison for collisions.</summary>
internal static partial class ContentHash
{
    private const int BufferSize = 1 << 20;

    /// <summary>The upper-case CRC32 tag of a file name ("[ABCD1234]"), the last one if several; null when none.</summary>
    public static string? TagOf(string path)
    {
        var matches = Tag().Matches(Path.GetFileName(path));
        return matches.Count > 0 ? matches[^1].Groups[1].Value.ToUpperInvariant() : null;
    }

    public static uint Crc32Of(string path)
    {
        var crc = new Crc32();
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.SequentialScan);
        crc.Append(stream);
        return crc.GetCurrentHashAsUInt32();
    }

    public static string Hex(uint crc) => crc.ToString("X8", CultureInfo.InvariantCulture);

    /// <summary>Same size and same 128-bit content hash: the two files hold the same episode, one copy is enough.</summary>
    public static bool Identical(string a, string b)
    {
        if (new FileInfo(a).Length != new FileInfo(b).Length)
        {
            return false;
        }

        return Hash128(a).SequenceEqual(Hash128(b));
    }

    private static byte[] Hash128(string path)
    {
        var hash = new XxHash128();
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.SequentialScan);
        hash.Append(stream);
        return hash.GetCurrentHash();
    }

    [GeneratedRegex(@"\[([0-9A-Fa-f]{8})\]", RegexOptions.CultureInvariant, Episodic.Core.Text.RegexLimits.TimeoutMs)]
    private static partial Regex Tag();
}
