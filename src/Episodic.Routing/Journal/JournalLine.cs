using System.Text;

namespace Episodic.Routing.Journal;

/// <summary>
/// Signs a journal line: the JSON object gets a last member <c>"mac"</c>, the HMAC-SHA256 (<see cref="JournalKey"/>)
/// of the previous line's MAC followed by the object as it was before the member was added. Chained this way a line
/// cannot be altered, inserted, moved from another journal or written from scratch without the key, and a torn or
/// garbled line no longer matches. A bad line spoils only itself: the next line chains on the MAC written in it.
/// </summary>
internal static class JournalLine
{
    private const int MacHexLength = 64;

    private static readonly byte[] MacPrefix = ",\"mac\":\""u8.ToArray();

    // ,"mac":"<64 hex>"}
    private static readonly int SuffixLength = MacPrefix.Length + MacHexLength + 2;

    /// <summary>The signed line, newline included, for a JSON object <paramref name="json"/>, and its MAC (the next line's <paramref name="previous"/>).</summary>
    public static (byte[] Line, byte[] Mac) Seal(byte[] json, JournalKey key, ReadOnlySpan<byte> previous)
    {
        var mac = key.Sign(previous, json);
        var line = new byte[json.Length - 1 + SuffixLength + 1];
        json.AsSpan(0, json.Length - 1).CopyTo(line);
        var at = json.Length - 1;
        MacPrefix.CopyTo(line, at);
        Encoding.ASCII.GetBytes(Convert.ToHexStringLower(mac), line.AsSpan(at + MacPrefix.Length));
        line[^3] = (byte)'"';
        line[^2] = (byte)'}';
        line[^1] = (byte)'\n';
        return (line, mac);
    }

    /// <summary>
    /// Why a line (without its newline) is not signed by <paramref name="key"/> after <paramref name="previous"/>,
    /// or null when it is. <paramref name="written"/> is the MAC the line carries (whether or not it matches), or
    /// null when it carries none.
    /// </summary>
    public static string? Verify(ReadOnlySpan<byte> line, JournalKey key, ReadOnlySpan<byte> previous, out byte[]? written)
    {
        written = null;
        if (line.Length < SuffixLength + 2 || line[0] != '{' || !line[^2..].SequenceEqual("\"}"u8) || !line[^SuffixLength..].StartsWith(MacPrefix))
        {
            return "not a signed journal line (no MAC)";
        }

        var hex = Encoding.ASCII.GetString(line[^(MacHexLength + 2)..^2]);
        if (!hex.All(Uri.IsHexDigit))
        {
            return "not a signed journal line (the MAC is not hex)";
        }

        written = Convert.FromHexString(hex);
        var body = new byte[line.Length - SuffixLength + 1];
        line[..^SuffixLength].CopyTo(body);
        body[^1] = (byte)'}';
        return System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(key.Sign(previous, body), written)
            ? null
            : "the MAC does not match: the line was altered, damaged, moved from another journal or written without this user's journal key";
    }
}
