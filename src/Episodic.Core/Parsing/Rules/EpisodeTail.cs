using Episodic.Core.Parsing.Tokens;

namespace Episodic.Core.Parsing.Rules;

/// <summary>
/// Reads what follows an episode marker: more episodes (E02, -03, -E03, 1x02, "&amp; S01E03"), a version (v2),
/// a decimal recap suffix (.5) and an "of N" count. Dashes mean ranges, other joins mean lists.
/// </summary>
internal static class EpisodeTail
{
    /// <summary>Largest span a range may cover; beyond it "01-2010" is not a range.</summary>
    private const int MaxRange = 400;

    public static void Read(Scan scan, Marker m)
    {
        var i = m.Last + 1;
        while (i < scan.Count)
        {
            var t = scan.Tokens[i];
            if (t.Consumed || t.Kind is TokenKind.Noise or TokenKind.Crc)
            {
                break;
            }

            var isRange = t.Sep is "-" or "~" or "-E" || t.Sep == " - " && (m.Kind == MarkerKind.Number || Patterns.EpisodePart().IsMatch(t));
            var isJoin = isRange || t.Sep is "_" or "&" or " & " or "." or " " or " - " or "+" or " + " or ".&." or "-_";
            var last = m.Episodes.Count > 0 ? m.Episodes[^1] : -1;

            if (!isJoin)
            {
                break;
            }

            // "and" / "&" between two markers: "S14E00.and.S14E01"
            if (t.Text.Equals("and", StringComparison.OrdinalIgnoreCase) && scan.At(i + 1) is { } after && SameSeasonEpisode(scan, after, m, out _))
            {
                i++;
                continue;
            }

            // "S01E01 and E02", "Part.1.and.Part.2", "Episode 5 and Episode 6": "and" then another episode marker moving
            // forward. Guard: only a marker after "and" ("S01E05.Rise.and.Fall", "S01E01 and 2 More" stay titles).
            if (t.Text.Equals("and", StringComparison.OrdinalIgnoreCase) && m.Kind != MarkerKind.Number && scan.At(i + 1) is { Consumed: false }
                && EpisodeWordRule.TryAt(scan, i + 1) is { Form: MarkerForm.EpisodeWord or MarkerForm.MiniSeriesEpisode or MarkerForm.MiniSeriesPart } joined
                && joined.Episodes.Count > 0 && joined.Episodes[0] > last)
            {
                foreach (var e in joined.Episodes)
                {
                    AddEpisode(m, -1, e, range: false);
                }

                m.Last = joined.Last;
                i = joined.Last + 1;
                continue;
            }

            if (TryEpisodeNumber(t, m, out var n, out var version))
            {
                // "S01E01 - 02" style dash/number chains only with a bare dash; a spaced dash starts an episode title.
                var explicitPart = Patterns.EpisodePart().IsMatch(t);
                // "S03E21.22": the next episode written after a dot continues the list (never a year or a longer number).
                var dottedNext = t.Sep == "." && m.Kind == MarkerKind.SeasonEpisode && t.IsDigits && t.Text.Length == 2 && n == last + 1 && scan.At(i + 1) is not { IsDigits: true };
                if (!explicitPart && !dottedNext && t.Sep is not ("-" or "~" or "_" or "&" or " & " or "+" or "-_"))
                {
                    break;
                }

                if (m.Kind == MarkerKind.Number && t.Sep is not ("-" or "~" or " - " or "_" or " ~ "))
                {
                    break;
                }

                // "S03E13_91", "S04E01_31 Title": a bare number after an underscore continues the list only as the next
                // episode; any other is a counter or part of the title, left for the sanity check to doubt.
                if (t.Sep == "_" && !explicitPart && m.Kind == MarkerKind.SeasonEpisode && n != last + 1)
                {
                    break;
                }

                AddEpisode(m, last, n, isRange || t.Sep.Contains('~', StringComparison.Ordinal));
                m.Version ??= version;
                m.Last = i++;
                continue;
            }

            if (SameSeasonEpisode(scan, t, m, out var episodes) && (t.Sep.Contains('-', StringComparison.Ordinal) || t.Sep.Contains('&', StringComparison.Ordinal) || t.Sep is "." or " " or "_" or "+"))
            {
                foreach (var e in episodes)
                {
                    AddEpisode(m, m.Episodes.Count > 0 ? m.Episodes[^1] : -1, e, t.Sep == "-");
                }

                m.Last = i++;
                continue;
            }

            if (Patterns.Version().Match(t) is { Success: true } v)
            {
                m.Version = int.Parse(v.V.ValueSpan, provider: System.Globalization.CultureInfo.InvariantCulture);
                m.Last = i++;
                continue;
            }

            // "S01E11.5": a recap/half episode; keep the whole number and note the special.
            if (t.Sep == "." && t.Text.Length == 1 && t.IsDigits && m.Episodes.Count > 0 && i == m.Last + 1)
            {
                m.Special = true;
                m.Last = i++;
                continue;
            }

            break;
        }

        ReadOfCount(scan, m);
    }

