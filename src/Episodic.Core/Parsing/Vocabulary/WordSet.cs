using System.Collections.Frozen;
using System.Text;

namespace Episodic.Core.Parsing.Vocabulary;

/// <summary>
/// A case-insensitive word table asked about every token of every name. A frozen set whose words include non-ASCII
/// ones ("сезон", "español") must hash every token with the general case-insensitive hash; one of ASCII words only gets
/// the cheap ASCII hash. So an ASCII token is looked up among the ASCII words alone, which gives the same answer as the
/// whole table whenever no non-ASCII word can equal an ASCII token (a word with a letter whose upper case is not ASCII,
/// such as "é" or "с", never can). A table with a word that might ("ı" upper-cases to "I") keeps one lookup for all.
/// </summary>
internal sealed class WordSet
{
    private readonly FrozenSet<string> _all;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _allSpans;
    private readonly FrozenSet<string>? _ascii;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _asciiSpans;

    /// <summary>Bit c set when some word can start with the ASCII character c (under the table's case-insensitive compare).</summary>
    private readonly UInt128 _asciiFirst;

    /// <summary>The shortest and longest word: most tokens a table is asked about are neither in length nor first letter.</summary>
    private readonly int _minLength;
    private readonly int _maxLength;

    public WordSet(IEnumerable<string> words)
    {
        _all = words.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        _minLength = _all.Count == 0 ? 1 : _all.Min(w => w.Length);
        _maxLength = _all.Count == 0 ? 0 : _all.Max(w => w.Length);
        // Each distinct first letter against each ASCII character, with the set's own comparison (start-up cost: a
        // few thousand one-character compares per table).
        foreach (var first in _all.Where(w => w.Length > 0).Select(w => w[0]).Distinct())
        {
            for (var c = '\0'; c < 128; c++)
            {
                if (new ReadOnlySpan<char>(in c).Equals(new ReadOnlySpan<char>(in first), StringComparison.OrdinalIgnoreCase))
                {
                    _asciiFirst |= UInt128.One << c;
                }
            }
        }

        _allSpans = _all.GetAlternateLookup<ReadOnlySpan<char>>();
        if (_all.All(w => Ascii.IsValid(w) || !CouldEqualAscii(w)))
        {
            _ascii = _all.Where(w => Ascii.IsValid(w)).ToFrozenSet(StringComparer.OrdinalIgnoreCase);
            _asciiSpans = _ascii.GetAlternateLookup<ReadOnlySpan<char>>();
        }
    }

    /// <summary>Every word of the table (for callers that need the set itself).</summary>
    public FrozenSet<string> Words => _all;

    /// <summary>True when the ASCII tokens are looked up among the ASCII words alone (a test checks the two agree).</summary>
    internal bool SplitsAscii => _ascii is not null;

    public bool Contains(string token) => MayContain(token) && (_ascii is not null && Ascii.IsValid(token) ? _ascii.Contains(token) : _all.Contains(token));

    /// <summary><see cref="Contains(string)"/> for a token, reading the ASCII answer the token worked out once.</summary>
    public bool Contains(Tokens.Token token) =>
        MayContain(token.Text) && (_ascii is not null && token.IsAsciiText ? _ascii.Contains(token.Text) : _all.Contains(token.Text));

    public bool Contains(ReadOnlySpan<char> token) => MayContain(token) && (_ascii is not null && Ascii.IsValid(token) ? _asciiSpans.Contains(token) : _allSpans.Contains(token));

    /// <summary>
    /// False only when no word can equal the token: a length outside the table's, or an ASCII first character no word
    /// starts with (any other first character, and the empty token, go to the set). Exact by construction, since the
    /// first-character bits are worked out with the set's own comparison; a test checks it against the set.
    /// </summary>
    private bool MayContain(ReadOnlySpan<char> token)
    {
        if (token.Length == 0)
        {
            return true;
        }

        if (token.Length < _minLength || token.Length > _maxLength)
        {
            return false;
        }

        var first = token[0];
        return first >= 128 || (_asciiFirst >> first & UInt128.One) != UInt128.Zero;
    }

    /// <summary>A non-ASCII word could equal an ASCII token only if every letter of it upper- or lower-cases to ASCII.</summary>
    private static bool CouldEqualAscii(string word)
    {
        foreach (var c in word)
        {
            if (c >= 128 && char.ToUpperInvariant(c) >= 128 && char.ToLowerInvariant(c) >= 128)
            {
                return false;
            }
        }

        return true;
    }
}
