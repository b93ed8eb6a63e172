namespace Episodic.Core.Parsing.Rules;

/// <summary>
/// Hand matchers for the token patterns of <see cref="Patterns"/>, for tokens of ASCII characters only (almost all of
/// them). A regex call costs a runner, timeout bookkeeping and, on success, a match object with its groups; these read
/// the same short shapes in one pass and allocate nothing. Each method mirrors its pattern (quoted above it) and returns
/// the groups the regex would: every quantifier here is a maximal digit run, and a shorter run would leave a digit that
/// nothing after it accepts, so the greedy reading is the only one that can succeed. Case-insensitive letters compare
/// by <see cref="Lower"/>, which is exact for ASCII. Non-ASCII tokens never come here (the regex folds them).
/// </summary>
internal static class AsciiTokenMatchers
{
    /// <summary>
    /// A token the hand matchers read: ASCII only and not ending in a line feed (a regex's <c>$</c> also matches before
    /// a final '\n', which the matchers do not model; such tokens go to the regex).
    /// </summary>
    public static bool TakesAsciiPath(string t) => t.Length > 0 && t[^1] != '\n' && System.Text.Ascii.IsValid(t);

    /// <summary>^(?:s|t(?=\d{2}e\d{2})|(?=\d{2}e\d{2}$))(?&lt;s&gt;\d{1,4})(?:x?e|ep|x)(?&lt;e&gt;\d{1,4})(?&lt;more&gt;(?:(?:e|and)\d{1,4})*)(?:v(?&lt;v&gt;\d{1,2}))?[a-d]?$</summary>
    public static TokenMatch SeasonEpisode(string t)
    {
        int p;
        var first = Lower(t[0]);
        if (first == 's')
        {
            p = 1;
        }
        else if (first == 't')
        {
            if (!TwoDigitsETwoDigits(t, 1))
            {
                return TokenMatch.Fail;
            }

            p = 1;
        }
        else if (t.Length == 5 && TwoDigitsETwoDigits(t, 0))
        {
            p = 0;
        }
        else
        {
            return TokenMatch.Fail;
        }

        var sLength = Digits(t, p);
        if (sLength is < 1 or > 4)
        {
            return TokenMatch.Fail;
        }

        var s = new TokenGroup(t, p, sLength);
        p += sLength;

        // (?:x?e|ep|x), tried in the regex's order.
        if (At(t, p) == 'x' && At(t, p + 1) == 'e' && SeasonEpisodeRest(t, p + 2, s) is { Success: true } xe)
        {
            return xe;
        }

        if (At(t, p) == 'e' && SeasonEpisodeRest(t, p + 1, s) is { Success: true } e)
        {
            return e;
        }

        if (At(t, p) == 'e' && At(t, p + 1) == 'p' && SeasonEpisodeRest(t, p + 2, s) is { Success: true } ep)
        {
            return ep;
        }

        return At(t, p) == 'x' ? SeasonEpisodeRest(t, p + 1, s) : TokenMatch.Fail;
    }

    private static TokenMatch SeasonEpisodeRest(string t, int p, TokenGroup s)
    {
        var eLength = Digits(t, p);
        if (eLength is < 1 or > 4)
        {
            return TokenMatch.Fail;
        }

        var e = new TokenGroup(t, p, eLength);
        p += eLength;
        var moreStart = p;
        while (true)
        {
            if (At(t, p) == 'e' && Digits(t, p + 1) is >= 1 and <= 4 and var n)
            {
                p += 1 + n;
            }
            else if (At(t, p) == 'a' && At(t, p + 1) == 'n' && At(t, p + 2) == 'd' && Digits(t, p + 3) is >= 1 and <= 4 and var m)
            {
                p += 3 + m;
            }
            else
            {
                break;
            }
        }

        var more = new TokenGroup(t, moreStart, p - moreStart);
        var v = Version(t, ref p);
        if (At(t, p) is >= 'a' and <= 'd')
        {
            p++;
        }

        return p == t.Length ? new TokenMatch(true, s, e, more, v, TokenGroup.None, TokenGroup.None) : TokenMatch.Fail;
    }

