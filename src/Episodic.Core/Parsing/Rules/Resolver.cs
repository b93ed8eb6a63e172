namespace Episodic.Core.Parsing.Rules;

/// <summary>
/// Chooses the deciding marker among those found and combines compatible ones: S07E22 - S07E23 merge, a date
/// joins a preceding S01E02, an absolute number next to S16E03 becomes the absolute numbering.
/// </summary>
internal static class Resolver
{
    public static Reading Resolve(Scan scan)
    {
        var markers = SortedByFirst(scan.Markers);
        var se = markers.Find(m => m.Kind == MarkerKind.SeasonEpisode);
        var date = markers.Find(m => m.Form == MarkerForm.FullDate);
        var shortDate = markers.Find(m => m.Form == MarkerForm.ShortDate);
        var pack = markers.Find(m => m.Kind == MarkerKind.SeasonPack);
        var episode = markers.Find(m => m.Kind == MarkerKind.Episode);

        Marker? primary;
        // Markers merged into the reading; read only within this call, so one list per thread serves every name.
        var used = t_used ??= new List<Marker>(4);
        used.Clear();
        if (se is not null && date is not null && se.First > date.First && date.Last < scan.TitleStartAfter(date))
        {
            // "2020.05.01 Show S01E01": a date before the title is a release or broadcast prefix, not the air date.
            primary = se;
            MergeSameSeason(markers, se, used);
        }
        else if (se is not null && (date is null || se.First < date.First))
        {
            primary = se;
            MergeSameSeason(markers, se, used);
            AddIfAfter(date, se, used);
        }
        else if (date is not null && scan.Tokens[date.First].InBrackets && NumberRule.Find(scan, date.First) is { Season: null, Kind: MarkerKind.Number } beforeDate)
        {
            // "Show 79 (25.06.2023)": the bare number is the episode; the bracketed date only says when it aired.
            primary = beforeDate;
            scan.Add(beforeDate);
            used.Add(date);
        }
        else if (date is not null)
        {
            primary = date;
            if (episode is { Season: null } && episode.First < date.First)
            {
                used.Add(episode);
            }
            else if (NumberRule.Find(scan, date.First) is { Season: not null } compact)
            {
                // "Show.Name.101.Event.2010.11.23": a compact number before the date.
                scan.Add(compact);
                used.Add(compact);
            }
        }
        else if (episode is not null && !(pack is not null && pack.First < episode.First && episode.Form == MarkerForm.MiniSeriesPart))
        {
            primary = episode;
            // The season may stand before the episode ("Stagione 6 ... ep13") or after a counter ("第01-15集 ... S01").
            if (pack is not null && (pack.First < episode.First || episode.Form is MarkerForm.CjkEpisodeCounter or MarkerForm.CjkEpisodeRange))
            {
                primary.Season = pack.Season;
                used.Add(pack);
            }

            AddIfAfter(shortDate, episode, used);

            // Japanese TV rips ("221206 Show #08"): an air-date prefix, then a per-season episode count.
            if (shortDate is not null && shortDate.First <= scan.TitleStart && primary.Season is null)
            {
                primary.Season = 1;
                primary.Rule += ", season 1 under a broadcast-date prefix";
            }
        }
        else if (pack is not null)
        {
            primary = pack;
        }
        else
        {
            var special = SpecialRule.Find(scan);
            primary = markers.Find(m => m.Kind == MarkerKind.Number)
                ?? (special is { Episodes.Count: > 0 } ? special : null)
                ?? NumberRule.Find(scan, scan.Count) ?? shortDate ?? special;
            if (primary is not null && !scan.Markers.Contains(primary))
            {
                scan.Add(primary);
            }
        }

        // An absolute number beside a season/episode marker ("214 10x14", "313-315 - s16e03-05", "S01E01.001").
        Marker? absolute = null;
        if (primary is { Kind: MarkerKind.SeasonEpisode } && MayHoldFreeNumber(scan) && NumberRule.Find(scan, scan.Count) is { Kind: MarkerKind.Number, Absolute.Count: > 0 } n
            && (n.Last + 3 >= primary.First && n.First < primary.First && n.First > scan.TitleStart || n.First <= primary.Last + 3 && n.First > primary.Last)
            && n.Absolute[0] >= primary.Episodes.FirstOrDefault() && (scan.Tokens[n.First].SpacedDashBefore || n.Absolute.Count > 1 || (scan.FansubStyle || n.First > primary.Last) && scan.Tokens[n.First].Text.Length >= 3 || scan.FansubStyle && n.First > primary.Last))
        {
            absolute = n;
            scan.Add(n);
        }

        var reading = new Reading { Crc32 = scan.Crc32, ReleaseGroup = scan.ReleaseGroup, Doubts = scan.Doubts, Rejected = scan.RejectedDate && primary is null or { Kind: MarkerKind.Number or MarkerKind.Episode } };
        if (primary is null || reading.Rejected)
        {
            // No episode here, but the name may still be a show (a folder) or a recap ("Show - 10.5").
            (reading.Title, reading.Year) = TitleRule.Build(scan, scan.TitleStart, scan.Count, stopAtNoise: true);
            reading.Special = scan.Recap;
            reading.Rule = scan.Recap ? "recap numbering (N.5) without a regular episode number" : "";
            return reading;
        }

        Apply(reading, primary);
        reading.Matched = MatchedText(scan, primary);
        foreach (var m in used)
        {
            reading.AirDate ??= m.Date;
            reading.Season ??= m.Season;
            reading.Version ??= m.Version;
            if (reading.Episodes.Count == 0 && m.Episodes.Count > 0 && m.Kind != MarkerKind.Date)
            {
                reading.Episodes.AddRange(m.Episodes);
            }
        }

        if (absolute is not null)
        {
            reading.Absolute = [.. absolute.Absolute];
            reading.Rule += " with absolute numbering";
        }

        var titleEnd = primary.First;
        foreach (var m in used)
        {
            titleEnd = Math.Min(titleEnd, m.First);
        }

        if (absolute is not null)
        {
            titleEnd = Math.Min(titleEnd, absolute.First);
        }

        var (title, year) = TitleRule.Build(scan, scan.TitleStart, titleEnd);
        var titleTokens = title is null ? [] : scan.LastTitleTokens;
        if (primary.Form is MarkerForm.CjkEpisodeCounter or MarkerForm.CjkEpisodeRange && PackAfter(used, primary.Last) is { } laterPack
            && TitleRule.Build(scan, primary.Last + 1, laterPack.First) is { Title: { } between } && between.Any(c => c < 0x250 && char.IsLetter(c)))
        {
            // "中文名[第01-15集].English.Title.S01": the romanised title sits between the counter and the season.
            title = between;
        }
        if (title is null && primary.Kind is MarkerKind.Number or MarkerKind.Episode or MarkerKind.Special)
        {
            // "[Group] 01 - Show Name [BD]", "03-Criminal.Minds": the title may follow the number.
            reading.TitleAfter = TitleRule.Build(scan, primary.Last + 1, scan.Count, stopAtDash: true, stopAtNoise: true).Title;
        }

        if (title is null && reading.TitleAfter is null && scan.LeadingGroup is { } lead && primary.First > lead.Last)
        {
            // "[Keroro].148.[Xvid]", "[Title Long Name][07][720p]": nothing outside brackets names the show, so the
            // leading bracket is the title rather than the group.
            for (var k = lead.First; k <= lead.Last; k++)
            {
                scan.Tokens[k].Consumed = false;
            }

            (title, year) = TitleRule.Build(scan, lead.First, lead.Last + 1, stopAtNoise: true);
            if (title is not null)
            {
                titleTokens = scan.LastTitleTokens;
                reading.ReleaseGroup = null;
                scan.Doubts.Add(Doubt.TitleInGroupBracket);
            }
        }

        reading.Title = title;
        reading.Year = year;
        if (title is not null && title.Contains(" - ", StringComparison.Ordinal))
        {
            scan.Doubts.Add(Doubt.DashInTitle);
        }

        var (chosen, rival) = Readings.Choose(scan, reading, primary, used, absolute, titleTokens);
        SanityChecks.Apply(scan, reading, chosen);
        EvidenceReader.Fill(reading, scan, chosen, rival, titleTokens);
        return reading;
    }

