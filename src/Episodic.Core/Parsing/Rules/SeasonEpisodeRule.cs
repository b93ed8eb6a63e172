using Episodic.Core.Parsing.Tokens;

namespace Episodic.Core.Parsing.Rules;

/// <summary>The classic markers: S01E02 (and its split spellings S01 E02, S01.E02, S01_E02), and 1x02.</summary>
internal static class SeasonEpisodeRule
{
    public static void Apply(Scan scan)
    {
        for (var i = 0; i < scan.Count; i++)
        {
            if (!scan.IsFree(i))
            {
                continue;
            }

            var marker = TryJoined(scan, i) ?? TrySplit(scan, i) ?? TryCross(scan, i) ?? TrySpacedCross(scan, i);
            if (marker is null)
            {
                continue;
            }

            scan.Add(marker);
            EpisodeTail.Read(scan, marker);
            scan.Consume(marker.First, marker.Last);
            i = marker.Last;
        }

        DropCrossBeforeExplicit(scan);
        ReadLeadingAbsoluteRange(scan);
    }

    /// <summary>
    /// "3x3 Eyes - 012 - S02E03", "165-166.3x3 Eyes.S08E014E015": an NxN before an explicit SxxEyy is part of the
    /// show name; the explicit marker says the season and episode.
    /// </summary>
    private static void DropCrossBeforeExplicit(Scan scan)
    {
        // Loops rather than Find/FindAll lambdas: the second lambda captured the explicit marker, and its closure was
        // allocated on every name, explicit marker or not.
        var markers = scan.Markers;
        var explicitFirst = -1;
        foreach (var m in markers)
        {
            if (m.Form is MarkerForm.SxxEyy or MarkerForm.SxxSpaceEyy)
            {
                explicitFirst = m.First;
                break;
            }
        }

        if (explicitFirst < 0)
        {
            return;
        }

        for (var j = 0; j < markers.Count; j++)
        {
            var cross = markers[j];
            if (cross.Form != MarkerForm.Cross || cross.Last >= explicitFirst)
            {
                continue;
            }

            markers.RemoveAt(j--);
            for (var k = cross.First; k <= cross.Last; k++)
            {
                scan.Tokens[k].Consumed = false;
            }
        }
    }

    /// <summary>
    /// "165-166.Show Name.S08E14E15": a range at the very start whose length is the marker's episode count is the
    /// absolute numbering of those episodes, not the start of the show name. A single leading number stays in the
    /// title ("12.Monkeys.S01E01", "90.Day.Fiance.S02E07").
    /// </summary>
    private static void ReadLeadingAbsoluteRange(Scan scan)
    {
        var i = scan.TitleStart;
        var se = scan.Markers.Find(m => m.Kind == MarkerKind.SeasonEpisode && m.Form is MarkerForm.SxxEyy or MarkerForm.SxxSpaceEyy);
        if (se is null || se.Episodes.Count < 2 || se.Absolute.Count > 0 || se.First <= i + 2
            || scan.At(i) is not { IsDigits: true, Consumed: false, InBrackets: false } lo || scan.At(i + 1) is not { IsDigits: true, Sep: "-", Consumed: false, InBrackets: false } hi
            || lo.Text.Length < 2 || hi.Text.Length < 2 || lo.IsYear || scan.At(i + 2) is not { Consumed: false, InBrackets: false } after || after.Sep.Contains('-', StringComparison.Ordinal)
            || !Scan.TryNumber(lo, out var from) || !Scan.TryNumber(hi, out var to) || to - from + 1 != se.Episodes.Count)
        {
            return;
        }

        for (var n = from; n <= to; n++)
        {
            se.Absolute.Add(n);
        }

        scan.Consume(i, i + 1);
    }

    /// <summary>True for NxN markers that are not resolutions (1280x720).</summary>
    public static bool IsCross(Token token) => IsCross(Patterns.Cross().Match(token));

    private static bool IsCross(TokenMatch m) => m.Success && !(m.S.Length >= 3 && m.E.Length >= 3) && !(m.S.ValueSpan is "0" && m.E.Length >= 3);

    private static Marker? TryJoined(Scan scan, int i)
    {
        var match = Patterns.SeasonEpisode().Match(scan.Tokens[i]);
        return match.Success ? Build(match, MarkerForm.SxxEyy, "season and episode", i, i) : null;
    }