    /// <summary>^s(?&lt;s&gt;\d{1,4})$</summary>
    public static TokenMatch SeasonOnly(string t) =>
        Lower(t[0]) == 's' && Digits(t, 1) is >= 1 and <= 4 and var n && 1 + n == t.Length
            ? new TokenMatch(true, new TokenGroup(t, 1, n), TokenGroup.None, TokenGroup.None, TokenGroup.None, TokenGroup.None, TokenGroup.None)
            : TokenMatch.Fail;

    /// <summary>^s(?&lt;s&gt;\d{1,3})d\d{1,2}$</summary>
    public static TokenMatch SeasonDisc(string t) =>
        Lower(t[0]) == 's' && Digits(t, 1) is >= 1 and <= 3 and var n && At(t, 1 + n) == 'd' && Digits(t, 2 + n) is >= 1 and <= 2 and var d && 2 + n + d == t.Length
            ? new TokenMatch(true, new TokenGroup(t, 1, n), TokenGroup.None, TokenGroup.None, TokenGroup.None, TokenGroup.None, TokenGroup.None)
            : TokenMatch.Fail;

    /// <summary>^(?:e|ep|x)(?&lt;e&gt;\d{1,5})(?&lt;more&gt;(?:e\d{1,4})*)(?:v(?&lt;v&gt;\d{1,2}))?$</summary>
    public static TokenMatch EpisodePart(string t)
    {
        var first = Lower(t[0]);
        if (first == 'e')
        {
            return EpisodePartRest(t, At(t, 1) == 'p' ? 2 : 1);
        }

        return first == 'x' ? EpisodePartRest(t, 1) : TokenMatch.Fail;
    }

    private static TokenMatch EpisodePartRest(string t, int p)
    {
        var eLength = Digits(t, p);
        if (eLength is < 1 or > 5)
        {
            return TokenMatch.Fail;
        }

        var e = new TokenGroup(t, p, eLength);
        p += eLength;
        var moreStart = p;
        while (At(t, p) == 'e' && Digits(t, p + 1) is >= 1 and <= 4 and var n)
        {
            p += 1 + n;
        }

        var more = new TokenGroup(t, moreStart, p - moreStart);
        var v = Version(t, ref p);
        return p == t.Length ? new TokenMatch(true, TokenGroup.None, e, more, v, TokenGroup.None, TokenGroup.None) : TokenMatch.Fail;
    }

    /// <summary>^(?&lt;s&gt;\d{1,4})[xх×](?&lt;e&gt;\d{1,4})(?&lt;more&gt;(?:(?:[xх×]|and)\d{1,3})*)(?:v(?&lt;v&gt;\d{1,2}))?$ (only 'x' is ASCII).</summary>
    public static TokenMatch Cross(string t)
    {
        var sLength = Digits(t, 0);
        if (sLength is < 1 or > 4 || At(t, sLength) != 'x' || Digits(t, sLength + 1) is not (>= 1 and <= 4 and var eLength))
        {
            return TokenMatch.Fail;
        }

        var p = sLength + 1 + eLength;
        var moreStart = p;
        while (true)
        {
            if (At(t, p) == 'x' && Digits(t, p + 1) is >= 1 and <= 3 and var n)
            {
                p += 1 + n;
            }
            else if (At(t, p) == 'a' && At(t, p + 1) == 'n' && At(t, p + 2) == 'd' && Digits(t, p + 3) is >= 1 and <= 3 and var m)
            {
                p += 3 + m;
            }
            else
            {
                break;
            }
        }

        var more = new TokenGroup(t, moreStart, p - moreStart);
        var v = Version(t, ref p);
        return p == t.Length
            ? new TokenMatch(true, new TokenGroup(t, 0, sLength), new TokenGroup(t, sLength + 1, eLength), more, v, TokenGroup.None, TokenGroup.None)
            : TokenMatch.Fail;
    }

