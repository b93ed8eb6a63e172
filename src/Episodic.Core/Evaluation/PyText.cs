using System.Globalization;
using System.Text;

namespace Episodic.Core.Evaluation;

/// <summary>Python 3 <c>str</c> semantics that score.py relies on, for the exact port of its scoring.</summary>
internal static class PyText
{
    /// <summary>Python's Unicode <c>\w</c>: letters (Lu, Ll, Lt, Lm, Lo), numbers (Nd, Nl, No) and '_'. Marks are not word chars.</summary>
    public static bool IsWord(Rune r)
    {
        if (r.Value == '_')
        {
            return true;
        }

        return Rune.GetUnicodeCategory(r) switch
        {
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
                or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber => true,
            _ => false,
        };
    }

    /// <summary>Python's Unicode <c>\d</c>: any decimal digit (Nd).</summary>
    public static bool IsDigit(Rune r) => Rune.GetUnicodeCategory(r) == UnicodeCategory.DecimalDigitNumber;

    /// <summary>
    /// <c>str.lower()</c>: simple lower-casing plus Python's two special cases, U+0130 → "i\u0307" and the
    /// final sigma (Σ → ς at the end of a word).
    /// </summary>
    public static string Lower(string s)
    {
        var lowered = s.ToLowerInvariant();
        if (!s.Contains('\u0130', StringComparison.Ordinal) && !s.Contains('\u03A3', StringComparison.Ordinal))
        {
            return lowered;
        }

        // ToLowerInvariant maps char by char, so positions line up with the original.
        var sb = new StringBuilder(lowered.Length + 4);
        for (var i = 0; i < s.Length; i++)
        {
            sb.Append(s[i] switch
            {
                '\u0130' => "i\u0307",
                '\u03A3' when IsFinalSigma(s, i) => "\u03C2",
                _ => lowered[i].ToString(),
            });
        }

        return sb.ToString();
    }

    /// <summary>Unicode's Final_Sigma context, approximately: a cased letter before, none after (marks skipped).</summary>
    private static bool IsFinalSigma(string s, int i)
    {
        var j = i - 1;
        while (j >= 0 && IsCaseIgnorable(s[j]))
        {
            j--;
        }

        if (j < 0 || !IsCased(s[j]))
        {
            return false;
        }

        var k = i + 1;
        while (k < s.Length && IsCaseIgnorable(s[k]))
        {
            k++;
        }

        return k >= s.Length || !IsCased(s[k]);
    }

    private static bool IsCased(char c) => char.GetUnicodeCategory(c) is UnicodeCategory.UppercaseLetter
        or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter;

    private static bool IsCaseIgnorable(char c) => c is '\'' or '.' or ':' or '\u2019'
        || char.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark
            or UnicodeCategory.Format or UnicodeCategory.ModifierLetter or UnicodeCategory.ModifierSymbol;

    /// <summary><c>int(s)</c> for a string: surrounding whitespace and a sign allowed; null when Python would raise.</summary>
    public static int? ToInt(string? s)
    {
        if (s is null)
        {
            return null;
        }

        var t = s.Trim();
        return int.TryParse(t, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) ? v : null;
    }
}
