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

    /// <summary>The token the group stands in, or null when the group did not take part.</summary>
    internal string? Text => Success ? text : null;

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
/// <remarks>
/// Kept to 40 bytes: the token's text once and each group packed into one <see cref="uint"/> (start + 1 and length,
/// 16 bits each; a name is cut to <see cref="PathParts.MaxLength"/> characters, so both fit). A name asks about 60
/// pattern checks and most return <see cref="Fail"/>: with six full groups the struct was 104 bytes, copied out of
/// every call. The groups are rebuilt on read, so the rules see the same <see cref="TokenGroup"/>s as before.
/// </remarks>
internal readonly struct TokenMatch : IEquatable<TokenMatch>
{
    private readonly string? _text;
    private readonly uint _s, _e, _more, _v, _n, _part;

    public TokenMatch(bool success, TokenGroup s, TokenGroup e, TokenGroup more, TokenGroup v, TokenGroup n, TokenGroup part)
    {
        Success = success;
        _text = s.Text ?? e.Text ?? more.Text ?? v.Text ?? n.Text ?? part.Text;
        (_s, _e, _more, _v, _n, _part) = (Pack(s), Pack(e), Pack(more), Pack(v), Pack(n), Pack(part));
    }

    /// <summary>No match: the zeroed struct (no text, every group unset), so a failed check needs no copy.</summary>
    public static TokenMatch Fail => default;

    public bool Success { get; }

    public TokenGroup S => Unpack(_s);

    public TokenGroup E => Unpack(_e);

    public TokenGroup More => Unpack(_more);

    public TokenGroup V => Unpack(_v);

    public TokenGroup N => Unpack(_n);

    public TokenGroup Part => Unpack(_part);

    /// <summary>The same groups read off a regex match (the path for tokens with non-ASCII characters).</summary>
    public static TokenMatch From(string text, Match m) => m.Success
        ? new(true, Read(text, m, "s"), Read(text, m, "e"), Read(text, m, "more"), Read(text, m, "v"), Read(text, m, "n"), Read(text, m, "part"))
        : Fail;

    public bool Equals(TokenMatch other) =>
        Success == other.Success && string.Equals(_text, other._text, StringComparison.Ordinal)
        && _s == other._s && _e == other._e && _more == other._more && _v == other._v && _n == other._n && _part == other._part;

    public override bool Equals(object? obj) => obj is TokenMatch other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Success, _s, _e, _more, _v, _n, _part);

    public static bool operator ==(TokenMatch left, TokenMatch right) => left.Equals(right);

    public static bool operator !=(TokenMatch left, TokenMatch right) => !left.Equals(right);

    public override string ToString() => Success ? $"TokenMatch {_text} s={S.Index}+{S.Length} e={E.Index}+{E.Length} more={More.Index}+{More.Length} v={V.Index}+{V.Length} n={N.Index}+{N.Length} part={Part.Index}+{Part.Length}" : "TokenMatch.Fail";

    /// <summary>
    /// Start + 1 and length, 16 bits each. Every matched text is a token of a name cut to <see cref="PathParts.MaxLength"/>
    /// characters (or "第" and one), so both fit; a longer one is a caller's bug, stopped here rather than read wrong.
    /// </summary>
    private static uint Pack(TokenGroup g)
    {
        if (!g.Success)
        {
            return 0;
        }

        if (g.Index + 1 > ushort.MaxValue || g.Length > ushort.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(g), "a token match group beyond 65,534 characters");
        }

        return (uint)(g.Index + 1) | (uint)g.Length << 16;
    }

    private TokenGroup Unpack(uint packed) => packed == 0 ? TokenGroup.None : new TokenGroup(_text!, (int)(packed & 0xFFFF) - 1, (int)(packed >> 16));

    private static TokenGroup Read(string text, Match m, string name) =>
        m.Groups.TryGetValue(name, out var g) && g.Success ? new TokenGroup(text, g.Index, g.Length) : TokenGroup.None;
}
