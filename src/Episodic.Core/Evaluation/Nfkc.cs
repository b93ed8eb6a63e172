using System.Text;

namespace Episodic.Core.Evaluation;

/// <summary>
/// NFKC as score.py applies it. With InvariantGlobalization the runtime's <see cref="string.Normalize(NormalizationForm)"/>
/// leaves non-ASCII text unchanged, so in that mode the compatibility mappings that occur in release names are applied
/// by hand: full-width ASCII, odd spaces, super/subscript and circled digits, Roman numerals and Latin ligatures.
/// Known gap in that mode: canonical composition (a base letter followed by a combining mark stays decomposed).
/// </summary>
internal static class Nfkc
{
    private static readonly bool RuntimeNormalizes = "\uFF21".Normalize(NormalizationForm.FormKC) == "A";

    private static readonly string[] Roman = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "L", "C", "D", "M"];
    private static readonly string[] Ligatures = ["ff", "fi", "fl", "ffi", "ffl", "st", "st"];

    public static string Normalize(string s)
    {
        if (System.Text.Ascii.IsValid(s))
        {
            return s;
        }

        if (RuntimeNormalizes)
        {
            return s.Normalize(NormalizationForm.FormKC);
        }

        var sb = new StringBuilder(s.Length);
        foreach (var r in s.EnumerateRunes())
        {
            var mapped = Map(r.Value);
            if (mapped is null)
            {
                sb.Append(r.ToString());
            }
            else
            {
                sb.Append(mapped);
            }
        }

        return sb.ToString();
    }

    private static string? Map(int c) => c switch
    {
        >= 0xFF01 and <= 0xFF5E => ((char)(c - 0xFEE0)).ToString(),
        0x00A0 or 0x3000 or 0x202F or 0x205F or (>= 0x2000 and <= 0x200A) => " ",
        0x00B2 => "2",
        0x00B3 => "3",
        0x00B9 => "1",
        0x2070 => "0",
        >= 0x2074 and <= 0x2079 => ((char)('4' + c - 0x2074)).ToString(),
        >= 0x2080 and <= 0x2089 => ((char)('0' + c - 0x2080)).ToString(),
        >= 0x2460 and <= 0x2468 => ((char)('1' + c - 0x2460)).ToString(),
        >= 0x2469 and <= 0x2473 => (c - 0x2460 + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
        >= 0x2160 and <= 0x216F => Roman[c - 0x2160],
        >= 0x2170 and <= 0x217F => Roman[c - 0x2170].ToLowerInvariant(),
        >= 0xFB00 and <= 0xFB06 => Ligatures[c - 0xFB00],
        0x2026 => "...",
        _ => null,
    };
}
