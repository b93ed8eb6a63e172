using System.Globalization;
using Episodic.Core.Parsing.Tokens;

namespace Episodic.Core.Parsing.Rules;

/// <summary>
/// Builds the show name from the tokens before the episode marker: picks the right segment of multi-language names,
/// separates a trailing year, rebuilds the original spelling ("9-1-1", "Dr. Stone", "S.H.I.E.L.D.") and normalises
/// dots, underscores and ALL-CAPS.
/// </summary>
internal static class TitleRule
{
    public static (string? Title, int? Year) Build(Scan scan, int from, int to, bool stopAtDash = false, bool stopAtNoise = false)
    {
        var idx = new List<int>();
        for (var i = Math.Max(0, from); i < Math.Min(to, scan.Count); i++)
        {
            var t = scan.Tokens[i];
            if (idx.Count > 0 && (stopAtDash && (t.SpacedDashBefore || t.InBrackets) || stopAtNoise && EndsUnmarkedTitle(t)))
            {
                // Without an episode marker, a year ("Show.Name.2015.Nice.Title") ends the title; keep it for the year field.
                if (stopAtNoise && t.IsYear && !t.InBrackets)
                {
                    idx.Add(i);
                }

                break;
            }

            if (!t.Consumed && t.Kind is not TokenKind.Crc)
            {
                idx.Add(i);
            }
            else if (idx.Count > 0 && t.Consumed)
            {
                break;
            }
        }

        var segment = PickSegment(scan, idx);
        TrimNoise(scan, segment);
        scan.LastTitleTokens = segment;
        if (segment.Count == 0)
        {
            return (null, null);
        }

        int? year = null;
        if (segment.Count > 1 && scan.Tokens[segment[^1]].IsYear)
        {
            year = int.Parse(scan.Tokens[segment[^1]].Text, CultureInfo.InvariantCulture);
            segment.RemoveAt(segment.Count - 1);
            TrimNoise(scan, segment);
        }

        if (segment.Count == 0)
        {
            return (null, year);
        }

        var title = Normalise(Span(scan, segment));
        scan.LastTitleTokens = segment;
        return (title.Length == 0 ? null : title, year);
    }

    /// <summary>Title tokens split at square brackets and " / "; the last segment with Latin letters wins ("中文 / English Title").</summary>
    private static List<int> PickSegment(Scan scan, List<int> idx)
    {
        var segments = new List<List<int>>();
        var alternatives = false;
        foreach (var i in idx)
        {
            var t = scan.Tokens[i];
            var prevGroup = segments.Count > 0 ? scan.Tokens[segments[^1][^1]].Group : -2;
            var alternative = segments.Count > 0 && (t.Sep.Contains('/', StringComparison.Ordinal) || t.Sep.Contains('|', StringComparison.Ordinal) || t.Sep.Contains(" _ ", StringComparison.Ordinal));
            alternatives |= alternative;
            var newSegment = segments.Count == 0 || alternative
                || t.Group != prevGroup && (t.Opener is '[' or '【' || prevGroup >= 0 && scan.Tokens[segments[^1][^1]].Opener is '[' or '【');
            if (newSegment)
            {
                segments.Add([]);
            }

            segments[^1].Add(i);
        }

        MergeBracketInsideTitle(scan, segments);
        for (var k = segments.Count - 1; k >= 0; k--)
        {
            if (AllNoiseOrYear(scan, segments[k]))
            {
                segments.RemoveAt(k);
            }
        }

        if (segments.Count == 0)
        {
            return [];
        }

        // "中文 / English Title": the last alternative is the romanised one; "[Group][中文][Title][Other]": the first tag with Latin letters.
        var latin = new List<List<int>>(segments.Count);
        var latinWithoutHan = false;
        foreach (var s in segments)
        {
            if (AnyLatin(scan, s))
            {
                latin.Add(s);
                latinWithoutHan |= !AnyHanOnly(scan, s);
            }
        }

        if (!alternatives && latinWithoutHan)
        {
            for (var k = latin.Count - 1; k >= 0; k--)
            {
                if (AnyHanOnly(scan, latin[k]))
                {
                    latin.RemoveAt(k);
                }
            }
        }

        var chosen = segments.Count == 1 || latin.Count == 0 ? segments[0] : alternatives ? latin[^1] : latin[0];
        if (segments.Count > 1)
        {
            scan.Doubts.Add(Doubt.AlternativeTitles);
        }


        // Drop Han-only words around a Latin title ("我的人间烟火 Fireworks Series", "Anime Series 海賊王").
        if (AnyLatin(scan, chosen))
        {
            var before = chosen.Count;
            while (chosen.Count > 0 && IsHanOnly(scan.Tokens[chosen[0]].Text))
            {
                chosen.RemoveAt(0);
            }

            while (chosen.Count > 0 && IsHanOnly(scan.Tokens[chosen[^1]].Text))
            {
                chosen.RemoveAt(chosen.Count - 1);
            }

            if (chosen.Count < before)
            {
                // A CJK title stood beside the Latin one: the Latin one is chosen consistently, with less certainty.
                scan.Doubts.Add(Doubt.AlternativeTitles);
            }
        }

        return chosen;
    }

