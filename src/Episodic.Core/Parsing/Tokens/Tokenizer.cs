using System.Text;

namespace Episodic.Core.Parsing.Tokens;

/// <summary>
/// Splits a file name into tokens on spaces, dots, underscores, dashes and brackets, remembering the separators and
/// bracket groups. Linear in the input; never throws.
/// </summary>
internal static class Tokenizer
{
    private const string Openers = "[({【「『〔";
    private const string Closers = "])}】」』〕";

    public static List<Token> Tokenize(string name)
    {
        var tokens = new List<Token>();
        var sep = new StringBuilder();
        var groupStack = new Stack<(int Id, char Opener)>();
        var nextGroup = 0;
        var i = 0;
        while (i < name.Length)
        {
            var c = name[i];
            if (Openers.Contains(c, StringComparison.Ordinal) && i > 0 && name[i - 1] == c)
            {
                // "[[Grp] Title - 05": a doubled opener is a typo for one bracket, or the rest of the name would sit inside it.
                sep.Append(c);
                i++;
                continue;
            }

            if (Openers.Contains(c, StringComparison.Ordinal))
            {
                // Nested brackets belong to the outermost group: "[Title (2019)]" is one unit.
                groupStack.Push(groupStack.Count == 0 ? (nextGroup++, c) : groupStack.Peek());
                sep.Append(c);
                i++;
                continue;
            }

            if (Closers.Contains(c, StringComparison.Ordinal))
            {
                if (groupStack.Count > 0)
                {
                    groupStack.Pop();
                }

                sep.Append(c);
                i++;
                continue;
            }

            if (IsSeparator(c))
            {
                sep.Append(c);
                i++;
                continue;
            }

            var start = i;
            while (i < name.Length && !IsSeparator(name[i]) && !Openers.Contains(name[i], StringComparison.Ordinal) && !Closers.Contains(name[i], StringComparison.Ordinal))
            {
                i++;
            }

            var (group, opener) = groupStack.Count > 0 ? groupStack.Peek() : (-1, '\0');
            tokens.Add(new Token(name[start..i], start, sep.ToString(), group, opener));
            sep.Clear();
        }

        return tokens;
    }

    /// <summary>Separators between words. '-' splits too; the separator string keeps it so "9-1-1" and "01-03" can be rebuilt.</summary>
    private static bool IsSeparator(char c) =>
        c is ' ' or '.' or '_' or '-' or ',' or '~' or '/' or '|' or '\u3000' or '★' or '☆' or '\t' or '+' or '：' or ':' or '&' or '!' or '?' or ';' or '#' or '*' or '\'' or '"';
}
