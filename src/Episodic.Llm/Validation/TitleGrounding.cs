using System.Text;
using Episodic.Core.Text;

namespace Episodic.Llm.Validation;

/// <summary>
/// Checks that a show name is supported by the filename's own words, allowing case, punctuation, spacing and common
/// romanisation differences (ō/ou/oo, ū/uu, wo/o). A model that "knows" a better title than the name holds fails here.
/// </summary>
internal static class TitleGrounding
{
    public static bool IsSupported(string showName, string filename)
    {
        var haystack = Fold(filename);
        var words = Words(showName).Select(Fold).Where(w => w.Length > 0).ToList();
        if (words.Count == 0)
        {
            return false;
        }

        var whole = string.Concat(words);
        if (haystack.Contains(whole, StringComparison.Ordinal))
        {
            return true;
        }

        // Most words must be present; short function words may differ ("The", "no", "wa").
        var significant = words.Where(w => w.Length >= 3).ToList();
        if (significant.Count == 0)
        {
            return false;
        }

        var found = significant.Count(w => haystack.Contains(w, StringComparison.Ordinal));
        return found * 10 >= significant.Count * 7;
    }

    private static IEnumerable<string> Words(string s)
    {
        var sb = new StringBuilder();
        foreach (var c in s)
        {
            if (char.IsLetterOrDigit(c))
            {
                sb.Append(c);
            }
            else if (sb.Length > 0)
            {
                yield return sb.ToString();
                sb.Clear();
            }
        }

        if (sb.Length > 0)
        {
            yield return sb.ToString();
        }
    }

    /// <summary>Lower-case letters and digits only, with long vowels and their spellings folded together.</summary>
    internal static string Fold(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var c in Diacritics.Fold(s).ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c))
            {
                sb.Append(c);
            }
        }

        return sb.ToString().Replace("ou", "o", StringComparison.Ordinal).Replace("oo", "o", StringComparison.Ordinal)
            .Replace("uu", "u", StringComparison.Ordinal).Replace("wo", "o", StringComparison.Ordinal);
    }
}