    /// <summary>
    /// "Title Words [Tag] More Words - 01": a square bracket between two runs of free title words is part of the title.
    /// Guard: the bracket holds no release noise ("Show [720p] Extra" stays split) and the three runs are adjacent.
    /// </summary>
    private static void MergeBracketInsideTitle(Scan scan, List<List<int>> segments)
    {
        for (var s = 0; s + 2 < segments.Count; s++)
        {
            var (before, bracket, after) = (segments[s], segments[s + 1], segments[s + 2]);
            var b0 = scan.Tokens[bracket[0]];
            if (scan.Tokens[before[0]].InBrackets || scan.Tokens[after[0]].InBrackets || b0.Opener != '['
                || AnyNoiseOrDigits(scan, bracket)
                || bracket[0] != before[^1] + 1 || after[0] != bracket[^1] + 1)
            {
                continue;
            }

            before.AddRange(bracket);
            before.AddRange(after);
            segments.RemoveRange(s + 1, 2);
        }
    }

    // Loops over a segment's tokens: PickSegment runs on every name, and lambdas over scan allocate a closure each call.
    private static bool AllNoiseOrYear(Scan scan, List<int> segment)
    {
        foreach (var i in segment)
        {
            if (scan.Tokens[i].Kind != TokenKind.Noise && !scan.Tokens[i].IsYear)
            {
                return false;
            }
        }

        return true;
    }

    private static bool AnyNoiseOrDigits(Scan scan, List<int> segment)
    {
        foreach (var i in segment)
        {
            if (scan.Tokens[i].Kind == TokenKind.Noise || scan.Tokens[i].IsDigits)
            {
                return true;
            }
        }

        return false;
    }

    private static bool AnyLatin(Scan scan, List<int> segment)
    {
        foreach (var i in segment)
        {
            if (HasLatin(scan.Tokens[i].Text))
            {
                return true;
            }
        }

        return false;
    }

    private static bool AnyHanOnly(Scan scan, List<int> segment)
    {
        foreach (var i in segment)
        {
            if (IsHanOnly(scan.Tokens[i].Text))
            {
                return true;
            }
        }

        return false;
    }

    private static void TrimNoise(Scan scan, List<int> segment)
    {
        while (segment.Count > 0 && scan.Tokens[segment[^1]].Kind == TokenKind.Noise)
        {
            segment.RemoveAt(segment.Count - 1);
        }

    }

    /// <summary>The original text from the first to the last token, with closing punctuation that belongs to the title.</summary>
    private static string Span(Scan scan, List<int> segment)
    {
        var first = scan.Tokens[segment[0]];
        var last = scan.Tokens[segment[^1]];
        var start = first.Start;
        var end = last.End;
        var name = scan.Name;
        var text = name.AsSpan(start, end - start);
        var open = text.Count('(') - text.Count(')');
        while (end < name.Length && (name[end] is '!' or '?' or '！' or '？' or '～' or '\'' || name[end] == ')' && open-- > 0 || name[end] == '.' && IsAbbreviationEnd(scan, segment)))
        {
            end++;
        }

        return name[start..end];
    }