    /// <summary>"S01 E02", "S01.E02", "S01 - E02", "S06.E1-S6E2", "S01.E.01", "s03-x01", "S42 Ep10688".</summary>
    private static Marker? TrySplit(Scan scan, int i)
    {
        var season = Patterns.SeasonOnly().Match(scan.Tokens[i]);
        if (!season.Success || scan.At(i + 1) is not { } next || next.Sep.Length > 3)
        {
            return null;
        }

        var episode = Patterns.EpisodePart().Match(next);
        var last = i + 1;
        if (!episode.Success && IsEpisodeLetters(next.Text) && scan.At(i + 2) is { } num && Patterns.Number().IsMatch(num))
        {
            episode = Patterns.Number().Match(num);
            last = i + 2;
        }

        if (!episode.Success)
        {
            return null;
        }

        var m = new Marker { Form = MarkerForm.SxxSpaceEyy, Rule = "season and episode in two tokens", Kind = MarkerKind.SeasonEpisode, First = i, Last = last };
        if (next.SpacedDashBefore)
        {
            // "Show S03 - EP14": the same ambiguity as "Show S3 - 14" (season, or part of the title).
            scan.Doubts.Add(Doubt.SeasonTokenInFansubName);
        }

        m.Season = EpisodeTail.ParseInt(season.S);
        m.Episodes.Add(EpisodeTail.ParseInt(episode.E));
        if (episode.More.Length > 0)
        {
            scan.Doubts.Add(Doubt.ChainedEpisodes);
            m.Episodes.AddRange(EpisodeTail.SplitMore(episode.More.Value));
        }

        return m;
    }

    /// <summary>"E" or "EP" in any case (what upper-casing the token and comparing says, without the copy for ASCII tokens).</summary>
    private static bool IsEpisodeLetters(string text) =>
        text.Length is 1 or 2 && (System.Text.Ascii.IsValid(text)
            ? text.Equals("E", StringComparison.OrdinalIgnoreCase) || text.Equals("EP", StringComparison.OrdinalIgnoreCase)
            : text.ToUpperInvariant() is "E" or "EP");

    private static Marker? TryCross(Scan scan, int i)
    {
        var match = Patterns.Cross().Match(scan.Tokens[i]);
        return IsCross(match) ? Build(match, MarkerForm.Cross, "season and episode (cross)", i, i) : null;
    }

    /// <summary>
    /// "Show 1 x 2", "Show 10 x 05": a cross marker written with spaces. Guard: a season of at most two digits and an
    /// episode of at most three, so a resolution ("1920 x 1080") never reads as one.
    /// </summary>
    private static Marker? TrySpacedCross(Scan scan, int i)
    {
        var t = scan.Tokens[i];
        if (i <= scan.TitleStart || !t.IsDigits || t.Text.Length > 2 || scan.At(i + 1) is not { Text: "x" or "X", Sep: " " } || scan.At(i + 2) is not { Sep: " ", IsDigits: true } e || e.Text.Length > 3
            || !Scan.TryNumber(t, out var season) || !Scan.TryNumber(e, out var episode))
        {
            return null;
        }

        var m = new Marker { Form = MarkerForm.Cross, Rule = "season and episode (spaced cross)", Kind = MarkerKind.SeasonEpisode, First = i, Last = i + 2, Season = season };
        m.Episodes.Add(episode);
        return m;
    }

    private static Marker Build(TokenMatch match, MarkerForm kind, string form, int first, int last)
    {
        var m = new Marker { Form = kind, Rule = form, Kind = MarkerKind.SeasonEpisode, First = first, Last = last };
        m.Season = EpisodeTail.ParseInt(match.S);
        m.Episodes.Add(EpisodeTail.ParseInt(match.E));
        var more = match.More.Value;
        if (more.Length > 0)
        {
            // S01E01E02 lists episodes; 02x01x02 as well.
            foreach (var e in EpisodeTail.SplitMore(more))
            {
                EpisodeTail.AddEpisode(m, -1, e, range: false);
            }
        }

        if (match.V.Success)
        {
            m.Version = EpisodeTail.ParseInt(match.V);
        }

        return m;
    }
}