    /// <summary>"S1E1-8 of 8" is the whole season; "S2E1 of 10" is just episode 1.</summary>
    private static void ReadOfCount(Scan scan, Marker m)
    {
        var i = m.Last + 1;
        if (scan.At(i) is { } of && of.Text.Equals("of", StringComparison.OrdinalIgnoreCase) && Scan.TryNumber(scan.At(i + 1), out var total))
        {
            m.Last = i + 1;
            scan.Tokens[i + 1].Consumed = true;
            if (m.Season is not null && m.Episodes.Count == total && total > 1 && m.Episodes[0] == 1)
            {
                m.FullSeason = true;
                m.Episodes.Clear();
            }
        }
    }

    private static bool TryEpisodeNumber(Token t, Marker m, out int n, out int? version)
    {
        version = null;
        n = 0;
        if (Patterns.EpisodePart().Match(t) is { Success: true } e && (m.Kind != MarkerKind.Number))
        {
            n = ParseInt(e.E);
            version = e.V.Success ? ParseInt(e.V) : null;
            return true;
        }

        if (Patterns.Number().Match(t) is { Success: true } d)
        {
            n = ParseInt(d.E);
            version = d.V.Success ? ParseInt(d.V) : null;
            return true;
        }

        return false;
    }

    /// <summary>Another SxxEyy or NxN with the marker's season (S07E22 - S07E23, 2x9-2x10).</summary>
    private static bool SameSeasonEpisode(Scan scan, Token t, Marker m, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out List<int>? episodes)
    {
        episodes = null;
        var match = Patterns.SeasonEpisode().Match(t);
        if (!match.Success)
        {
            match = Patterns.Cross().Match(t);
        }

        if (!match.Success || m.Season is null || ParseInt(match.S) != m.Season)
        {
            return false;
        }

        episodes = [ParseInt(match.E)];
        if (match.More.Length > 0)
        {
            episodes.AddRange(SplitMore(match.More.Value));
        }

        _ = scan;
        return true;
    }

    /// <summary>The further episodes of "E02E03", "x02x03" or "and03and04", in the order written.</summary>
    public static IEnumerable<int> SplitMore(string more) =>
        more.Split(['e', 'E', 'x', 'X', 'х', '×', 'a', 'A', 'n', 'N', 'd', 'D'], StringSplitOptions.RemoveEmptyEntries).Select(s => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture));

    public static int ParseInt(TokenGroup g) => int.Parse(g.ValueSpan, provider: System.Globalization.CultureInfo.InvariantCulture);

    public static void AddEpisode(Marker m, int last, int n, bool range)
    {
        if (range && last >= 0 && n > last && n - last <= MaxRange)
        {
            for (var k = last + 1; k <= n; k++)
            {
                m.Episodes.Add(k);
            }

            return;
        }

        if (!m.Episodes.Contains(n))
        {
            m.Episodes.Add(n);
        }
    }
}
