using Episodic.Core.Parsing.Tokens;
using Episodic.Core.Parsing.Vocabulary;

namespace Episodic.Core.Parsing.Rules;

/// <summary>
/// Seasons named in words or on their own: "Season 2", "Saison 1", "Temporada 4", "3rd Season", "S2", "S01-S03",
/// "Seasons 1 &amp; 2", "1xAll" — with the episode that may follow ("Season 2 Episode 5", "S2 - 07", "3rd Season 49").
/// </summary>
internal static class SeasonWordRule
{
    public static void Apply(Scan scan)
    {
        for (var i = 0; i < scan.Count; i++)
        {
            if (!scan.IsFree(i) || CannotStartSeason(scan.Tokens[i]))
            {
                continue;
            }

            Marker m;
            if (TryBracketedSeasons(scan, i, out var first, out var upper))
            {
                // "All Seasons (1-6)", "Seasons [1-3]": a multi-season pack whose range stands in brackets.
                m = new Marker { Form = MarkerForm.MultiSeasonPack, Rule = "multi-season pack", Kind = MarkerKind.SeasonPack, First = i, Last = upper, Season = first, FullSeason = true };
            }
            else if (TryOrdinalSeasonRange(scan, i, out first, out upper))
            {
                // "1ª a 8ª Temporada", "1st-3rd Season": two ordinals joined by a range word, then the season word.
                m = new Marker { Form = MarkerForm.MultiSeasonPack, Rule = "multi-season pack", Kind = MarkerKind.SeasonPack, First = i, Last = upper, Season = first, FullSeason = true };
            }
            else if (TrySeason(scan, i, out var season, out var last))
            {
                m = new Marker { Form = MarkerForm.SeasonPack, Rule = "season", Kind = MarkerKind.SeasonPack, First = i, Last = last, Season = season, FullSeason = true };
                ReadMoreSeasons(scan, m);
                ReadEpisode(scan, m);
            }
            else
            {
                continue;
            }

            AbsorbPackWordsBefore(scan, m);
            scan.Add(m);
            i = m.Last;
        }
    }

    /// <summary>
    /// True when no clause below can start at the token, so the rule skips it unasked: every clause needs a digit in
    /// the token, the token to be a season word or an ordinal word ("Second Season"), or a non-ASCII token (the CJK
    /// counters, "第二季"). Most tokens of a name are title words that are none of these. Exact, not a heuristic:
    /// HotPathEquivalenceTests checks that every gated token of the corpora fails every clause.
    /// </summary>
    internal static bool CannotStartSeason(Token t) =>
        !t.HasDigit && t.IsAsciiText && !SeasonWords.Season.Contains(t) && !SeasonWords.OrdinalWords.Contains(t);

