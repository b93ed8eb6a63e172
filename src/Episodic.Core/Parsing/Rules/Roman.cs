namespace Episodic.Core.Parsing.Rules;

/// <summary>
/// Upper-case Roman numerals from I to XXXIX, as part and episode numbers are written ("Part IV", "Episode VIII").
/// Only upper case, so the words "i", "mix" or "civil" never read as numbers.
/// </summary>
internal static class Roman
{
    public static bool TryParse(string text, out int value)
    {
        value = 0;
        if (text.Length is 0 or > 6)
        {
            return false;
        }

        var i = 0;
        while (i < text.Length && text[i] == 'X' && value < 30)
        {
            value += 10;
            i++;
        }

        var rest = text[i..];
        var units = rest switch
        {
            "" => 0,
            "I" => 1,
            "II" => 2,
            "III" => 3,
            "IV" => 4,
            "V" => 5,
            "VI" => 6,
            "VII" => 7,
            "VIII" => 8,
            "IX" => 9,
            _ => -1,
        };
        if (units < 0)
        {
            value = 0;
            return false;
        }

        value += units;
        return value > 0;
    }
}