    /// <summary>^(?&lt;s&gt;\d{1,2})xall$</summary>
    public static TokenMatch CrossAll(string t) =>
        Digits(t, 0) is >= 1 and <= 2 and var n && t.Length == n + 4 && At(t, n) == 'x' && At(t, n + 1) == 'a' && At(t, n + 2) == 'l' && At(t, n + 3) == 'l'
            ? new TokenMatch(true, new TokenGroup(t, 0, n), TokenGroup.None, TokenGroup.None, TokenGroup.None, TokenGroup.None, TokenGroup.None)
            : TokenMatch.Fail;

    /// <summary>^(?:part|pt)(?&lt;e&gt;\d{1,4})$</summary>
    public static TokenMatch PartJoined(string t)
    {
        if (Lower(t[0]) != 'p')
        {
            return TokenMatch.Fail;
        }

        var p = At(t, 1) == 'a' && At(t, 2) == 'r' && At(t, 3) == 't' ? 4 : At(t, 1) == 't' ? 2 : -1;
        return p > 0 && Digits(t, p) is >= 1 and <= 4 and var n && p + n == t.Length
            ? new TokenMatch(true, TokenGroup.None, new TokenGroup(t, p, n), TokenGroup.None, TokenGroup.None, TokenGroup.None, TokenGroup.None)
            : TokenMatch.Fail;
    }

    /// <summary>^(?&lt;e&gt;\d{1,4})(?:v(?&lt;v&gt;\d{1,2}))?(?:end|fin|完)?$ ('完' is not ASCII).</summary>
    public static TokenMatch Number(string t)
    {
        var eLength = Digits(t, 0);
        if (eLength is < 1 or > 4)
        {
            return TokenMatch.Fail;
        }

        var p = eLength;
        var v = Version(t, ref p);
        if (p + 3 == t.Length && (At(t, p) == 'e' && At(t, p + 1) == 'n' && At(t, p + 2) == 'd' || At(t, p) == 'f' && At(t, p + 1) == 'i' && At(t, p + 2) == 'n'))
        {
            p += 3;
        }

        return p == t.Length ? new TokenMatch(true, TokenGroup.None, new TokenGroup(t, 0, eLength), TokenGroup.None, v, TokenGroup.None, TokenGroup.None) : TokenMatch.Fail;
    }

    /// <summary>^(?&lt;e&gt;\d{1,4})(?&lt;part&gt;[a-d])$</summary>
    public static TokenMatch SplitNumber(string t) =>
        Digits(t, 0) is >= 1 and <= 4 and var n && t.Length == n + 1 && At(t, n) is >= 'a' and <= 'd'
            ? new TokenMatch(true, TokenGroup.None, new TokenGroup(t, 0, n), TokenGroup.None, TokenGroup.None, TokenGroup.None, new TokenGroup(t, n, 1))
            : TokenMatch.Fail;

    /// <summary>^(?&lt;n&gt;\d{1,2})(?:st|nd|rd|th)$</summary>
    public static TokenMatch Ordinal(string t)
    {
        if (Digits(t, 0) is not (>= 1 and <= 2 and var n) || t.Length != n + 2)
        {
            return TokenMatch.Fail;
        }

        var (a, b) = (At(t, n), At(t, n + 1));
        return a == 's' && b == 't' || a == 'n' && b == 'd' || a == 'r' && b == 'd' || a == 't' && b == 'h'
            ? new TokenMatch(true, TokenGroup.None, TokenGroup.None, TokenGroup.None, TokenGroup.None, new TokenGroup(t, 0, n), TokenGroup.None)
            : TokenMatch.Fail;
    }

    /// <summary>^(?&lt;e&gt;\d{1,3})of(?&lt;n&gt;\d{1,3})$</summary>
    public static TokenMatch NOfM(string t) =>
        Digits(t, 0) is >= 1 and <= 3 and var e && At(t, e) == 'o' && At(t, e + 1) == 'f' && Digits(t, e + 2) is >= 1 and <= 3 and var n && e + 2 + n == t.Length
            ? new TokenMatch(true, TokenGroup.None, new TokenGroup(t, 0, e), TokenGroup.None, TokenGroup.None, new TokenGroup(t, e + 2, n), TokenGroup.None)
            : TokenMatch.Fail;

