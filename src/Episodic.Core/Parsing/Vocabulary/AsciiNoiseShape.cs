namespace Episodic.Core.Parsing.Vocabulary;

/// <summary>
/// <see cref="ReleaseNoise.NoisePattern"/> read by hand for tokens of ASCII characters only: the pattern is a list of
/// whole-token shapes, so a token matches when any one shape covers it, and each shape is a short fixed check here
/// (case-insensitive by folding ASCII letters; <c>\w</c> on ASCII is a letter, digit or '_'). The regex call this
/// replaces ran for every token with a digit. A test runs this beside the regex on every dev token and generated ones.
/// </summary>
internal static class AsciiNoiseShape
{
    private static readonly string[] AudioWords = ["dd", "ddp", "aac", "ac", "eac", "dts", "flac", "opus", "mp", "truehd"];
    private static readonly string[] RateWords = ["fps", "mbits", "kbit", "kbps", "mbps"];
    private static readonly string[] HdResolutions = ["480", "576", "720", "1080", "2160"];

    /// <summary>The token (ASCII, see <see cref="Rules.AsciiTokenMatchers.TakesAsciiPath"/>) is one of the noise shapes.</summary>
    public static bool IsMatch(string t) => Digits(t, 0) is > 0 and var d && DigitShape(t, d) || LetterShape(t);

    /// <summary>Shapes that start with a digit: 1080p, 1080i50, 1920x1080, 4k, 6ch, 60fps, 1.5gb, 10bit, 10-bit.</summary>
    private static bool DigitShape(string t, int d)
    {
        var n = t.Length;
        // \d{3,4}[pi]\d{0,2} (and \d{3,4}p\d{2})
        if (d is 3 or 4 && At(t, d) is 'p' or 'i' && n - d - 1 <= 2 && Digits(t, d + 1) == n - d - 1)
        {
            return true;
        }

        // \d{3,4}[xх×]\d{3,4}
        if (d is 3 or 4 && At(t, d) == 'x' && Digits(t, d + 1) is 3 or 4 && d + 1 + Digits(t, d + 1) == n)
        {
            return true;
        }

        // [48]k
        if (n == 2 && t[0] is '4' or '8' && At(t, 1) == 'k')
        {
            return true;
        }

        // \d{1,2}ch
        if (d is 1 or 2 && n == d + 2 && Is(t, d, "ch"))
        {
            return true;
        }

        // \d{2,3}(?:fps|mbits|kbit|kbps|mbps)
        if (d is 2 or 3)
        {
            foreach (var rate in RateWords)
            {
                if (n == d + rate.Length && Is(t, d, rate))
                {
                    return true;
                }
            }
        }

        // \d+(?:\.\d+)?(?:gb|mb|tb)
        var p = d;
        if (At(t, p) == '.' && Digits(t, p + 1) is > 0 and var fraction)
        {
            p += 1 + fraction;
        }

        if (n == p + 2 && (Is(t, p, "gb") || Is(t, p, "mb") || Is(t, p, "tb")))
        {
            return true;
        }

        // \d{1,2}bits? and 10-bit
        return d is 1 or 2 && (n == d + 3 && Is(t, d, "bit") || n == d + 4 && Is(t, d, "bits")) || n == 6 && Is(t, 0, "10-bit");
    }

    /// <summary>Shapes that start with a letter (and \w+rip, \w+mux, which may start with a digit): x264, h.264, DD5.1-style audio, HD1080, web-dl, web-rip, blu-ray, hdtv…, …rip, …mux, subita.</summary>
    private static bool LetterShape(string t)
    {
        // Every shape but \w+rip and \w+mux fixes its first letter, so the first letter picks the few shapes to try:
        // most tokens are title words, and trying all of them on each was a few per cent of a parse.
        var n = t.Length;
        var first = At(t, 0);

        // x26[45], h\.?26[45]
        if (first is 'x' or 'h' && (n == 4 && Is(t, 1, "26") && t[3] is '4' or '5' || n == 5 && first == 'h' && t[1] == '.' && Is(t, 2, "26") && t[4] is '4' or '5'))
        {
            return true;
        }

        // (?:hd|fhd|uhd)(?:480|576|720|1080|2160)
        var hd = first switch
        {
            'h' => Is(t, 0, "hd") ? 2 : 0,
            'f' => Is(t, 0, "fhd") ? 3 : 0,
            'u' => Is(t, 0, "uhd") ? 3 : 0,
            _ => 0,
        };
        if (hd > 0)
        {
            foreach (var resolution in HdResolutions)
            {
                if (n == hd + resolution.Length && Is(t, hd, resolution))
                {
                    return true;
                }
            }
        }

        // (?:dd|ddp|aac|ac|eac|dts|flac|opus|mp|truehd)\+?\d(?:ch)?
        if (first is 'd' or 'a' or 'e' or 'f' or 'o' or 'm' or 't')
        {
            foreach (var word in AudioWords)
            {
                if (Is(t, 0, word))
                {
                    var p = word.Length + (At(t, word.Length) == '+' ? 1 : 0);
                    if (p < n && char.IsAsciiDigit(t[p]) && (n == p + 1 || n == p + 3 && Is(t, p + 1, "ch")))
                    {
                        return true;
                    }
                }
            }
        }

        // web-?dl, web-?rip, blu-?ray
        if (first == 'w' && (IsWord(t, "webdl") || IsWord(t, "web-dl") || IsWord(t, "webrip") || IsWord(t, "web-rip"))
            || first == 'b' && (IsWord(t, "bluray") || IsWord(t, "blu-ray")))
        {
            return true;
        }

        // hdtv\w*
        if (first == 'h' && Is(t, 0, "hdtv") && AllWordChars(t, 4, n))
        {
            return true;
        }

        // \w+rip, \w+mux
        if (n >= 4 && (Is(t, n - 3, "rip") || Is(t, n - 3, "mux")) && AllWordChars(t, 0, n - 3))
        {
            return true;
        }

        // s?ubs?ita
        return first == 'u' && (IsWord(t, "ubita") || IsWord(t, "ubsita")) || first == 's' && (IsWord(t, "subita") || IsWord(t, "subsita"));
    }

    private static bool IsWord(string t, string word) => t.Length == word.Length && Is(t, 0, word);

    /// <summary>The lower-case ASCII <paramref name="word"/> stands at <paramref name="p"/>, in any case.</summary>
    private static bool Is(string t, int p, string word)
    {
        if (p + word.Length > t.Length)
        {
            return false;
        }

        for (var k = 0; k < word.Length; k++)
        {
            if (At(t, p + k) != word[k])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>\w on ASCII: a letter, a digit or '_'.</summary>
    private static bool AllWordChars(string t, int from, int to)
    {
        for (var k = from; k < to; k++)
        {
            if (!char.IsAsciiLetterOrDigit(t[k]) && t[k] != '_')
            {
                return false;
            }
        }

        return true;
    }

    private static int Digits(string t, int p)
    {
        var q = p;
        while (q < t.Length && char.IsAsciiDigit(t[q]))
        {
            q++;
        }

        return q - p;
    }

    private static char At(string t, int p) => p < t.Length ? char.IsAsciiLetterUpper(t[p]) ? (char)(t[p] | 0x20) : t[p] : '\0';
}
