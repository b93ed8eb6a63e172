using System.Text.RegularExpressions;

namespace Episodic.Core.Parsing.Rules;

/// <summary>
/// One named group of a <see cref="TokenMatch"/>: where it stands in the token, or not matched. A value type, so
/// reading a token's season or episode digits allocates nothing (a regex <see cref="Group"/> is an object per group).
/// </summary>
internal readonly struct TokenGroup(string text, int index, int length)
{
    /// <summary>A group that did not take part in the match (made once: it is returned for most groups of most tokens).</summary>
    public static readonly TokenGroup None = new(string.Empty, -1, 0);

    public bool Success => index >= 0;

    public int Index => index;

    public int Length => Success ? length : 0;

    public ReadOnlySpan<char> ValueSpan => Success ? text.AsSpan(index, length) : default;

    /// <summary>The group's text; allocates, so only for the rare groups that are split further ("more").</summary>
    public string Value => Success ? text.Substring(index, length) : string.Empty;
}

/// <summary>
/// The result of a <see cref="TokenPattern"/>: success and the named groups the rules read (s, e, more, v, n, part).
/// Filled by a hand matcher for ASCII tokens and from the regex's <see cref="Match"/> otherwise, so both paths give
/// the rules the same shape (a test runs both over every dev token and generated ones).
/// </summary>
internal readonly record struct TokenMatch(bool Success, TokenGroup S, TokenGroup E, TokenGroup More, TokenGroup V, TokenGroup N, TokenGroup Part)
{
    /// <summary>No match (made once: most tokens fail most patterns).</summary>
    public static readonly TokenMatch Fail = new(false, TokenGroup.None, TokenGroup.None, TokenGroup.None, TokenGroup.None, TokenGroup.None, TokenGroup.None);

    /// <summary>The same groups read off a regex match (the path for tokens with non-ASCII characters).</summary>
    public static TokenMatch From(string text, Match m) => m.Success
        ? new(true, Read(text, m, "s"), Read(text, m, "e"), Read(text, m, "more"), Read(text, m, "v"), Read(text, m, "n"), Read(text, m, "part"))
        : Fail;

    private static TokenGroup Read(string text, Match m, string name) =>
        m.Groups.TryGetValue(name, out var g) && g.Success ? new TokenGroup(text, g.Index, g.Length) : TokenGroup.None;
}
