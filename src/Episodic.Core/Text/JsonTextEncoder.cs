using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;

namespace Episodic.Core.Text;

/// <summary>
/// The encoder for every JSON Episodic writes (CLI output, the answer cache, HTTP responses): it escapes only what
/// JSON needs — the quote, the backslash and control characters — plus lone surrogates (not text; written as U+FFFD)
/// and U+2028/U+2029 (line breaks to JavaScript). Everything else is written as it is, so "Café", "薬屋のひとりごと"
/// and "🎬" stay readable. The built-in encoders, even <see cref="JavaScriptEncoder.UnsafeRelaxedJsonEscaping"/>,
/// escape every character outside the Basic Multilingual Plane (an emoji becomes <c>\uD83C\uDFAC</c>).
/// Like the relaxed encoder it does not escape HTML's <c>&lt; &gt; &amp; '</c>: this JSON is never inlined into HTML.
/// </summary>
public sealed class JsonTextEncoder : JavaScriptEncoder
{
    /// <summary>UTF-16 code units worth a look: control characters, '"', '\', the two line separators, surrogates.</summary>
    private static readonly SearchValues<char> Special = SearchValues.Create(
        "\0\u0001\u0002\u0003\u0004\u0005\u0006\u0007\b\t\n\u000B\f\r\u000E\u000F\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F\"\\\u2028\u2029"
        + string.Concat(Enumerable.Range(0xD800, 0x800).Select(c => (char)c)));

    /// <summary>UTF-8 bytes worth a look: control characters, '"', '\', and every non-ASCII byte (decoded to check).</summary>
    private static readonly SearchValues<byte> SpecialUtf8 = SearchValues.Create([.. Enumerable.Range(0, 0x20).Select(b => (byte)b), (byte)'"', (byte)'\\', .. Enumerable.Range(0x80, 0x80).Select(b => (byte)b)]);

    private JsonTextEncoder()
    {
    }

    public static JsonTextEncoder Instance { get; } = new();

    /// <summary>"\uXXXX\uXXXX" is the longest a scalar can become (never produced here, but the contract allows it).</summary>
    public override int MaxOutputCharactersPerInputCharacter => 12;

    public override bool WillEncode(int unicodeScalar) =>
        unicodeScalar is < 0x20 or '"' or '\\' or 0x2028 or 0x2029 or (>= 0xD800 and <= 0xDFFF);

    public override unsafe int FindFirstCharacterToEncode(char* text, int textLength)
    {
        var span = new ReadOnlySpan<char>(text, textLength);
        var offset = 0;
        while (offset < span.Length)
        {
            var found = span[offset..].IndexOfAny(Special);
            if (found < 0)
            {
                return -1;
            }

            var i = offset + found;
            if (char.IsHighSurrogate(span[i]) && i + 1 < span.Length && char.IsLowSurrogate(span[i + 1]))
            {
                offset = i + 2; // a well-formed pair (an emoji) is written as it is
                continue;
            }

            return i;
        }

        return -1;
    }

    public override int FindFirstCharacterToEncodeUtf8(ReadOnlySpan<byte> utf8Text)
    {
        var offset = 0;
        while (offset < utf8Text.Length)
        {
            var found = utf8Text[offset..].IndexOfAny(SpecialUtf8);
            if (found < 0)
            {
                return -1;
            }

            var i = offset + found;
            if (utf8Text[i] < 0x80 || Rune.DecodeFromUtf8(utf8Text[i..], out var rune, out var length) != OperationStatus.Done || WillEncode(rune.Value))
            {
                return i;
            }

            offset = i + length;
        }

        return -1;
    }

    public override unsafe bool TryEncodeUnicodeScalar(int unicodeScalar, char* buffer, int bufferLength, out int numberOfCharactersWritten)
    {
        var destination = new Span<char>(buffer, bufferLength);
        numberOfCharactersWritten = 0;
        if (!WillEncode(unicodeScalar))
        {
            if (!Rune.IsValid(unicodeScalar) || !new Rune(unicodeScalar).TryEncodeToUtf16(destination, out var written))
            {
                return false;
            }

            numberOfCharactersWritten = written;
            return true;
        }

        var escape = unicodeScalar switch
        {
            '"' => "\\\"",
            '\\' => "\\\\",
            '\n' => "\\n",
            '\r' => "\\r",
            '\t' => "\\t",
            '\b' => "\\b",
            '\f' => "\\f",
            _ => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"\\u{unicodeScalar:X4}"),
        };
        if (!escape.AsSpan().TryCopyTo(destination))
        {
            return false;
        }

        numberOfCharactersWritten = escape.Length;
        return true;
    }
}
