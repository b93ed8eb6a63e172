namespace Episodic.Core.Parsing.Tokens;

/// <summary>
/// Splits a file name into tokens on spaces, dots, underscores, dashes and brackets, remembering the separators and
/// bracket groups. Linear in the input; never throws.
/// </summary>
internal static class Tokenizer
{
    public static List<Token> Tokenize(string name) => Tokenize(name, null);

    /// <summary>
    /// Tokenizes into <paramref name="scratch"/>'s list and token objects when given (the parser's hot path), or into a
    /// new list of new tokens.
    /// </summary>
    public static List<Token> Tokenize(string name, TokenScratch? scratch)
    {
        var tokens = scratch?.List ?? new List<Token>(Math.Max(4, name.Length / 4));

        // The separator before a token is always the run of characters since the previous token ended.
        var sepStart = 0;
        // Nested brackets belong to the outermost group, so the open group is the outermost one and a depth.
        var depth = 0;
        var outer = (Id: -1, Opener: '\0');
        var nextGroup = 0;
        var i = 0;
        while (i < name.Length)
        {
            var c = name[i];
            var kind = KindOf(c);
            if (kind == CharKind.Opener && i > 0 && name[i - 1] == c)
            {
                // "[[Grp] Title - 05": a doubled opener is a typo for one bracket, or the rest of the name would sit inside it.
                i++;
                continue;
            }

            if (kind == CharKind.Opener)
            {
                // Nested brackets belong to the outermost group: "[Title (2019)]" is one unit.
                if (depth++ == 0)
                {
                    outer = (nextGroup++, c);
                }

                i++;
                continue;
            }

            if (kind == CharKind.Closer)
            {
                if (depth > 0)
                {
                    depth--;
                }

                i++;
                continue;
            }

            if (kind == CharKind.Separator)
            {
                i++;
                continue;
            }

            // The token runs to the next separator or bracket. Tokens are a few characters long, so a plain loop over
            // the table beats setting up a vectorised search for each.
            // The same pass works out the token's shape (Token.Shape), which would otherwise read the characters again.
            var start = i;
            var asciiDigits = 0;
            var otherDigit = false;
            var ascii = true;
            for (; i < name.Length; i++)
            {
                var ch = name[i];
                if (ch < 128)
                {
                    if (AsciiKinds[ch] != CharKind.Text)
                    {
                        break;
                    }

                    asciiDigits += char.IsAsciiDigit(ch) ? 1 : 0;
                }
                else
                {
                    if (SlowKindOf(ch) != CharKind.Text)
                    {
                        break;
                    }

                    ascii = false;
                    otherDigit |= char.IsDigit(ch);
                }
            }

            var (group, opener) = depth > 0 ? outer : (-1, '\0');
            var text = ShortStrings.Slice(name, start, i);
            var sep = ShortStrings.Slice(name, sepStart, start);
            var shape = Token.ShapeOf(text, asciiDigits, otherDigit, ascii);
            tokens.Add(scratch is null ? new Token(text, start, sep, group, opener, shape) : scratch.Next(text, start, sep, group, opener, shape));
            sepStart = i;
        }

        return tokens;
    }

    /// <summary>What a character does to the token stream.</summary>
    private enum CharKind : byte
    {
        Text,
        Separator,
        Opener,
        Closer,
    }

    /// <summary>
    /// The kind of every ASCII character, built from the three character tests: a separator run was classified one
    /// character at a time through up to four chains of comparisons, a few per cent of a parse. Others ask the tests.
    /// </summary>
    private static readonly CharKind[] AsciiKinds = BuildAsciiKinds();

    private static CharKind[] BuildAsciiKinds()
    {
        var kinds = new CharKind[128];
        for (var c = '\0'; c < 128; c++)
        {
            kinds[c] = SlowKindOf(c);
        }

        return kinds;
    }

    private static CharKind KindOf(char c) => c < 128 ? AsciiKinds[c] : SlowKindOf(c);

    private static CharKind SlowKindOf(char c) =>
        IsOpener(c) ? CharKind.Opener : IsCloser(c) ? CharKind.Closer : IsSeparator(c) ? CharKind.Separator : CharKind.Text;

    /// <summary>Where a token ends, as the tokenizer reads it (the table for ASCII); a test checks every char against the three tests.</summary>
    internal static bool IsTokenEnd(char c) => KindOf(c) != CharKind.Text;

    internal static bool IsSeparatorOrBracket(char c) => IsSeparator(c) || IsOpener(c) || IsCloser(c);

    private static bool IsOpener(char c) => c is '[' or '(' or '{' or '【' or '「' or '『' or '〔';

    private static bool IsCloser(char c) => c is ']' or ')' or '}' or '】' or '」' or '』' or '〕';

    /// <summary>Separators between words ('№' like '#': "Сезон №9" is the word and its number). '-' splits too; the separator string keeps it so "9-1-1" and "01-03" can be rebuilt.</summary>
    private static bool IsSeparator(char c) =>
        c is ' ' or '.' or '_' or '-' or ',' or '~' or '/' or '|' or '\u3000' or '★' or '☆' or '\t' or '+' or '：' or ':' or '&' or '!' or '?' or ';' or '#' or '№' or '*' or '\'' or '"';
}
