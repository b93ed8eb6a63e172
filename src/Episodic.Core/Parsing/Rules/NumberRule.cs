using Episodic.Core.Parsing.Tokens;

namespace Episodic.Core.Parsing.Rules;

/// <summary>
/// Bare numbers: fansub absolute numbering ("[Group] Show - 06", "Show 214", "[01]"), batches ("01-25", "091-123"),
/// and scene compact numbers when nothing else names the episode ("Show.103" = S1E3, "Show.1013" = S10E13).
/// Picks the one number most likely to be the episode; numbers inside the title ("86", "Show 100 - 01") are left alone.
/// </summary>
internal static class NumberRule
{
    /// <summary>Token indexes of the numbers <see cref="Find"/> weighs, reused per thread (the parser runs on many threads at once).</summary>
    [ThreadStatic]
    private static List<int>? t_candidates;

    /// <summary>Finds the episode number, or null. Does not add the marker; the resolver decides whether to use it.</summary>
    public static Marker? Find(Scan scan, int before)
    {
        if (FindSplit(scan, before) is { } split)
        {
            return split;
        }

        var candidates = t_candidates ??= [];
        candidates.Clear();
        for (var i = scan.TitleStart; i < Math.Min(before, scan.Count); i++)
        {
            var t = scan.Tokens[i];
            if (t.Consumed || t.Kind is TokenKind.Crc)
            {
                continue;
            }

            if (t.Kind == TokenKind.Noise)
            {
                // Past the release noise only a bracketed number or a clear dash number can still be the episode.
                continue;
            }

            if (Patterns.Number().IsMatch(t) && !t.IsYear && (!t.InBrackets || IsAloneInBrackets(scan, i) || t.Opener == '(') && !IsRangeUpper(scan, i))
            {
                candidates.Add(i);
            }
        }

        if (candidates.Count == 0)
        {
            return null;
        }

        // The first dash number that ends its phrase, else the first number alone in brackets, else the last bare
        // number that ends its phrase before any noise, else the first bare number. Plain loops: this runs per name.
        var pick = -1;
        var form = MarkerForm.DashNumber;
        foreach (var i in candidates)
        {
            if (scan.Tokens[i].SpacedDashBefore && IsTerminal(scan, i) && !scan.Tokens[i].InBrackets)
            {
                pick = i;
                break;
            }
        }

        if (pick < 0)
        {
            form = MarkerForm.BracketedNumber;
            foreach (var i in candidates)
            {
                if (scan.Tokens[i].InBrackets && IsAloneInBrackets(scan, i) && (scan.Tokens[i].Opener != '(' || scan.At(i + 1) is { Sep: "-" }))
                {
                    pick = i;
                    break;
                }
            }
        }

        if (pick < 0)
        {
            form = MarkerForm.BareNumber;
            for (var k = candidates.Count - 1; k >= 0; k--)
            {
                var i = candidates[k];
                if (!scan.Tokens[i].InBrackets && IsTerminal(scan, i) && BeforeNoise(scan, i))
                {
                    pick = i;
                    break;
                }
            }
        }

        if (pick < 0)
        {
            foreach (var i in candidates)
            {
                if (!scan.Tokens[i].InBrackets)
                {
                    pick = i;
                    break;
                }
            }
        }

        // "Show.103.104": a scene pair of compact numbers starts at the first of the two.
        if (pick > 0 && !scan.FansubStyle && IsCompactPair(scan, pick - 1, pick))
        {
            pick--;
        }

        return pick < 0 ? null : Build(scan, pick, form);
    }

    /// <summary>
    /// "Show - 12a", "[Grp] Show_-_01b_[CRC]": a split episode after a spaced dash is episode 12 (part a), with a doubt.
    /// Guard: only after a spaced dash and at the end of the phrase, so "Show 4d" or "x264"-like tokens never qualify.
    /// </summary>
    private static Marker? FindSplit(Scan scan, int before)
    {
        for (var i = scan.TitleStart + 1; i < Math.Min(before, scan.Count); i++)
        {
            var t = scan.Tokens[i];
            if (t.Consumed || t.Kind == TokenKind.Noise || t.InBrackets || !t.SpacedDashBefore || !IsTerminal(scan, i) || Patterns.SplitNumber().Match(t) is not { Success: true } split)
            {
                continue;
            }

            var n = EpisodeTail.ParseInt(split.E);
            var m = new Marker { Form = MarkerForm.DashNumber, Rule = $"split episode ({t.Text})", Kind = MarkerKind.Number, First = i, Last = i };
            m.Episodes.Add(n);
            m.Absolute.Add(n);
            scan.Doubts.Add(Doubt.SplitEpisode);
            return m;
        }

        return null;
    }

