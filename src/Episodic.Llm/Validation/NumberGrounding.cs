using System.Globalization;
using Episodic.Core.Parsing;

namespace Episodic.Llm.Validation;

/// <summary>
/// Checks that a number a model returned is written in the filename, as the rule parser reads it
/// (<see cref="NameNumbers"/>): as a digit run ("S01E05" holds 1 and 5), or as one half of a compact run standing where
/// an episode number stands ("Show.103.HDTV" holds 1 and 3). Numbers inside resolution, codec, audio, bit-depth and
/// CRC tokens ground nothing ("720p" holds neither 7 nor 20, "x264" neither 2 nor 64), and a year grounds only a year.
/// Small numbers get no free pass from longer runs ("18" does not hold 1), which is what catches a guessed "season 1".
/// </summary>
internal sealed class NumberGrounding
{
    private readonly IReadOnlyList<NameNumber> _numbers;

    public NumberGrounding(string text) => _numbers = NameNumbers.Read(text);

    /// <summary>A season, episode or version number.</summary>
    public bool Appears(int n)
    {
        foreach (var (digits, place) in _numbers)
        {
            if (place == NumberPlace.Year)
            {
                continue;
            }

            if (digits.Length <= 9 && Value(digits) == n)
            {
                return true;
            }

            // compact 103 / 1013: season digits then two episode digits
            if (place == NumberPlace.EpisodePlace && digits.Length is 3 or 4 && (Value(digits[..^2]) == n || Value(digits[^2..]) == n))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A year: written as a year token, or as any run of its four digits ("2005" inside "DW2005").</summary>
    public bool AppearsAsYear(int year) =>
        _numbers.Any(x => x.Digits.Length == 4 && Value(x.Digits) == year);

    /// <summary>A date is grounded when its year, month and day each appear, or it is written as one 6/8-digit run.</summary>
    public bool Appears(DateOnly date)
    {
        var compact8 = date.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var compact6 = date.ToString("yyMMdd", CultureInfo.InvariantCulture);
        var yy = date.ToString("yy", CultureInfo.InvariantCulture);
        if (_numbers.Any(x => x.Digits == compact8 || x.Digits == compact6))
        {
            return true;
        }

        return (AppearsAsYear(date.Year) || _numbers.Any(x => x.Digits == yy)) && Appears(date.Month) && Appears(date.Day);
    }

    private static int Value(string digits) => int.Parse(digits, CultureInfo.InvariantCulture);
}
