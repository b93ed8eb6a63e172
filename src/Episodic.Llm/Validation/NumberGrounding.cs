using System.Globalization;

namespace Episodic.Llm.Validation;

/// <summary>
/// Checks that a number a model returned is written in the filename: as a digit run ("S01E05" holds 1 and 5), or as
/// one half of a compact run ("103" holds 1 and 3). Small numbers get no free pass from longer runs ("18" does not
/// hold 1), which is what catches a guessed "season 1".
/// </summary>
internal sealed class NumberGrounding
{
    private readonly List<string> _runs = [];

    public NumberGrounding(string text)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var digit = i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] is >= '０' and <= '９');
            if (digit && start < 0)
            {
                start = i;
            }
            else if (!digit && start >= 0)
            {
                _runs.Add(Ascii(text[start..i]));
                start = -1;
            }
        }
    }

    public bool Appears(int n)
    {
        foreach (var run in _runs)
        {
            if (run.Length <= 9 && int.Parse(run, CultureInfo.InvariantCulture) == n)
            {
                return true;
            }

            // compact 103 / 1013: season digits then two episode digits
            if (run.Length is 3 or 4 && (Value(run[..^2]) == n || Value(run[^2..]) == n))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A date is grounded when its year, month and day each appear, or it is written as one 6/8-digit run.</summary>
    public bool Appears(DateOnly date)
    {
        var compact8 = date.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var compact6 = date.ToString("yyMMdd", CultureInfo.InvariantCulture);
        if (_runs.Contains(compact8) || _runs.Contains(compact6))
        {
            return true;
        }

        return (Appears(date.Year) || _runs.Contains(date.ToString("yy", CultureInfo.InvariantCulture))) && Appears(date.Month) && Appears(date.Day);
    }

    private static int Value(string digits) => int.Parse(digits, CultureInfo.InvariantCulture);

    private static string Ascii(string s) => new(s.Select(c => c is >= '０' and <= '９' ? (char)('0' + (c - '０')) : c).ToArray());
}
