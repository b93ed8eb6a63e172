using System.Text;

namespace Episodic.Core.Text;

/// <summary>
/// Splits a title into comparable words: lower case, accents folded, apostrophes joined ("Grey's" → "greys"),
/// "&amp;" read as "and", every other non-alphanumeric character a separator. Library folders and metadata
/// candidates are compared through the same words so "The.Office.US" and "The Office (US)" agree.
/// </summary>
public static class TitleWords
{
    /// <summary>The folded words of <paramref name="s"/>.</summary>
    public static List<string> Of(string s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var words = new List<string>();
        var sb = new StringBuilder();
        void Flush()
        {
            if (sb.Length > 0)
            {
                words.Add(sb.ToString());
                sb.Clear();
            }
        }

        foreach (var c in Diacritics.Fold(s).ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c))
            {
                sb.Append(c);
            }
            else if (c is '\'' or '’')
            {
                continue;
            }
            else
            {
                Flush();
                if (c == '&')
                {
                    words.Add("and");
                }
            }
        }

        Flush();
        return words;
    }

    /// <summary>The words joined without spaces, a leading "the" dropped: the equality key of a title.</summary>
    public static string Key(string s) => Key(Of(s));

    /// <summary>As <see cref="Key(string)"/>, for words already split.</summary>
    public static string Key(IReadOnlyList<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        return string.Concat(words.Count > 1 && words[0] == "the" ? words.Skip(1) : words);
    }
}
