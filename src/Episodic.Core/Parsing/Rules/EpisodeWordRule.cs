using Episodic.Core.Parsing.Vocabulary;

namespace Episodic.Core.Parsing.Rules;

/// <summary>
/// Episodes without a season: "Episode 12", "Ep 12", "EP06", "E05", "e66", "Cap.408", "第05话", "#17", "Part 2", "14 of 21".
/// A capital "E05" in a scene name is a mini-series episode (season 1), as the scene and Sonarr read it.
/// </summary>
internal static class EpisodeWordRule
{
    public static void Apply(Scan scan)
    {
        for (var i = 0; i < scan.Count; i++)
        {
            if (!scan.IsFree(i) || TryAt(scan, i) is not { } m)
            {
                continue;
            }

            scan.Add(m);
            EpisodeTail.Read(scan, m);
            scan.Consume(m.First, m.Last);
            i = m.Last;
        }
    }

    /// <summary>Recognises an episode marker starting at token i without changing the scan.</summary>
    public static Marker? TryAt(Scan scan, int i) => CannotStartEpisode(scan.Tokens[i]) ? null : TryClauses(scan, i);

    /// <summary><see cref="TryAt"/> without its gate: every clause asked (the tests hold the gate to it).</summary>
    internal static Marker? TryClauses(Scan scan, int i)
    {
        var t = scan.Tokens[i];
        var text = t.Text;

        if (Patterns.ChineseEpisode().Match(t) is { Success: true } zh)
        {
            return Make(MarkerForm.CjkEpisodeCounter, "episode (CJK counter)", i, i, EpisodeTail.ParseInt(zh.E));
        }

        // 第01-15集: a range of episodes split by the tokenizer into "第01" and "15集".
        if (text.StartsWith('第') && text.Length > 1 && text[1..].All(char.IsAsciiDigit) && scan.At(i + 1) is { Sep: "-" } upper
            && Patterns.ChineseEpisode().Match("第" + upper.Text) is { Success: true } end)
        {
            var range = Make(MarkerForm.CjkEpisodeRange, "episodes (CJK range)", i, i + 1, int.Parse(text[1..], System.Globalization.CultureInfo.InvariantCulture));
            EpisodeTail.AddEpisode(range, range.Episodes[0], EpisodeTail.ParseInt(end.E), range: true);
            return range;
        }

        if (IsDottedEpisodeWord(text) && t.Sep.Length > 0 && scan.At(i + 1) is { } afterE && afterE.Sep == "." && Scan.TryNumber(afterE, out var dotted) && i > scan.TitleStart)
        {
            return Make(MarkerForm.EpisodeWord, "episode", i, i + 1, dotted);
        }

        if (Patterns.EpisodePart().Match(t) is { Success: true } ep && !text.StartsWith('x') && !text.StartsWith('X'))
        {
            var m = Make(MarkerForm.EpisodeWord, "episode", i, i, EpisodeTail.ParseInt(ep.E));
            if (ep.More.Length > 0)
            {
                foreach (var more in EpisodeTail.SplitMore(ep.More.Value))
                {
                    EpisodeTail.AddEpisode(m, -1, more, range: false);
                }
            }

            if (ep.V.Success)
            {
                m.Version = EpisodeTail.ParseInt(ep.V);
            }

            // Scene mini-series: a capital E and no fansub context. "One.Piece.E576" stays seasonless only by its fansub cues.
            if (text[0] == 'E' && char.IsAsciiDigit(text[1]) && !scan.FansubStyle)
            {
                m.Season = 1;
                m.Rule = "mini-series episode (season 1 by the mini-series convention)";
                m.Form = MarkerForm.MiniSeriesEpisode;
            }

            return m;
        }

        if (Patterns.PartJoined().Match(t) is { Success: true } partJoined)
        {
            return Part(i, i, EpisodeTail.ParseInt(partJoined.E));
        }

        if (text.Length > 3 && text.StartsWith("cap", StringComparison.OrdinalIgnoreCase) && text[3..].All(char.IsAsciiDigit))
        {
            return Cap(scan, i, i, text[3..]);
        }

        if (MarkerWordMatch.TryJoinedEpisode(t, out var joinedEpisode))
        {
            return Make(MarkerForm.EpisodeWord, "episode", i, i, joinedEpisode);
        }

        // "7 серия", "09-я серия", "5.Bölüm", "5. rész": languages that write the number before the episode word.
        // A year after the word ("7.Bölüm.2021") is the release year, not the word's own number.
        if (t.IsDigits && MarkerWordMatch.WordAfterNumber(scan, i, SeasonWords.EpisodeAfterNumber, 4, out var numberFirst) is var w and >= 0
            && !(scan.At(w + 1) is { IsDigits: true, IsYear: false } own && own.Sep.Length <= 2))
        {
            return Make(MarkerForm.EpisodeWord, "episode", i, w, numberFirst);
        }

        // "2of12", "1of8": the episode of a counted mini-series, written as one word.
        if (Patterns.NOfM().Match(t) is { Success: true } nofJoined && i > scan.TitleStart)
        {
            return Make(MarkerForm.NOfM, "episode (N of M)", i, i, EpisodeTail.ParseInt(nofJoined.E));
        }

        // "#17" (Japanese variety shows)
        if (t.IsDigits && t.Sep.EndsWith('#') && Scan.TryNumber(t, out var hash))
        {
            return Make(MarkerForm.HashNumber, "episode (hash number)", i, i, hash);
        }

        if (scan.At(i + 1) is not { } next || next.Consumed)
        {
            return null;
        }

        if (IsCapWord(text) && next.IsDigits)
        {
            return Cap(scan, i, i + 1, next.Text);
        }

        // "Episode VIII", "Ep IV": an episode word with an upper-case Roman numeral.
        if (SeasonWords.Episode.Contains(t) && next.Sep.Length <= 3 && Roman.TryParse(next.Text, out var romanEpisode))
        {
            return Make(MarkerForm.EpisodeWord, "episode (Roman numeral)", i, i + 1, romanEpisode);
        }

        if (SeasonWords.Episode.Contains(t) && Patterns.Number().Match(next) is { Success: true } num && next.Sep.Length <= 3)
        {
            var m = Make(MarkerForm.EpisodeWord, "episode", i, i + 1, EpisodeTail.ParseInt(num.E));
            if (text.Equals("afl", StringComparison.OrdinalIgnoreCase) || text.Equals("aflevering", StringComparison.OrdinalIgnoreCase))
            {
                m.Rule = "episode";
            }

            return m;
        }

        // "Part 2", "Pt 3", "Part IV", "Pt.VI": a mini-series part, in digits or upper-case Roman numerals.
        if (IsPartWord(text)
            && (Scan.TryNumber(next, out var part) || Roman.TryParse(next.Text, out part)) && part is > 0 and < 50)
        {
            return Part(i, i + 1, part);
        }

        // "14 of 21", "1of4"
        if (t.IsDigits && next.Text.Equals("of", StringComparison.OrdinalIgnoreCase) && Scan.TryNumber(t, out var nth) && (Scan.TryNumber(scan.At(i + 2), out _) || scan.At(i + 2)?.Text is "XX" or "xx"))
        {
            return Make(MarkerForm.NOfM, "episode (N of M)", i, i + 2, nth);
        }

        return null;
    }