    /// <summary>^v(?&lt;v&gt;\d{1,2})$</summary>
    public static TokenMatch VersionTag(string t) =>
        Lower(t[0]) == 'v' && Digits(t, 1) is >= 1 and <= 2 and var n && 1 + n == t.Length
            ? new TokenMatch(true, TokenGroup.None, TokenGroup.None, TokenGroup.None, new TokenGroup(t, 1, n), TokenGroup.None, TokenGroup.None)
            : TokenMatch.Fail;

    /// <summary>^(?:sp|ova|oad|special)(?&lt;e&gt;\d{1,3})$ (a numbered special, "SP01", "OVA2").</summary>
    public static TokenMatch SpecialNumber(string t)
    {
        foreach (var word in SpecialWords)
        {
            if (StartsWithWord(t, word) && Digits(t, word.Length) is >= 1 and <= 3 and var n && word.Length + n == t.Length)
            {
                return new TokenMatch(true, TokenGroup.None, new TokenGroup(t, word.Length, n), TokenGroup.None, TokenGroup.None, TokenGroup.None, TokenGroup.None);
            }
        }

        return TokenMatch.Fail;
    }

    private static readonly string[] SpecialWords = ["sp", "ova", "oad", "special"];

    /// <summary>^nc(?:op|ed)\d{1,2}$ ("NCOP1", "NCED2").</summary>
    public static TokenMatch CreditlessNumbered(string t) =>
        (StartsWithWord(t, "ncop") || StartsWithWord(t, "nced")) && Digits(t, 4) is >= 1 and <= 2 and var n && 4 + n == t.Length
            ? new TokenMatch(true, TokenGroup.None, TokenGroup.None, TokenGroup.None, TokenGroup.None, TokenGroup.None, TokenGroup.None)
            : TokenMatch.Fail;

    /// <summary>The token starts with the lower-case ASCII word, in any case.</summary>
    private static bool StartsWithWord(string t, string word)
    {
        if (t.Length < word.Length)
        {
            return false;
        }

        for (var k = 0; k < word.Length; k++)
        {
            if (Lower(t[k]) != word[k])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>For patterns that need a non-ASCII character (第, 話, 期): no ASCII token matches them.</summary>
    public static TokenMatch Never(string t) => TokenMatch.Fail;

    /// <summary>(?:v(?&lt;v&gt;\d{1,2}))? at p: taken when 'v' and one or two digits stand there (a third digit fails the whole match anyway).</summary>
    private static TokenGroup Version(string t, ref int p)
    {
        if (At(t, p) == 'v' && Digits(t, p + 1) is >= 1 and <= 2 and var n)
        {
            var v = new TokenGroup(t, p + 1, n);
            p += 1 + n;
            return v;
        }

        return TokenGroup.None;
    }

    /// <summary>\d{2}e\d{2} at p (not anchored at the end).</summary>
    private static bool TwoDigitsETwoDigits(string t, int p) =>
        char.IsAsciiDigit(At(t, p)) && char.IsAsciiDigit(At(t, p + 1)) && At(t, p + 2) == 'e' && char.IsAsciiDigit(At(t, p + 3)) && char.IsAsciiDigit(At(t, p + 4));

    /// <summary>The length of the run of ASCII digits at p.</summary>
    private static int Digits(string t, int p)
    {
        var q = p;
        while (q < t.Length && char.IsAsciiDigit(t[q]))
        {
            q++;
        }

        return q - p;
    }

    /// <summary>The character at p folded to lower case, or '\0' past the end.</summary>
    private static char At(string t, int p) => p < t.Length ? Lower(t[p]) : '\0';

    private static char Lower(char c) => char.IsAsciiLetterUpper(c) ? (char)(c | 0x20) : c;
}
