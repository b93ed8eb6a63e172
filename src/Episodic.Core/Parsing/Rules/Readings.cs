using Episodic.Core.Parsing.Confidence;

namespace Episodic.Core.Parsing.Rules;

/// <summary>
/// The readings of one name, side by side: the proposers' reading and one alternative per ambiguity the name holds
/// (a 3–4 digit number read absolute or compact, a title number that could be the episode, a marker the winner did not
/// absorb, a season pack with a number beside it that could be its episode). All are scored by
/// <see cref="ReadingScorer"/>; the best wins and the runner-up, with its margin, becomes the rival.
/// </summary>
internal static class Readings
{
    /// <summary>
    /// Scores every reading and returns the deciding marker of the winner (a new marker when an alternative won; the
    /// reading is then rewritten to it) and the runner-up as the rival (null when the name has only one reading).
    /// </summary>
    /// <remarks>
    /// <paramref name="used"/> and <paramref name="absolute"/> are the markers merged into the reading; the title's tokens are a
    /// short list, searched in place rather than copied into a set (this runs on every name).
    /// </remarks>
    public static (Marker Primary, Rival? Rival) Choose(Scan scan, Reading reading, Marker primary, List<Marker> used, Marker? absolute, List<int> title)
    {
        var best = ReadingCandidate.Proposed(reading, primary);
        var bestScore = ReadingScorer.Score(scan, best, title);
        ReadingCandidate? second = null;
        var secondScore = double.NegativeInfinity;
        var alternatives = t_alternatives ??= new List<ReadingCandidate>(4);
        alternatives.Clear();
        Alternatives(scan, reading, primary, used, absolute, title, alternatives);
        foreach (var alt in alternatives)
        {
            var score = ReadingScorer.Score(scan, alt, title);
            if (score > bestScore && CanWin(alt, primary))
            {
                (second, secondScore) = (best, bestScore);
                (best, bestScore) = (alt, score);
            }
            else if (score > secondScore)
            {
                (second, secondScore) = (alt, score);
            }
        }

        alternatives.Clear();
        if (!best.IsProposed)
        {
            primary = Adopt(scan, reading, best);
        }

        if (second is not { } runnerUp)
        {
            return (primary, null);
        }

        // When an alternative won, the proposers' reading is the runner-up and the ambiguity is the winner's.
        var rival = runnerUp.IsProposed ? runnerUp with { Origin = best.Origin } : runnerUp;
        return (primary, rival.ToRival(ReadingScorer.Margin(bestScore, secondScore)));
    }

    /// <summary>
    /// The alternatives of the name being read; one list per thread, cleared around each use (serve parses concurrently,
    /// and the scoring never reads a name inside another). Scoring is pure, so listing them first equals the lazy sequence.
    /// </summary>
    [ThreadStatic]
    private static List<ReadingCandidate>? t_alternatives;

    /// <summary>An alternative may win only where it keeps the title's boundary; one that would move it stays a rival.</summary>
    private static bool CanWin(ReadingCandidate alt, Marker primary) =>
        alt.Origin is RivalKind.PackOrEpisode && alt.First == primary.First;

    private static void Alternatives(Scan scan, Reading reading, Marker primary, List<Marker> used, Marker? absolute, List<int> title, List<ReadingCandidate> into)
    {
        var token = scan.Tokens[primary.First];
        var digits = primary.Kind == MarkerKind.Number ? LeadingDigits(token.Text) : 0;
        if (primary.Form is MarkerForm.DashNumber or MarkerForm.BareNumber or MarkerForm.BracketedNumber && digits is 3 or 4 && primary.Episodes.Count == 1
            && primary.Episodes[0] % 100 != 0 && token.Text[0] != '0')
        {
            // "Show - 1071": absolute 1071, or S10E71 written compactly.
            var n = primary.Episodes[0];
            into.Add(new ReadingCandidate(MarkerForm.CompactNumber, MarkerKind.Number, primary.First, primary.Last, n / 100, [n % 100], [], null, RivalKind.AbsoluteOrCompact));
        }

        if (primary.Form == MarkerForm.CompactNumber && primary.Season is { } s && primary.Episodes.Count == 1)
        {
            // "Show.103": S1E3, or absolute 103.
            var n = s * 100 + primary.Episodes[0];
            into.Add(new ReadingCandidate(MarkerForm.BareNumber, MarkerKind.Number, primary.First, primary.Last, null, [n], [n], null, RivalKind.CompactOrAbsolute));
        }

        if (primary.Form == MarkerForm.CapSeasonEpisode && primary.Season is >= 10 and var capSeason && primary.Episodes.Count == 1)
        {
            // "Cap.1103": season 11 episode 03 to some sources, episode 1103 to others; the sources disagree, so the
            // whole number stays a close rival and the confidence says so.
            var n = capSeason * 100 + primary.Episodes[0];
            into.Add(new ReadingCandidate(MarkerForm.BareNumber, MarkerKind.Number, primary.First, primary.Last, null, [n], [n], null, RivalKind.CompactOrAbsolute));
        }

        if (primary.Kind is MarkerKind.Number or MarkerKind.Episode && FirstTitleNumber(scan, title) is var t and >= 0)
        {
            // "Gundam 00 - 05": the number in the title could be the episode.
            into.Add(new ReadingCandidate(MarkerForm.BareNumber, MarkerKind.Number, t, t, null, [], [], null, RivalKind.TitleNumberOrEpisode));
        }

        if (primary.Form == MarkerForm.SeasonPack && primary.First == primary.Last && reading.Season is { } season && PackEpisode(scan, primary, title) is { } episode)
        {
            // "Show.S04.11.720p": the season pack, or season 4 episode 11 with nothing left unexplained.
            into.Add(new ReadingCandidate(MarkerForm.SeasonThenNumber, MarkerKind.SeasonEpisode, primary.First, primary.Last + 1, season, [episode], [], null, RivalKind.PackOrEpisode));
        }

        if (primary.Kind == MarkerKind.SeasonEpisode && primary.Season is { } listSeason && UnderscoreNumber(scan, primary) is { } joined)
        {
            // "S03E13_91", "S04E01_31 Title": a number joined to the marker by an underscore that the reading leaves out
            // could be one more episode of the list (or a counter); the list is a close rival either way. The next
            // episode ("S03E13_14") is already in the list and has none.
            into.Add(new ReadingCandidate(primary.Form, MarkerKind.SeasonEpisode, primary.First, primary.Last + 1, listSeason, [.. reading.Episodes, joined], [], null, RivalKind.OtherMarker));
        }

        if (primary.Form == MarkerForm.SeasonPack && reading.Season is { } partSeason && PackPart(scan, primary) is { } part)
        {
            // "Show.Season.3.Part.IV": that season's episode 4 to some sources (FlexGet), the first half of a season pack to
            // others (Sonarr's "S02.Part.1"); the sources disagree, so the other reading is a close rival either way.
            into.Add(new ReadingCandidate(MarkerForm.SeasonThenNumber, MarkerKind.SeasonEpisode, primary.First, part.Last, partSeason, [.. part.Episodes], [], null, RivalKind.PackOrEpisode));
        }

        foreach (var m in scan.Markers)
        {
            if (m != primary && m != absolute && !used.Contains(m) && m.Kind != MarkerKind.Special && Differs(reading, m))
            {
                // "Show 2x03 ... Part 4": another marker reads the numbers differently.
                into.Add(new ReadingCandidate(m.Form, m.Kind, m.First, m.Last, m.Season, [.. m.Episodes], [.. m.Absolute], m.Date, RivalKind.OtherMarker));
            }
        }
    }

