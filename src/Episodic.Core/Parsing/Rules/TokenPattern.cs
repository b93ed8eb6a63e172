using System.Text.RegularExpressions;

namespace Episodic.Core.Parsing.Rules;

/// <summary>
/// A token-sized regex behind a cheap exact pre-check. Most tokens fail on their first character or have no digit
/// where the pattern needs one, and a regex call costs far more than that look (runner set-up, timeout bookkeeping),
/// so the regex runs only on tokens that can match. The pre-check only rejects what the pattern cannot match: an
/// ASCII first character outside <c>asciiFirst</c> (ASCII letters fold only to their own other case under
/// <see cref="RegexOptions.CultureInvariant"/>; any non-ASCII first character goes to the regex, which may fold it),
/// and, with <c>needsDigit</c>, a token without a Unicode decimal digit (what <c>\d</c> matches). A token that passes
/// and is all ASCII goes to the hand matcher (<see cref="AsciiTokenMatchers"/>), which reads the same groups without a
/// regex call; any other token goes to the regex.
/// </summary>
internal sealed class TokenPattern(Regex regex, string asciiFirst, bool needsDigit, Func<string, TokenMatch> ascii)
{
    /// <summary>Bit c set when the ASCII character c may start a match.</summary>
    private readonly UInt128 _firstMask = MaskOf(asciiFirst);

    public Regex Regex { get; } = regex;

    public TokenMatch Match(string text) => MayMatch(text) ? Run(text, AsciiTokenMatchers.TakesAsciiPath(text)) : TokenMatch.Fail;

    /// <summary>
    /// <see cref="Match(string)"/> for a token, reading the digit and ASCII answers the token worked out once instead of
    /// scanning its text again for every pattern.
    /// </summary>
    /// <remarks>
    /// The gate is inlined into the rule that asks: a name makes about 60 checks and 50 of them fail at the gate, so the
    /// call and the copied-out result cost more than the check. A failed check is the zeroed match, which is <see cref="TokenMatch.Fail"/>.
    /// </remarks>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public TokenMatch Match(Tokens.Token token) => MayMatch(token) ? Run(token) : default;

    private TokenMatch Run(Tokens.Token token) => Run(token.Text, token.IsAsciiText);

    /// <summary><see cref="IsMatch(string)"/> for a token (see <see cref="Match(Tokens.Token)"/>).</summary>
    public bool IsMatch(Tokens.Token token) => MayMatch(token) && (token.IsAsciiText ? ascii(token.Text).Success : Regex.IsMatch(token.Text));

    public bool IsMatch(string text) => MayMatch(text) && (AsciiTokenMatchers.TakesAsciiPath(text) ? ascii(text).Success : Regex.IsMatch(text));

    /// <summary>The hand matcher for a token that takes the ASCII path, the regex for any other.</summary>
    private TokenMatch Run(string text, bool asciiPath) => asciiPath ? ascii(text) : TokenMatch.From(text, Regex.Match(text));

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private bool MayMatch(Tokens.Token token) => MayStart(token.Text) && (!needsDigit || token.HasDigit);

    private bool MayMatch(string text) => MayStart(text) && (!needsDigit || HasDigit(text));

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private bool MayStart(string text)
    {
        if (text.Length == 0)
        {
            return false;
        }

        var first = text[0];
        return first >= 128 || (_firstMask >> first & UInt128.One) != UInt128.Zero;
    }

    private static UInt128 MaskOf(string chars)
    {
        var mask = UInt128.Zero;
        foreach (var c in chars)
        {
            mask |= UInt128.One << c;
        }

        return mask;
    }

    private static bool HasDigit(string text)
    {
        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c) || c >= 128 && char.IsDigit(c))
            {
                return true;
            }
        }

        return false;
    }
}
