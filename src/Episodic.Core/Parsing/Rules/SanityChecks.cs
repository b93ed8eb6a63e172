using Episodic.Core.Parsing.Tokens;
using Episodic.Core.Parsing.Vocabulary;

namespace Episodic.Core.Parsing.Rules;

/// <summary>
/// Checks of the chosen reading against the whole name. Each finding is a typed <see cref="Doubt"/>: it lowers the
/// confidence by its fitted weight and is named in the reasoning. The reading is only repaired where the repair is
/// certain (episodes sorted and de-duplicated); everything else is left for a model tier to settle.
/// </summary>
internal static class SanityChecks
{
    public static void Apply(Scan scan, Reading reading, Marker primary)
    {
        // S01E02E01, E03-E03: a list out of order or repeated is the same episodes, once, ascending.
        if (!IsStrictlyAscending(reading.Episodes))
        {
            reading.Episodes = [.. reading.Episodes.Distinct().Order()];
            scan.Doubts.Add(Doubt.EpisodesOutOfOrder);
        }

        // S0412 read as season 412: no show runs past a hundred seasons unless the season is a year.
        if (reading.Season is > 100 and not (>= 1900 and <= 2100))
        {
            scan.Doubts.Add(Doubt.SeasonOver100);
        }

        if (reading.Title is { } title)
        {
            if (IsTag(title, scan.ReleaseGroup))
            {
                scan.Doubts.Add(Doubt.TitleIsTag);
            }

            // "Show 2 - 05": the 2 may be the season rather than part of the show's name.
            var lastSpace = title.LastIndexOf(' ');
            if (reading.Season is null && lastSpace > 0 && title.Length - lastSpace - 1 <= 2 && !title.AsSpan(lastSpace + 1).ContainsAnyExceptInRange('0', '9'))
            {
                scan.Doubts.Add(Doubt.TitleEndsInNumber);
            }
        }
        else if (reading.TitleAfter is null && WordsBefore(scan, primary.First) is var before and not WordsBeforeMarker.None)
        {
            // "You.[Uncut].S01", "www.site.com - 05": words stand before the marker, yet another rule took them (as a
            // group, a site or noise) and no show name is left. A web site there is a tag standing where the show should.
            scan.Doubts.Add(before == WordsBeforeMarker.Site ? Doubt.TitleIsTag : Doubt.NoTitleBeforeMarker);
        }

        // "S03E02_17 Title", "S04 11", "S03.05": a number right after the marker that no reading used.
        if (scan.At(primary.Last + 1) is { Consumed: false } next && next.IsDigits && next.Text.Length <= 4 && !next.IsYear && !next.InBrackets && next.Sep.Length <= 2)
        {
            scan.Doubts.Add(Doubt.UnexplainedNumberNearMarker);
        }

        // "Show.2013.14.of.21", "Show 2018 06", "Show.2010.217": with no season written as such (none, a mini-series' implied
        // 1, or the first digit of a compact number), the year right before the marker may number the season.
        if (reading.AirDate is null && (reading.Season is null || primary.Form is MarkerForm.MiniSeriesEpisode or MarkerForm.MiniSeriesPart or MarkerForm.CompactNumber)
            && primary.First > 0 && scan.At(primary.First - 1) is { IsYear: true, InBrackets: false })
        {
            scan.Doubts.Add(Doubt.YearBeforeMarker);
        }

        // "Show.S05.Part1": a pack with an episode marker after it may be one episode of that season rather than all of it.
        if (primary.Kind == MarkerKind.SeasonPack && EpisodeAfter(scan, primary.Last))
        {
            scan.Doubts.Add(Doubt.EpisodeBesidePack);
        }
    }

    /// <summary>
    /// An episode marker with numbers after <paramref name="last"/>. A loop: a lambda over the primary made its closure at
    /// the start of <see cref="Apply"/>, on every name.
    /// </summary>
    private static bool EpisodeAfter(Scan scan, int last)
    {
        foreach (var m in scan.Markers)
        {
            if (m.Kind == MarkerKind.Episode && m.First > last && m.Episodes.Count > 0)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsStrictlyAscending(List<int> values)
    {
        for (var k = 1; k < values.Count; k++)
        {
            if (values[k] <= values[k - 1])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The show name is the release group, a web site or a bare season word: a tag, not a title.</summary>
    private static bool IsTag(string title, string? group) =>
        group is not null && title.Equals(group, StringComparison.OrdinalIgnoreCase)
        || title.StartsWith("www ", StringComparison.OrdinalIgnoreCase)
        || SeasonWords.Season.Contains(title);

    /// <summary>
    /// Whether words with letters stand outside brackets before the marker, free or taken by a non-marker rule
    /// (a leading group, a web site): the reading found no show name although the name seems to hold one.
    /// </summary>
    private static WordsBeforeMarker WordsBefore(Scan scan, int end)
    {
        var found = WordsBeforeMarker.None;
        for (var i = 0; i < end && i < scan.Count; i++)
        {
            var t = scan.Tokens[i];
            if (t.Kind != TokenKind.Word || t.InBrackets || !HasLetter(t.Text) || InMarker(scan, i))
            {
                continue;
            }

            if (t.Text.Equals("www", StringComparison.OrdinalIgnoreCase) || t.Consumed && i > 0 && t.Sep == "." && Patterns.TopLevelDomain().IsMatch(t.Text))
            {
                return WordsBeforeMarker.Site;
            }

            found = WordsBeforeMarker.Words;
        }

        return found;
    }

    private static bool InMarker(Scan scan, int i)
    {
        foreach (var m in scan.Markers)
        {
            if (i >= m.First && i <= m.Last)
            {
                return true;
            }
        }

        return false;
    }

    private enum WordsBeforeMarker
    {
        None,
        Words,
        Site,
    }

    private static bool HasLetter(string text)
    {
        foreach (var c in text)
        {
            if (char.IsLetter(c))
            {
                return true;
            }
        }

        return false;
    }
}