    private static int LeadingDigits(string text)
    {
        var end = text.AsSpan().IndexOfAnyExceptInRange('0', '9');
        return end < 0 ? text.Length : end;
    }

    /// <summary>The first token of the title that is a number and not a year ("Gundam 00"), or -1; a loop, as this runs on every name.</summary>
    private static int FirstTitleNumber(Scan scan, List<int> title)
    {
        foreach (var i in title)
        {
            if (scan.Tokens[i] is { IsDigits: true, IsYear: false })
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// The number right after a one-token season pack ("S04.11", "S03 05") when it is a plausible episode: joined by a
    /// plain separator (not "Season 1-3", "S01~3", which are ranges) and not the start of a range itself.
    /// </summary>
    private static int? PackEpisode(Scan scan, Marker pack, List<int> title)
    {
        var i = pack.Last + 1;
        if (scan.At(i) is not { Consumed: false, IsDigits: true, IsYear: false, InBrackets: false } t || t.Text.Length > 3 || t.Sep is not ("." or " " or "_") || title.Contains(i)
            || !Scan.TryNumber(t, out var n) || n == 0 || scan.At(i + 1) is { IsDigits: true } after && after.Sep.Contains('-', StringComparison.Ordinal))
        {
            return null;
        }

        return n;
    }

    /// <summary>A free number of at most three digits joined by an underscore right after the marker, or null.</summary>
    private static int? UnderscoreNumber(Scan scan, Marker marker) =>
        scan.At(marker.Last + 1) is { Sep: "_", IsDigits: true, Consumed: false, IsYear: false, Text.Length: <= 3 } t && Scan.TryNumber(t, out var n) && n > 0 ? n : null;

    /// <summary>A mini-series part right after a season pack ("Season.3.Part.IV", "S02.Part.1"), or null.</summary>
    private static Marker? PackPart(Scan scan, Marker pack)
    {
        foreach (var m in scan.Markers)
        {
            if (m.Form == MarkerForm.MiniSeriesPart && m.First == pack.Last + 1 && m.Episodes.Count == 1)
            {
                return m;
            }
        }

        return null;
    }

    private static bool Differs(Reading reading, Marker m) =>
        m.Date is { } d ? reading.AirDate != d : m.Season != reading.Season && m.Season is not null || m.Episodes.Count > 0 && !m.Episodes.SequenceEqual(reading.Episodes) && !m.Episodes.SequenceEqual(reading.Absolute);

    /// <summary>Rewrites the reading to a winning alternative and records its marker on the scan (its tokens are now explained).</summary>
    private static Marker Adopt(Scan scan, Reading reading, ReadingCandidate c)
    {
        var marker = new Marker { Form = c.Form, Kind = c.Kind, First = c.First, Last = c.Last, Season = c.Season, Date = c.Date, Rule = "season and episode (a season, then the number beside it)" };
        marker.Episodes.AddRange(c.Episodes);
        marker.Absolute.AddRange(c.Absolute);
        scan.Add(marker);
        Resolver.ApplyNumbering(reading, marker);
        reading.Matched = Resolver.MatchedText(scan, marker);
        return marker;
    }
}