    internal static bool TrySeason(Scan scan, int i, out int season, out int last)
    {
        var t = scan.Tokens[i];
        season = 0;
        last = i;

        if (Patterns.SeasonOnly().Match(t) is { Success: true } s)
        {
            season = EpisodeTail.ParseInt(s.S);
            return true;
        }

        if (Patterns.CjkSeason().Match(t) is { Success: true } cjk && CjkNumerals.TryParse(cjk.S.Value, out season))
        {
            return true;
        }

        if (Patterns.SeasonDisc().Match(t) is { Success: true } d)
        {
            season = EpisodeTail.ParseInt(d.S);
            return true;
        }

        if (Patterns.CrossAll().Match(t) is { Success: true } all)
        {
            season = EpisodeTail.ParseInt(all.S);
            return true;
        }

        if (MarkerWordMatch.TryJoinedSeason(t, out season))
        {
            return true;
        }

        // "3 сезон", "5-й сезон", "2.Sezon", "2. évad": languages that write the number first. A word followed by its own
        // number that no episode word follows ("Ocean 11 Staffel 2") is the word-first order, not this one.
        // A stronger marker right after the word ("Top 5 Série S03E04") makes the number part of the title, not a season.
        if (t.Text.Length <= 2 && MarkerWordMatch.WordAfterNumber(scan, i, SeasonWords.SeasonAfterNumber, 2, out var numberFirst) is var w and >= 0 && numberFirst is > 0 and <= 100
            && !(scan.At(w + 1) is { IsDigits: true } own && own.Sep.Length <= 2 && !EpisodeFollows(scan, w + 1))
            && !SeasonEpisodeStartsAt(scan, w + 1))
        {
            season = numberFirst;
            last = w;
            return true;
        }

        // "3rd Season", "Second Season", "1ª Temporada", "04ª Temporada", "3º Temporada", "1a. Temporada"
        if (scan.At(i + 1) is { } word && SeasonWords.Season.Contains(word) && TryOrdinal(t.Text, out season))
        {
            last = i + 1;
            return true;
        }

        // "10 th season": the ordinal suffix written apart. Guard: the season word must follow the suffix at once, so
        // a number before a one-letter word ("Show 2 a Day") is no ordinal.
        if (t.Text.Length <= 2 && Scan.TryNumber(t, out season) && season is > 0 and <= 100 && !t.IsYear
            && scan.At(i + 1) is { Sep: " " or "-" } suffixWord && SeasonWords.OrdinalSuffixes.Contains(suffixWord)
            && scan.At(i + 2) is { } spacedWord && SeasonWords.Season.Contains(spacedWord))
        {
            last = i + 2;
            return true;
        }

        if (SeasonWords.Season.Contains(t) && scan.At(i + 1) is { } n && n.Sep.Length <= 2 && n.Sep.AsSpan().IndexOfAny(")][(") < 0 && (Scan.TryNumber(n, out season) || Patterns.NOfM().Match(n) is { Success: true } nof && int.TryParse(nof.E.ValueSpan, out season)))
        {
            // "Se" (Dutch) only as "Se.1"; a bare "Se" elsewhere is a word.
            if (t.Text.Equals("se", StringComparison.OrdinalIgnoreCase) && n.Sep != ".")
            {
                return false;
            }

            if (season > 100 && season < 1900)
            {
                return false;
            }

            last = i + 1;
            return true;
        }

        // "Piano no Mori 2 (TV)", "Show 3 (TV) - 05": a sequel number marked as the TV series is its season.
        // Guard: only one or two digits ("Show 100 (TV)" keeps its number), and "(TV)" must stand alone in its bracket.
        if (t.Text.Length <= 2 && Scan.TryNumber(t, out season) && season is >= 1 and <= 20 && i > scan.TitleStart
            && scan.At(i + 1) is { Opener: '(' } tv && tv.Text.Equals("TV", StringComparison.OrdinalIgnoreCase) && tv.Group != t.Group && scan.At(i + 2)?.Group != tv.Group)
        {
            last = i + 1;
            return true;
        }

        return false;
    }

    /// <summary>"Seasons (1-8)": a season word, then a bracket holding only an ascending range of season numbers.</summary>
    internal static bool TryBracketedSeasons(Scan scan, int i, out int first, out int last)
    {
        first = 0;
        last = i + 2;
        return SeasonWords.Season.Contains(scan.Tokens[i])
            && scan.At(i + 1) is { IsDigits: true, Opener: '(' or '[' } lo && lo.Group != scan.Tokens[i].Group
            && scan.At(i + 2) is { IsDigits: true, Sep: "-" } hi && hi.Group == lo.Group && scan.At(i + 3)?.Group != lo.Group
            && Scan.TryNumber(lo, out first) && Scan.TryNumber(hi, out var upper) && first is >= 1 and < 100 && upper > first && upper < 100;
    }

    /// <summary>
    /// "1ª a 8ª Temporada", "1st - 3rd Season", "2nd to 4th Season": an ordinal, a range word or dash, a higher ordinal and a
    /// season word. Guard: both numbers must be ordinals ("Show 1 a 8ª Temporada" is no range), so a title word between
    /// a number and a season word is never swallowed.
    /// </summary>
    internal static bool TryOrdinalSeasonRange(Scan scan, int i, out int first, out int last)
    {
        first = 0;
        last = i;
        if (!TryOrdinal(scan.Tokens[i].Text, out first))
        {
            return false;
        }

        var j = i + 1;
        if (scan.At(j) is { } joiner && SeasonWords.RangeWords.Contains(joiner))
        {
            j++;
        }
        else if (scan.At(j) is not { } dashed || !dashed.Sep.Contains('-', StringComparison.Ordinal))
        {
            return false;
        }

        if (scan.At(j) is not { Consumed: false } upperToken || !TryOrdinal(upperToken.Text, out var upper) || upper <= first
            || scan.At(j + 1) is not { } word || !SeasonWords.Season.Contains(word))
        {
            return false;
        }

        last = j + 1;
        return true;
    }