    private static bool IsAbbreviationEnd(Scan scan, List<int> segment) =>
        segment.Count >= 2 && scan.Tokens[segment[^1]].Text.Length == 1 && scan.Tokens[segment[^1]].Sep == "." && char.IsLetter(scan.Tokens[segment[^1]].Text[0]) && scan.Tokens[segment[^2]].Text.Length == 1;

    public static string Normalise(string raw)
    {
        // One pass: '_' reads as ' ', a word-separating dot becomes ' ', runs of spaces collapse to one and the ends
        // lose their spaces (what splitting on ' ' and joining the words did), into one buffer instead of three strings.
        var dotted = !raw.Contains(' ', StringComparison.Ordinal) && !raw.Contains('_', StringComparison.Ordinal);
        Span<char> buffer = raw.Length <= 256 ? stackalloc char[raw.Length] : new char[raw.Length];
        var n = 0;
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i] == '_' ? ' ' : raw[i];
            if (c == '.' && (dotted || i + 1 < raw.Length && raw[i + 1] is not (' ' or '_')) && !IsAbbreviationDot(raw, i))
            {
                c = ' ';
            }

            if (c == ' ' && (n == 0 || buffer[n - 1] == ' '))
            {
                continue;
            }

            buffer[n++] = c;
        }

        var result = buffer[..n].TrimEnd(' ').Trim(" -,:;/|~+[({【.").ToString();
        if (result.EndsWith(", The", StringComparison.OrdinalIgnoreCase))
        {
            result = "The " + result[..^5];
        }

        result = result.TrimEnd(',', ' ');
        return IsShouting(result) ? CultureInfo.InvariantCulture.TextInfo.ToTitleCase(result.ToLowerInvariant()) : result;
    }

    /// <summary>A dot between single letters (S.H.I.E.L.D, S.W.A.T) or after one at the end ("D.") is part of an abbreviation.</summary>
    private static bool IsAbbreviationDot(string s, int i)
    {
        var beforeSingle = i >= 1 && char.IsLetter(s[i - 1]) && (i < 2 || !char.IsLetterOrDigit(s[i - 2]));
        var afterSingle = i + 1 < s.Length && char.IsLetter(s[i + 1]) && (i + 2 >= s.Length || !char.IsLetterOrDigit(s[i + 2]));
        return beforeSingle && (afterSingle || i + 1 == s.Length);
    }

    /// <summary>ALL-CAPS names with real words ("SAKAMOTO DAYS") are shouting; short acronyms ("NBA", "VICE") are not.</summary>
    private static bool IsShouting(string s)
    {
        var letters = 0;
        var upper = false;
        foreach (var c in s)
        {
            if (char.IsLetter(c))
            {
                if (char.IsLower(c))
                {
                    return false;
                }

                letters++;
                upper |= char.IsUpper(c);
            }
        }

        return letters >= 8 && upper && !s.Contains('.', StringComparison.Ordinal) && s.Split(' ').Count(w => w.Length >= 4) >= 2;
    }

    /// <summary>Where a title without an episode marker ends: release noise, a bare year, or an extras tag like "x02".</summary>
    private static bool EndsUnmarkedTitle(Token t) =>
        !t.InBrackets && (t.Kind == TokenKind.Noise || t.IsYear || t.Text.Length is >= 2 and <= 4 && t.Text[0] is 'x' or 'X' && !t.Text.AsSpan(1).ContainsAnyExceptInRange('0', '9'));


    private static bool HasLatin(string s)
    {
        foreach (var c in s)
        {
            if (c < 0x250 && char.IsLetter(c))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsHanOnly(string s)
    {
        foreach (var c in s)
        {
            if (c is not (>= '\u3000' and <= '\u9fff' or >= '\uff00' and <= '\uffef'))
            {
                return false;
            }
        }

        return s.Length > 0;
    }
}
