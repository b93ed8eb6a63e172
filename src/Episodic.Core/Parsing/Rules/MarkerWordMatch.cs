using Episodic.Core.Parsing.Tokens;
using Episodic.Core.Parsing.Vocabulary;

namespace Episodic.Core.Parsing.Rules;

/// <summary>
/// Reads the season and episode words of <see cref="MarkerLanguages"/> in the two shapes the table allows: joined to the
/// number ("Sezon2", "5화") and written after it ("3 сезон", "5-й сезон", "2.Sezon"). Lookups in the generated sets, no
/// per-language pattern.
/// </summary>
internal static class MarkerWordMatch
{
    // The word tables take spans: the joined-word check runs on every mixed token of every name, and slicing the word
    // off its number must not allocate a string each time.
    private static readonly WordSet SeasonJoinable = SeasonWords.SeasonJoinable;
    private static readonly WordSet SeasonAfterNumber = SeasonWords.SeasonAfterNumber;
    private static readonly WordSet EpisodeJoinable = SeasonWords.EpisodeJoinable;
    private static readonly WordSet EpisodeAfterNumber = SeasonWords.EpisodeAfterNumber;

    /// <summary>"Sezon2", "Season4", "Sn2", "시즌2" (word first) or "2季", "3сезон" (number first): a season in one token.</summary>
    public static bool TryJoinedSeason(Token token, out int season)
    {
        // Without a digit there is no number to join (the token knows; the scan below would find out character by character).
        season = 0;
        return token.HasDigit && TryJoined(token.Text, SeasonJoinable, SeasonAfterNumber, 3, out season) && season is > 0 and <= 100;
    }

    /// <summary>"Folge5", "Odc7" (word first) or "5화", "7серия" (number first): an episode in one token.</summary>
    public static bool TryJoinedEpisode(Token token, out int episode)
    {
        episode = 0;
        return token.HasDigit && TryJoined(token.Text, EpisodeJoinable, EpisodeAfterNumber, 4, out episode);
    }

    /// <summary>
    /// A number at <paramref name="i"/>, an optional ordinal suffix ("5-й"), then a word of <paramref name="words"/>
    /// close after it ("3 сезон", "2.Sezon", "2. évad"). Returns the index of the word, or -1.
    /// </summary>
    public static int WordAfterNumber(Scan scan, int i, WordSet words, int maxDigits, out int number)
    {
        number = 0;
        var t = scan.Tokens[i];
        if (t.Text.Length > maxDigits || !Scan.TryNumber(t, out number) || t.IsYear)
        {
            return -1;
        }

        var j = i + 1;
        if (scan.At(j) is { } suffix && suffix.Sep is "-" or "" && SeasonWords.OrdinalSuffixes.Contains(suffix))
        {
            j++;
        }

        return scan.At(j) is { Consumed: false } w && w.Sep.Length <= 2 && w.Sep.AsSpan().IndexOfAny("()[]") < 0 && words.Contains(w) ? j : -1;
    }

    private static bool TryJoined(string text, WordSet wordFirst, WordSet numberFirst, int maxDigits, out int number)
    {
        number = 0;
        var start = 0;
        while (start < text.Length && !char.IsAsciiDigit(text[start]))
        {
            start++;
        }

        var end = start;
        while (end < text.Length && char.IsAsciiDigit(text[end]))
        {
            end++;
        }

        var digits = end - start;
        if (digits is 0 || digits > maxDigits || start > 0 && end < text.Length)
        {
            return false;
        }

        var prefix = text.AsSpan(0, start);
        var suffix = text.AsSpan(end);
        var known = prefix.Length > 0 ? wordFirst.Contains(prefix) : suffix.Length > 0 && numberFirst.Contains(suffix);
        if (!known)
        {
            return false;
        }

        number = int.Parse(text.AsSpan(start, digits), System.Globalization.CultureInfo.InvariantCulture);
        return true;
    }
}