    /// <summary>
    /// "Skins Season S01-S07", "All Seasons (1-6)", "The Complete Season 3": the words that only announce the pack
    /// belong to the marker, not to the show name ("all" only before a range of seasons: "Winner Takes All Season 2"
    /// keeps it). At least one word before them stays for the title.
    /// </summary>
    private static void AbsorbPackWordsBefore(Scan scan, Marker m)
    {
        while (m.First - 1 > scan.TitleStart && scan.At(m.First - 1) is { Consumed: false, InBrackets: false } b
            && (SeasonWords.Season.Contains(b) && m.FullSeason
                || b.Text.Equals("complete", StringComparison.OrdinalIgnoreCase) && m.FullSeason
                || b.Text.Equals("all", StringComparison.OrdinalIgnoreCase) && m.Form == MarkerForm.MultiSeasonPack
                || b.Text.Equals("the", StringComparison.OrdinalIgnoreCase) && scan.Tokens[m.First].Text.Equals("complete", StringComparison.OrdinalIgnoreCase)))
        {
            m.First--;
        }
    }

    /// <summary>
    /// An SxxEyy-style marker starts at token <paramref name="i"/>. A loop, not a lambda: the lambda captured a local of
    /// <see cref="TrySeason"/>, so every call (one per free token of every name) allocated its closure.
    /// </summary>
    private static bool SeasonEpisodeStartsAt(Scan scan, int i)
    {
        foreach (var m in scan.Markers)
        {
            if (m.Kind == MarkerKind.SeasonEpisode && m.First == i)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"7 серия" at <paramref name="i"/>: an episode written number first, its word not followed by a number of its own ("2 Folge 5" is word first; a year after it, "7.Bölüm.2021", is not its number).</summary>
    private static bool EpisodeFollows(Scan scan, int i) =>
        MarkerWordMatch.WordAfterNumber(scan, i, SeasonWords.EpisodeAfterNumber, 4, out _) is var e and >= 0 && scan.At(e + 1) is not { IsDigits: true, IsYear: false };

    /// <summary>
    /// "3rd", "1ª", "04ª", "3º", "4°", "2e": one or two digits joined to an ordinal suffix of the word table (so a
    /// language's ordinals are data, not a pattern), or an ordinal word ("Second").
    /// </summary>
    private static bool TryOrdinal(string text, out int n)
    {
        var digits = 0;
        while (digits < text.Length && char.IsAsciiDigit(text[digits]))
        {
            digits++;
        }

        if (digits is 1 or 2 && digits < text.Length && SeasonWords.OrdinalSuffixes.Contains(text.AsSpan(digits)))
        {
            n = int.Parse(text.AsSpan(0, digits), provider: System.Globalization.CultureInfo.InvariantCulture);
            return n > 0;
        }

        n = 0;
        return SeasonWords.OrdinalWords.Contains(text) && SeasonWords.Ordinals.TryGetValue(text, out n);
    }

    /// <summary>S01-S03, "S01 - S07", "Season 01 - Season 07", "Seasons 1 &amp; 2", "S01 S04", "S01 04".</summary>
    private static void ReadMoreSeasons(Scan scan, Marker m)
    {
        var i = m.Last + 1;
        if (scan.At(i) is not { } t || t.Consumed)
        {
            return;
        }

        if (Patterns.SeasonOnly().Match(t) is { Success: true } s && EpisodeTail.ParseInt(s.S) > m.Season)
        {
            m.Last = i;
            m.Rule = "multi-season pack";
            m.Form = MarkerForm.MultiSeasonPack;
            return;
        }

        if (SeasonWords.Season.Contains(t) && t.Sep.Contains('-', StringComparison.Ordinal) && Scan.TryNumber(scan.At(i + 1), out var upper) && upper > m.Season)
        {
            m.Last = i + 1;
            m.Rule = "multi-season pack";
            m.Form = MarkerForm.MultiSeasonPack;
            return;
        }

        // "Season 1 - 6": a season word, a spaced dash and an unpadded single digit above it is a range of seasons
        // (a fansub episode after "Season 2 - " is written with two digits, "Season 2 - 06").
        if (SeasonWords.Season.Contains(scan.Tokens[m.First]) && t.SpacedDashBefore && t.IsDigits && t.Text.Length == 1
            && Scan.TryNumber(t, out var lastSeason) && lastSeason > m.Season && scan.At(i + 1) is not { IsDigits: true })
        {
            m.Last = i;
            m.Rule = "multi-season pack";
            m.Form = MarkerForm.MultiSeasonPack;
            return;
        }

        // "Seasons 1 & 2", "Season.1&3", "S01 04" (a second season number right after a season-only token)
        if (t.Sep.Contains('&', StringComparison.Ordinal) && Scan.TryNumber(t, out var other) && other > m.Season
            || t.Sep == " " && Patterns.SeasonOnly().IsMatch(scan.Tokens[m.First]) && Scan.TryNumber(t, out other) && other > m.Season && other < 40 && t.Text.Length == 2 && NextIsNoiseOrEnd(scan, i))
        {
            m.Last = i;
            m.Rule = "multi-season pack";
            m.Form = MarkerForm.MultiSeasonPack;
        }
    }

    private static bool NextIsNoiseOrEnd(Scan scan, int i) => scan.At(i + 1) is null or { Kind: TokenKind.Noise } or { InBrackets: true };

    /// <summary>The episode after a season: "Episode 5", "E05", "- 06", "49", "1of4", "ep11".</summary>
    private static void ReadEpisode(Scan scan, Marker m)
    {
        var i = m.Last + 1;
        if (m.Form == MarkerForm.MultiSeasonPack || scan.At(i) is not { } t || t.Consumed)
        {
            return;
        }

        // a year or bracket after the season ("Stagione 6 (2016) 720p ep13") — look for an explicit episode word a little further.
        for (var k = i; k < Math.Min(scan.Count, i + 6); k++)
        {
            var tk = scan.Tokens[k];
            if (tk.Consumed)
            {
                break;
            }

            if ((EpisodeWordRule.TryAt(scan, k) ?? EpisodeList(scan, k)) is { } explicitEpisode && explicitEpisode.Form != MarkerForm.MiniSeriesPart)
            {
                if (Patterns.SeasonOnly().IsMatch(scan.Tokens[m.First]) && scan.Tokens[k].SpacedDashBefore)
                {
                    scan.Doubts.Add(Doubt.SeasonTokenInFansubName);
                }

                m.Kind = MarkerKind.SeasonEpisode;
                m.FullSeason = false;
                m.Episodes.AddRange(explicitEpisode.Episodes);
                // The mini-series convention (E05 = season 1) is for names without a season; here the season is written.
                m.Season = explicitEpisode.Form == MarkerForm.MiniSeriesEpisode ? m.Season : explicitEpisode.Season ?? m.Season;
                m.Last = explicitEpisode.Last;
                m.Rule += " and " + explicitEpisode.Rule;
                // A Cap. code keeps its form: its digits hold the season too, and the readings weigh it as such.
                m.Form = explicitEpisode.Form == MarkerForm.CapSeasonEpisode ? MarkerForm.CapSeasonEpisode : MarkerForm.SeasonThenEpisodeWord;
                EpisodeTail.Read(scan, m);
                return;
            }

            if (tk.Kind != TokenKind.Noise && !(tk.InBrackets && tk.IsDigits && tk.Text.Length == 4))
            {
                break;
            }
        }

        // "Show 2nd Season OVA - 03", "Show Season 3 OAD 2": a numbered special of that season.
        if (SeasonWords.Special.Contains(t) && scan.At(i + 1) is { } sn && Scan.TryNumber(sn, out var specialNumber) && specialNumber is > 0 and < 100 && !sn.InBrackets && !sn.IsYear)
        {
            SetEpisode(m, specialNumber, i + 1, "special", MarkerForm.SeasonThenNumber);
            m.Special = true;
            return;
        }

        // "S01 (01 - 12)", "Season 2 [01-10]": a bracket holding only a range of episodes lists the pack's episodes.
        if (t is { IsDigits: true, Opener: '(' or '[' } && t.Group != scan.Tokens[m.First].Group && scan.At(i + 1) is { IsDigits: true } hi
            && hi.Group == t.Group && hi.Sep.Contains('-', StringComparison.Ordinal) && scan.At(i + 2)?.Group != t.Group
            && Scan.TryNumber(t, out var lo) && Scan.TryNumber(hi, out var up) && lo >= 1 && up > lo && !t.IsYear && !hi.IsYear)
        {
            SetEpisode(m, lo, i + 1, "bracketed range", MarkerForm.SeasonThenNumber);
            EpisodeTail.AddEpisode(m, lo, up, range: true);
            return;
        }

        var isSeasonToken = Patterns.SeasonOnly().IsMatch(scan.Tokens[m.First]);

        // "(S4-24)", "[S2-05]": a season token opening a bracket and a two-digit number closing it, joined by a dash, is
        // that season's episode. Guard: a one-digit number ("(S1-3)") may be a range of seasons and is left to the pack.
        if (isSeasonToken && t is { IsDigits: true, Sep: "-", Text.Length: 2 } && scan.Tokens[m.First].Opener is '(' or '[' && t.Group == scan.Tokens[m.First].Group
            && scan.At(m.First - 1)?.Group != t.Group && scan.At(i + 1)?.Group != t.Group && Scan.TryNumber(t, out var bracketEpisode) && bracketEpisode > 0)
        {
            SetEpisode(m, bracketEpisode, i, "bracketed season-episode", MarkerForm.SeasonThenNumber);
            return;
        }
        if (Patterns.NOfM().Match(t) is { Success: true } nof)
        {
            SetEpisode(m, EpisodeTail.ParseInt(nof.E), i, "N of M", MarkerForm.SeasonThenNOfM);
            return;
        }

        if (Patterns.Number().Match(t) is { Success: true } num && t.Kind == TokenKind.Number || Patterns.Number().IsMatch(t) && t.Text.EndsWith("v2", StringComparison.OrdinalIgnoreCase))
        {
            var n = int.Parse(Patterns.Number().Match(t).E.ValueSpan, provider: System.Globalization.CultureInfo.InvariantCulture);
            if (n is >= 1900 and <= 2100)
            {
                return;
            }

            // "Anime Title S21 999": no season runs to hundreds; the S21 belongs to the title and 999 is absolute.
            if (isSeasonToken && t.Sep == " " && n >= 100)
            {
                m.Kind = MarkerKind.Number;
                m.FullSeason = false;
                m.Season = null;
                m.First = i;
                m.Last = i;
                m.Episodes.Add(n);
                m.Absolute.Add(n);
                m.Rule = "absolute episode (number after a season-like title word)";
                m.Form = MarkerForm.AbsoluteAfterSeasonLikeWord;
                return;
            }

            // "S2 - 07", "Season 2 - 06", "(Season 2) - 33", "3rd Season 49"
            var bracketAlone = t.InBrackets && t.Group != scan.Tokens[m.First].Group && scan.At(i + 1)?.Group != t.Group;
            if (t.SpacedDashBefore || bracketAlone || !isSeasonToken && t.Sep == " " && !t.InBrackets)
            {
                if (isSeasonToken)
                {
                    scan.Doubts.Add(Doubt.SeasonTokenInFansubName);
                }

                SetEpisode(m, n, i, t.SpacedDashBefore ? "dash number" : "number", t.SpacedDashBefore ? MarkerForm.SeasonThenDashNumber : MarkerForm.SeasonThenNumber);
                var v = Patterns.Number().Match(t).V;
                if (v.Success)
                {
                    m.Version = EpisodeTail.ParseInt(v);
                }

                EpisodeTail.Read(scan, m);
            }
        }
    }

    /// <summary>"Episodes 1-8", "Eps.05-08" after a season: the first episode of the list; the tail reads the rest.</summary>
    private static Marker? EpisodeList(Scan scan, int i)
    {
        if (!SeasonWords.EpisodeList.Contains(scan.Tokens[i].Text) || scan.At(i + 1) is not { IsDigits: true, Consumed: false, InBrackets: false } n
            || n.Sep.Length > 2 || !Scan.TryNumber(n, out var first) || n.IsYear)
        {
            return null;
        }

        var m = new Marker { Form = MarkerForm.EpisodeWord, Rule = "episodes", Kind = MarkerKind.Episode, First = i, Last = i + 1 };
        m.Episodes.Add(first);
        return m;
    }

    private static void SetEpisode(Marker m, int episode, int index, string how, MarkerForm form)
    {
        m.Form = form;
        m.Kind = MarkerKind.SeasonEpisode;
        m.FullSeason = false;
        m.Episodes.Add(episode);
        m.Last = index;
        m.Rule += $" and episode ({how})";
    }
}