    /// <summary>The markers merged into the reading being resolved on this thread (cleared at the start of each call).</summary>
    [ThreadStatic]
    private static List<Marker>? t_used;

    /// <summary>The first merged season pack after <paramref name="last"/>; a loop, as a lambda over the primary made a closure on every name.</summary>
    private static Marker? PackAfter(List<Marker> used, int last)
    {
        foreach (var m in used)
        {
            if (m.Kind == MarkerKind.SeasonPack && m.First > last)
            {
                return m;
            }
        }

        return null;
    }

    /// <summary>
    /// Whether <see cref="NumberRule.Find"/> can find anything: both its patterns start with a digit and read only free,
    /// non-noise tokens. Most SxxEyy names have none, and the search (which may also note a split-episode doubt, so it
    /// is skipped only when it cannot) built a candidate list for nothing.
    /// </summary>
    private static bool MayHoldFreeNumber(Scan scan)
    {
        for (var i = Math.Max(0, scan.TitleStart); i < scan.Count; i++)
        {
            var t = scan.Tokens[i];
            if (!t.Consumed && t.Kind != Tokens.TokenKind.Noise && t.Text.Length > 0 && char.IsDigit(t.Text[0]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The markers in name order; equal starts keep the order they were found in (a stable sort, as OrderBy was). Markers
    /// found in order (most names) are read in place: the resolver reads this list only before it adds any marker.
    /// </summary>
    private static List<Marker> SortedByFirst(List<Marker> found)
    {
        var inOrder = true;
        for (var i = 1; i < found.Count && inOrder; i++)
        {
            inOrder = found[i - 1].First <= found[i].First;
        }

        if (inOrder)
        {
            return found;
        }

        var sorted = new List<Marker>(found);
        for (var i = 1; i < sorted.Count; i++)
        {
            var m = sorted[i];
            var j = i - 1;
            while (j >= 0 && sorted[j].First > m.First)
            {
                sorted[j + 1] = sorted[j];
                j--;
            }

            sorted[j + 1] = m;
        }

        return sorted;
    }

    /// <summary>The text of the name the deciding marker spans, as written, so the reasoning quotes the name rather than an example of its form.</summary>
    internal static ReadOnlyMemory<char> MatchedText(Scan scan, Marker m)
    {
        var first = scan.At(m.First);
        var last = scan.At(Math.Max(m.First, m.Last));
        return first is null || last is null || last.End <= first.Start || last.End > scan.Name.Length ? ReadOnlyMemory<char>.Empty : scan.Name.AsMemory(first.Start, last.End - first.Start);
    }

    private static void Apply(Reading r, Marker m)
    {
        ApplyNumbering(r, m);
        r.AirDate = m.Date;
        r.Special = m.Special || m.Season == 0;
        r.Version = m.Version;
    }

    /// <summary>
    /// Rewrites the reading's numbering (kind, form, rule, season, episodes, pack) to the marker's; date, special and
    /// version stay. The episode lists are replaced, never cleared and refilled: the proposed candidate in
    /// <see cref="Readings"/> still holds the old lists when an alternative is adopted, and its rival is read from them.
    /// </summary>
    internal static void ApplyNumbering(Reading r, Marker m)
    {
        r.Kind = m.Kind;
        r.Form = m.Form;
        r.Rule = m.Rule;
        r.Season = m.Season;
        r.Episodes = [.. m.Episodes];
        r.Absolute = [.. m.Absolute];
        r.FullSeason = m.FullSeason;
    }

    /// <summary>S07E22 - S07E23, S01E02.S01E03, "S01E00 &amp; S01E01": later markers of the same season add episodes.</summary>
    private static void MergeSameSeason(List<Marker> markers, Marker se, List<Marker> used)
    {
        // Loops, not LINQ: this runs on every SxxEyy name. Each test reads se.Last as merged so far, as the lazy filter did.
        foreach (var m in markers)
        {
            if (m == se || m.Kind != MarkerKind.SeasonEpisode || m.Season != se.Season || m.First <= se.Last || m.First - se.Last > 3)
            {
                continue;
            }

            foreach (var e in m.Episodes)
            {
                if (!se.Episodes.Contains(e))
                {
                    se.Episodes.Add(e);
                }
            }

            se.Last = m.Last;
            used.Add(m);
        }
    }

    private static void AddIfAfter(Marker? m, Marker primary, List<Marker> used)
    {
        if (m is not null && m.First > primary.First)
        {
            used.Add(m);
        }
    }
}
