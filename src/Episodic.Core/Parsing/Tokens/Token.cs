namespace Episodic.Core.Parsing.Tokens;

/// <summary>What a token has been recognised as. Rules refine <see cref="Word"/> and <see cref="Number"/> into the others.</summary>
internal enum TokenKind : byte
{
    Word,
    Number,
    Noise,
    Crc,
    Dash,
}

/// <summary>
/// One run of text between separators. <see cref="Sep"/> keeps the raw separator characters before it so rules can tell
/// "2011.04.18" from "2011 04 18" and "Show - 06" from "Show 06" without re-reading the string.
/// </summary>
internal sealed class Token
{
    public Token(string text, int start, string sep, int group, char opener)
        : this(text, start, sep, group, opener, Shape(text))
    {
    }

    /// <summary>A token whose shape the caller already read (the tokenizer, in its pass over the name).</summary>
    internal Token(string text, int start, string sep, int group, char opener, (bool Digits, bool AnyDigit, bool Ascii) shape) =>
        Reset(text, start, sep, group, opener, shape);

    /// <summary>A blank token for <see cref="TokenScratch"/>, filled by <see cref="Reset"/> before any rule sees it.</summary>
    internal Token()
    {
        Text = Sep = "";
    }

    public string Text { get; private set; }

    /// <summary>Offset of the first character in the scanned name.</summary>
    public int Start { get; private set; }

    public int End => Start + Text.Length;

    /// <summary>Separator characters between the previous token and this one (may include bracket characters).</summary>
    public string Sep { get; private set; }

    /// <summary>Index of the bracket group the token sits in, or -1 outside brackets.</summary>
    public int Group { get; private set; }

    /// <summary>The opening bracket of <see cref="Group"/> ('[', '(', '{', '【'), or '\0'.</summary>
    public char Opener { get; private set; }

    /// <summary>
    /// Makes this object the token described, forgetting everything a rule set on it before: a pooled token object
    /// is reused for the next name, and must then read exactly as a new one would.
    /// </summary>
    [System.Diagnostics.CodeAnalysis.MemberNotNull(nameof(Text), nameof(Sep))]
    internal void Reset(string text, int start, string sep, int group, char opener, (bool Digits, bool AnyDigit, bool Ascii) shape)
    {
        Text = text;
        Start = start;
        Sep = sep;
        Group = group;
        Opener = opener;
        Kind = TokenKind.Word;
        Consumed = false;
        (IsDigits, HasDigit, IsAsciiText) = shape;
        _cached = 0;
    }

    public TokenKind Kind { get; set; } = TokenKind.Word;

    /// <summary>Set when a rule has used the token (an episode marker, a date, a CRC), so no other rule reads it again.</summary>
    public bool Consumed { get; set; }

    public bool InBrackets => Group >= 0;

    /// <summary>Only ASCII digits. Computed once: rules ask it of the same token many times.</summary>
    public bool IsDigits { get; private set; }

    /// <summary>
    /// Has a decimal digit (ASCII, or any Unicode one: what a regex's <c>\d</c> matches). Worked out once: every gated
    /// pattern that needs a digit asked it of the same token again.
    /// </summary>
    public bool HasDigit { get; private set; }

    /// <summary>
    /// Takes the ASCII path (<see cref="Rules.AsciiTokenMatchers.TakesAsciiPath"/>): every pattern and word table asked it
    /// of the same token again, and that scan was a few per cent of a parse.
    /// </summary>
    public bool IsAsciiText { get; private set; }

    /// <summary>The three per-text answers in one pass over the characters.</summary>
    private static (bool Digits, bool AnyDigit, bool Ascii) Shape(string text)
    {
        var asciiDigits = 0;
        var otherDigit = false;
        var ascii = true;
        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c))
            {
                asciiDigits++;
            }
            else if (c >= 128)
            {
                ascii = false;
                otherDigit |= char.IsDigit(c);
            }
        }

        return ShapeOf(text, asciiDigits, otherDigit, ascii);
    }

    /// <summary>The three answers from the counts of one pass over the text (the tokenizer's, or <see cref="Shape"/>'s).</summary>
    internal static (bool Digits, bool AnyDigit, bool Ascii) ShapeOf(string text, int asciiDigits, bool otherDigit, bool ascii) =>
        (text.Length > 0 && asciiDigits == text.Length, asciiDigits > 0 || otherDigit, ascii && text.Length > 0 && text[^1] != '\n');

    /// <summary>A four-digit year from 1900 to 2100.</summary>
    public bool IsYear => Text.Length == 4 && IsDigits && (Text[0] - '0') * 1000 + (Text[1] - '0') * 100 + (Text[2] - '0') * 10 + (Text[3] - '0') is >= 1900 and <= 2100;

    /// <summary>The text is release noise (<see cref="Vocabulary.ReleaseNoise.IsNoise"/>), looked up once per token.</summary>
    public bool IsNoiseWord => Cached(NoiseKnown, NoiseValue) ?? Remember(NoiseKnown, NoiseValue, Vocabulary.ReleaseNoise.IsNoise(this));

    /// <summary>True when a spaced dash (" - ") stands before the token: the classic "Show - 06" boundary.</summary>
    public bool SpacedDashBefore => Sep.Length >= 2 && (Cached(DashKnown, DashValue) ?? Remember(DashKnown, DashValue,
        Sep.Contains(" - ", StringComparison.Ordinal) || Sep.Contains("_-_", StringComparison.Ordinal) || Sep.Contains(".-.", StringComparison.Ordinal) || Sep is " -" or "- "));

    // The two answers above, worked out on first use and kept in one byte (known and value bits) rather than two
    // nullable fields: a token object is made for every token of every name, and this keeps it a size class smaller.
    private const byte NoiseKnown = 1, NoiseValue = 2, DashKnown = 4, DashValue = 8;

    private byte _cached;

    private bool? Cached(byte known, byte value) => (_cached & known) == 0 ? null : (_cached & value) != 0;

    private bool Remember(byte known, byte value, bool answer)
    {
        _cached |= (byte)(known | (answer ? value : 0));
        return answer;
    }

    public override string ToString() => $"{Text}({Kind})";
}