    /// <summary>
    /// True when no clause of <see cref="TryAt"/> can start at the token, so it is turned away unasked: every clause
    /// needs a digit in the token, a non-ASCII token (the CJK counters), an episode word, or one of the short words
    /// read with the number after them ("E.05", "Cap 408", "Part 2", "Pt.VI"). Most tokens of a name are title words
    /// that are none of these. Exact: HotPathEquivalenceTests asks every gated token of the corpora of TryClauses.
    /// </summary>
    internal static bool CannotStartEpisode(Tokens.Token t) =>
        !t.HasDigit && t.IsAsciiText && !IsWordBeforeNumber(t.Text) && !SeasonWords.Episode.Contains(t);

    /// <summary>The words of the clauses that read a separate number after them (each clause asks its own one below).</summary>
    private static bool IsWordBeforeNumber(string text) => IsDottedEpisodeWord(text) || IsCapWord(text) || IsPartWord(text);

    /// <summary>"E.05", "Ep.12": the episode letters before a dotted number (these spellings only: "eP" is no marker).</summary>
    private static bool IsDottedEpisodeWord(string text) => text is "E" or "e" or "Ep" or "EP" or "ep";

    /// <summary>Spanish "Cap 408" written apart.</summary>
    private static bool IsCapWord(string text) => text.Equals("cap", StringComparison.OrdinalIgnoreCase);

    /// <summary>"Part 2", "Pt.VI".</summary>
    private static bool IsPartWord(string text) =>
        text.Equals("part", StringComparison.OrdinalIgnoreCase) || text.Equals("pt", StringComparison.OrdinalIgnoreCase);

    private static Marker Make(MarkerForm form, string rule, int first, int last, int episode)
    {
        var m = new Marker { Form = form, Rule = rule, Kind = MarkerKind.Episode, First = first, Last = last };
        m.Episodes.Add(episode);
        return m;
    }

    private static Marker Part(int first, int last, int part)
    {
        var m = Make(MarkerForm.MiniSeriesPart, "mini-series part (season 1 by convention)", first, last, part);
        m.Season = 1;
        return m;
    }

    /// <summary>Spanish "Cap.408": season 4, episode 08; "Cap.102_104": season 1, episodes 2-4.</summary>
    private static Marker? Cap(Scan scan, int first, int last, string digits)
    {
        if (digits.Length is < 3 or > 4 || !digits.All(char.IsAsciiDigit))
        {
            return null;
        }

        var n = int.Parse(digits, System.Globalization.CultureInfo.InvariantCulture);
        var m = new Marker { Form = MarkerForm.CapSeasonEpisode, Rule = "season and episode (Cap. code: season, then two-digit episode)", Kind = MarkerKind.SeasonEpisode, First = first, Last = last, Season = n / 100 };
        m.Episodes.Add(n % 100);
        if (scan.At(last + 1) is { Sep: "_" } upper && upper.IsDigits && upper.Text.Length == digits.Length && int.Parse(upper.Text, System.Globalization.CultureInfo.InvariantCulture) is var u && u / 100 == n / 100)
        {
            EpisodeTail.AddEpisode(m, n % 100, u % 100, range: true);
            m.Last = last + 1;
        }

        return m;
    }
}