    private static Marker Build(Scan scan, int i, MarkerForm form)
    {
        var t = scan.Tokens[i];
        var match = Patterns.Number().Match(t);
        var digits = match.E.ValueSpan;
        var n = EpisodeTail.ParseInt(match.E);
        var m = new Marker { Form = form, Rule = $"absolute episode ({Describe(form)})", Kind = MarkerKind.Number, First = i, Last = i };
        if (match.V.Success)
        {
            m.Version = EpisodeTail.ParseInt(match.V);
        }

        // Scene compact numbering: 103 → S1E3, 1013 → S10E13; never for fansub names, leading zeros or xx00.
        // A number after a spaced dash is the anime/absolute layout when anime cues surround it: four digits ("One Piece -
        // 1080"), or square-bracket tags after it ("Show - 722 [720p]"). A plain "Show - 720" stays the scene's compact
        // S07E20. Either way the rival reading is recorded by the evidence reader and lowers the confidence.
        var animeDash = form == MarkerForm.DashNumber && (digits.Length == 4 || SquareTagAfter(scan, i));
        var compact = !scan.FansubStyle && !animeDash && (digits[0] != '0' || digits.Length == 4) && digits.Length is 3 or 4 && n % 100 != 0 && !match.V.Success && !t.InBrackets && NextIsNotRange(scan, i);
        if (compact)
        {
            m.Season = n / 100;
            m.Episodes.Add(n % 100);
            m.Rule = $"compact season and episode ({digits} = S{n / 100}E{n % 100})";
            m.Form = MarkerForm.CompactNumber;
            if (IsCompactPair(scan, i, i + 1))
            {
                m.Episodes.Add(n % 100 + 1);
                m.Last = i + 1;
            }
            return m;
        }

        m.Episodes.Add(n);
        ReadRange(scan, m);
        m.Absolute.AddRange(m.Episodes);
        ReadAlternateAbsolute(scan, m);
        if (t.InBrackets && scan.At(m.Last + 1) is { } endTag && endTag.Group == t.Group && (endTag.Text.Equals("end", StringComparison.OrdinalIgnoreCase) || endTag.Text.Equals("fin", StringComparison.OrdinalIgnoreCase)))
        {
            // "[24(END)]", "[12 END]": the final-episode tag belongs to the number, not to a title after it.
            m.Last++;
        }

        if (scan.At(m.Last + 1) is { } after && Patterns.Version().Match(after) is { Success: true } v)
        {
            m.Version = EpisodeTail.ParseInt(v.V);
            m.Last++;
        }

        return m;
    }

    private static string Describe(MarkerForm form) => form switch
    {
        MarkerForm.DashNumber => "dash number",
        MarkerForm.BracketedNumber => "bracketed number",
        _ => "number",
    };

    /// <summary>01-25, 091-123, "01 - 119", 01~10, 01-02-03.</summary>
    private static void ReadRange(Scan scan, Marker m)
    {
        var i = m.Last + 1;
        while (scan.At(i) is { } t && !t.Consumed && (t.Kind == TokenKind.Number || Patterns.Number().IsMatch(t)) && IsRangeUpper(scan, i) && TryVersioned(t, out var upper))
        {
            if (t.Sep is ".&." or " & " or "&" or "+" or " + ")
            {
                EpisodeTail.AddEpisode(m, -1, upper, range: false);
            }
            else
            {
                EpisodeTail.AddEpisode(m, m.Episodes[^1], upper, range: true);
            }

            m.Last = i++;
        }

        if (m.Last > m.First)
        {
            m.Rule = m.Rule.Replace("absolute episode", "absolute episodes", StringComparison.Ordinal);
        }
    }

