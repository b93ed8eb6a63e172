using System.Globalization;
using System.IO.Hashing;
using System.Text;

namespace Episodic.Routing;

/// <summary>
/// Seals a journal line: the JSON object gets a last member <c>"sum"</c>, the CRC32 of the object as it was before
/// the member was added. A line altered, truncated or garbled by hand or by a crash no longer matches its sum.
/// </summary>
internal static class JournalLine
{
    private static readonly byte[] SumPrefix = ",\"sum\":\""u8.ToArray();

    // ,"sum":"XXXXXXXX"}
    private static readonly int SuffixLength = SumPrefix.Length + 8 + 2;

    /// <summary>The sealed line, newline included, for a JSON object <paramref name="json"/>.</summary>
    public static byte[] Seal(byte[] json)
    {
        var sum = Crc32.HashToUInt32(json).ToString("X8", CultureInfo.InvariantCulture);
        var line = new byte[json.Length - 1 + SuffixLength + 1];
        json.AsSpan(0, json.Length - 1).CopyTo(line);
        var at = json.Length - 1;
        SumPrefix.CopyTo(line, at);
        Encoding.ASCII.GetBytes(sum, line.AsSpan(at + SumPrefix.Length));
        line[^3] = (byte)'"';
        line[^2] = (byte)'}';
        line[^1] = (byte)'\n';
        return line;
    }

    /// <summary>Why a line (without its newline) is not a sealed line, or null when its sum matches.</summary>
    public static string? Verify(ReadOnlySpan<byte> line)
    {
        if (line.Length < SuffixLength + 2 || line[0] != '{' || !line[^2..].SequenceEqual("\"}"u8) || !line[^SuffixLength..].StartsWith(SumPrefix))
        {
            return "not a sealed journal line (no checksum)";
        }

        var body = new byte[line.Length - SuffixLength + 1];
        line[..^SuffixLength].CopyTo(body);
        body[^1] = (byte)'}';
        var expected = Crc32.HashToUInt32(body).ToString("X8", CultureInfo.InvariantCulture);
        return line[^10..^2].SequenceEqual(Encoding.ASCII.GetBytes(expected)) ? null : "checksum mismatch: the line was altered or damaged";
    }
}
