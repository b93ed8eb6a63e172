using System.Text;

namespace Episodic.Core.Evaluation;

/// <summary>
/// Exact port of score.py's <c>norm_title</c>: NFKC, lower-case, '&amp;' → " and ", apostrophes dropped,
/// runs of non-word characters and '_' → one space, then twice: drop a trailing country code
/// (us|uk|au|nz|ca) and a trailing 19xx/20xx year, each as a whole word.
/// </summary>
public static class TitleNormalizer
{
    private static readonly string[] Countries = ["us", "uk", "au", "nz", "ca"];

    public static string Normalize(string? title)
    {
        if (title is null)
        {
            return "";
        }

        var t = PyText.Lower(Nfkc.Normalize(title)).Replace("&", " and ", StringComparison.Ordinal);
        t = CollapseNonWord(t);
        for (var i = 0; i < 2; i++)
        {
            t = DropLastWordIf(t, IsCountry);
            t = DropLastWordIf(t, IsYear);
        }

        return t;
    }

    /// <summary>Drops apostrophes, turns each run of non-word chars (and '_') into one space, trims the ends.</summary>
    private static string CollapseNonWord(string t)
    {
        var sb = new StringBuilder(t.Length);
        var pendingSpace = false;
        foreach (var r in t.EnumerateRunes())
        {
            if (r.Value is '\'' or '\u2019' or '`')
            {
                continue;
            }

            if (r.Value != '_' && PyText.IsWord(r))
            {
                if (pendingSpace && sb.Length > 0)
                {
                    sb.Append(' ');
                }

                pendingSpace = false;
                sb.Append(r.ToString());
            }
            else
            {
                pendingSpace = true;
            }
        }

        return sb.ToString();
    }

    /// <summary>
    /// The text is words separated by single spaces, so <c>\b(...)\s*$</c> followed by strip() is exactly:
    /// drop the last word when it matches, then the space before it.
    /// </summary>
    private static string DropLastWordIf(string t, Func<string, bool> matches)
    {
        var start = t.LastIndexOf(' ') + 1;
        var last = t[start..];
        if (!matches(last))
        {
            return t;
        }

        return t[..start].TrimEnd(' ');
    }

    private static bool IsCountry(string word) => Array.IndexOf(Countries, word) >= 0;

    private static bool IsYear(string word)
    {
        if (!(word.StartsWith("19", StringComparison.Ordinal) || word.StartsWith("20", StringComparison.Ordinal)))
        {
            return false;
        }

        var rest = word[2..];
        var n = 0;
        foreach (var r in rest.EnumerateRunes())
        {
            if (!PyText.IsDigit(r))
            {
                return false;
            }

            n++;
        }

        return n == 2;
    }
}