    /// <summary>"16-20 (191-195)", "018 (116)": a parenthesised second numbering is the absolute one.</summary>
    private static void ReadAlternateAbsolute(Scan scan, Marker m)
    {
        var i = m.Last + 1;
        if (scan.At(i) is not { Opener: '(', IsDigits: true } t || !Scan.TryNumber(t, out var first) || first <= m.Episodes[^1])
        {
            return;
        }

        m.Absolute.Clear();
        m.Absolute.Add(first);
        var j = i + 1;
        if (scan.At(j) is { Sep: "-", Group: var g } u && g == t.Group && Scan.TryNumber(u, out var last) && last > first)
        {
            for (var k = first + 1; k <= last; k++)
            {
                m.Absolute.Add(k);
            }

            i = j;
        }

        m.Last = i;
    }

    /// <summary>The upper end of a range or list ("01-25", "498 &amp; 500", "01 - 119") is read with its lower end.</summary>
    private static bool IsRangeUpper(Scan scan, int i)
    {
        var t = scan.Tokens[i];
        if (scan.At(i - 1) is not { } prev || !TryVersioned(prev, out var lower) || !TryVersioned(t, out var upper) || upper <= lower)
        {
            return false;
        }

        return t.Sep is "-" or "~" or " ~ " or ".&." or " & " or "&" or "+" or " + " || t.Sep == " - " && prev.Text.StartsWith('0') && prev.Text.Length >= 2 && lower >= 1;
    }

    /// <summary>A plain episode number, or one with a version ("03v2"): range ends may carry versions ("01v2-03v2").</summary>
    private static bool TryVersioned(Token t, out int value)
    {
        value = 0;
        if (Scan.TryNumber(t, out value))
        {
            return true;
        }

        if (t.Text.Length <= 7 && Patterns.Number().Match(t) is { Success: true, V.Success: true } g)
        {
            value = EpisodeTail.ParseInt(g.E);
            return true;
        }

        return false;
    }

    private static bool SquareTagAfter(Scan scan, int i)
    {
        for (var k = i + 1; k < scan.Count; k++)
        {
            if (scan.Tokens[k].Opener is '[' or '【')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"103.104", "1012.1013": two compact numbers of one season, the second the next episode.</summary>
    private static bool IsCompactPair(Scan scan, int a, int b) =>
        scan.At(a) is { IsDigits: true, Consumed: false, InBrackets: false } x && scan.At(b) is { IsDigits: true, Consumed: false, Sep: "." } y
        && x.Text.Length is 3 or 4 && y.Text.Length == x.Text.Length && x.Text[0] != '0' && !x.IsYear && !y.IsYear
        && Scan.TryNumber(x, out var first) && Scan.TryNumber(y, out var second) && second == first + 1 && first % 100 != 0;

    private static bool NextIsNotRange(Scan scan, int i) => scan.At(i + 1) is not { Sep: "-" or "~", IsDigits: true };


    private static bool IsAloneInBrackets(Scan scan, int i)
    {
        var g = scan.Tokens[i].Group;
        return g >= 0 && scan.At(i - 1)?.Group != g && (scan.At(i + 1)?.Group != g || scan.At(i + 1) is { } n && (n.Text.Equals("fin", StringComparison.OrdinalIgnoreCase) || n.Text.Equals("end", StringComparison.OrdinalIgnoreCase) || n.Sep == "-" && n.IsDigits && scan.At(i + 2)?.Group != g));
    }

    /// <summary>The number ends its phrase: next is the end, release noise, a bracket, a spaced dash, a version or a range.</summary>
    private static bool IsTerminal(Scan scan, int i)
    {
        var next = scan.At(i + 1);
        return next is null || next.Kind is TokenKind.Noise or TokenKind.Crc || next.InBrackets || next.SpacedDashBefore || Patterns.Version().IsMatch(next)
            || next.Sep is "-" or "~" && next.IsDigits || next.Consumed;
    }

    private static bool BeforeNoise(Scan scan, int i)
    {
        for (var k = scan.TitleStart; k < i; k++)
        {
            if (scan.Tokens[k].Kind == TokenKind.Noise && !scan.Tokens[k].InBrackets)
            {
                return false;
            }
        }

        return true;
    }
}
