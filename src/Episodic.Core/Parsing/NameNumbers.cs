using Episodic.Core.Parsing.Rules;
using Episodic.Core.Parsing.Tokens;

namespace Episodic.Core.Parsing;

/// <summary>Where a number written in a name stands, which decides what it can vouch for.</summary>
public enum NumberPlace
{
    /// <summary>Inside a word: "S01E05" holds 1 and 5, "Ep12" holds 12, "01v2" holds 1 and 2.</summary>
    InWord,

    /// <summary>
    /// A bare number after the title, where an episode number stands ("Show - 103", "Show.103.HDTV"): the only place a
    /// 3–4 digit run may be compact season + episode.
    /// </summary>
    EpisodePlace,

    /// <summary>A bare number elsewhere: before any title word ("[Grp] 101 Dalmatians"), a date part.</summary>
    Plain,

    /// <summary>A token that is a year from 1900 to 2100 ("Doctor.Who.2005"): it vouches for a year, not for numbers.</summary>
    Year,
}

/// <summary>One digit run of a name (full-width digits read as ASCII) and where it stands.</summary>
public readonly record struct NameNumber(string Digits, NumberPlace Place);

/// <summary>
/// The numbers a name really writes, read with the rule parser's own tokenizer and noise rule, so "written in the
/// name" means what it means to the parser: numbers inside resolution, codec, audio, bit-depth and CRC tokens
/// ("720p", "1080p", "x264", "H.264", "DDP5.1", "AAC2.0", "10-bit", "[9226CA61]") are not numbers of the episode and
/// are left out. The LLM tier grounds a model's answer on these.
/// </summary>
public static class NameNumbers
{
    public static IReadOnlyList<NameNumber> Read(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var scan = new Scan(name, Tokenizer.Tokenize(AsciiDigits(name)));
        NoiseRule.Apply(scan);
        var numbers = new List<NameNumber>();
        var titleSeen = false;
        foreach (var token in scan.Tokens)
        {
            switch (token.Kind)
            {
                case TokenKind.Noise or TokenKind.Crc:
                    continue;
                case TokenKind.Number or TokenKind.Word when token.IsDigits:
                    numbers.Add(new NameNumber(token.Text, Place(token, titleSeen)));
                    continue;
            }

            AddRuns(token.Text, numbers);

            // A word outside brackets is title (or a marker after it): a bare number from here on stands where an
            // episode number stands. A leading "[Group]" is not a title.
            titleSeen |= !token.InBrackets && token.Text.Any(char.IsLetter);
        }

        return numbers;
    }

    private static NumberPlace Place(Token token, bool titleSeen) =>
        token.IsYear && !token.SpacedDashBefore ? NumberPlace.Year
        : titleSeen || token.SpacedDashBefore ? NumberPlace.EpisodePlace
        : NumberPlace.Plain;

    /// <summary>The digit runs inside a word token.</summary>
    private static void AddRuns(string text, List<NameNumber> numbers)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var digit = i < text.Length && char.IsAsciiDigit(text[i]);
            if (digit && start < 0)
            {
                start = i;
            }
            else if (!digit && start >= 0)
            {
                numbers.Add(new NameNumber(text[start..i], NumberPlace.InWord));
                start = -1;
            }
        }
    }

    /// <summary>Full-width digits (０-９) as ASCII, one character for one, so token offsets stay.</summary>
    private static string AsciiDigits(string s) =>
        s.Any(c => c is >= '０' and <= '９') ? string.Create(s.Length, s, (span, text) =>
        {
            for (var i = 0; i < text.Length; i++)
            {
                span[i] = text[i] is >= '０' and <= '９' and var c ? (char)('0' + (c - '０')) : text[i];
            }
        }) : s;
}
