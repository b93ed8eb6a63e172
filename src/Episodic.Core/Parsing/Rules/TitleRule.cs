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
        // The list becomes the title's tokens. Sized for the range, up to 16 tokens (titles are rarely longer; growing from
        // the default made three arrays): a range with no marker spans the whole name, but the title stops much sooner.
        var idx = new List<int>(Math.Clamp(Math.Min(to, scan.Count) - Math.Max(0, from), 0, 16));
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

    /// <summary>
    /// Title tokens split at square brackets and " / "; the last segment with Latin letters wins ("中文 / English Title").
    /// Segments are runs of <paramref name="idx"/>, kept as ranges in a per-thread scratch list, and the chosen run is cut
    /// out of <paramref name="idx"/> in place: this runs on every name, and a list per segment was most of its garbage.
    /// </summary>
    private static List<int> PickSegment(Scan scan, List<int> idx)
    {
        var segments = t_segments ??= new List<(int Start, int End)>(8);
        segments.Clear();
        var alternatives = false;
        for (var j = 0; j < idx.Count; j++)
        {
            var t = scan.Tokens[idx[j]];
            var prev = j > 0 ? scan.Tokens[idx[j - 1]] : null;
            var prevGroup = prev?.Group ?? -2;
            var alternative = prev is not null && (t.Sep.Contains('/', StringComparison.Ordinal) || t.Sep.Contains('|', StringComparison.Ordinal) || t.Sep.Contains(" _ ", StringComparison.Ordinal));
            alternatives |= alternative;
            var newSegment = prev is null || alternative
                || t.Group != prevGroup && (t.Opener is '[' or '【' || prevGroup >= 0 && prev.Opener is '[' or '【');
            if (newSegment)
            {
                segments.Add((j, j + 1));
            }
            else
            {
                segments[^1] = (segments[^1].Start, j + 1);
            }
        }

        MergeBracketInsideTitle(scan, idx, segments);
        for (var k = segments.Count - 1; k >= 0; k--)
        {
            if (AllNoiseOrYear(scan, idx, segments[k]))
            {
                segments.RemoveAt(k);
            }
        }

        if (segments.Count == 0)
        {
            idx.Clear();
            return idx;
        }

        // "中文 / English Title": the last alternative is the romanised one; "[Group][中文][Title][Other]": the first tag with Latin letters.
        var latinWithoutHan = false;
        foreach (var s in segments)
        {
            latinWithoutHan |= AnyLatin(scan, idx, s) && !AnyHanOnly(scan, idx, s);
        }

        var dropHan = !alternatives && latinWithoutHan;
        var firstLatin = -1;
        var lastLatin = -1;
        for (var k = 0; k < segments.Count; k++)
        {
            if (AnyLatin(scan, idx, segments[k]) && !(dropHan && AnyHanOnly(scan, idx, segments[k])))
            {
                firstLatin = firstLatin < 0 ? k : firstLatin;
                lastLatin = k;
            }
        }

        var (start, end) = segments[segments.Count == 1 || firstLatin < 0 ? 0 : alternatives ? lastLatin : firstLatin];
        if (segments.Count > 1)
        {
            scan.Doubts.Add(Doubt.AlternativeTitles);
        }

        // Drop Han-only words around a Latin title ("我的人间烟火 Fireworks Series", "Anime Series 海賊王").
        if (AnyLatin(scan, idx, (start, end)))
        {
            var before = end - start;
            while (start < end && IsHanOnly(scan.Tokens[idx[start]].Text))
            {
                start++;
            }

            while (start < end && IsHanOnly(scan.Tokens[idx[end - 1]].Text))
            {
                end--;
            }

            if (end - start < before)
            {
                // A CJK title stood beside the Latin one: the Latin one is chosen consistently, with less certainty.
                scan.Doubts.Add(Doubt.AlternativeTitles);
            }
        }

        idx.RemoveRange(end, idx.Count - end);
        idx.RemoveRange(0, start);
        return idx;
    }

    /// <summary>Segment ranges of the title in progress; one list per thread, cleared on each use (serve parses concurrently).</summary>
    [ThreadStatic]
    private static List<(int Start, int End)>? t_segments;

    /// <summary>
    /// "Title Words [Tag] More Words - 01": a square bracket between two runs of free title words is part of the title.
    /// Guard: the bracket holds no release noise ("Show [720p] Extra" stays split) and the three runs are adjacent.
    /// </summary>
    private static void MergeBracketInsideTitle(Scan scan, List<int> idx, List<(int Start, int End)> segments)
    {
        for (var s = 0; s + 2 < segments.Count; s++)
        {
            var (before, bracket, after) = (segments[s], segments[s + 1], segments[s + 2]);
            var b0 = scan.Tokens[idx[bracket.Start]];
            if (scan.Tokens[idx[before.Start]].InBrackets || scan.Tokens[idx[after.Start]].InBrackets || b0.Opener != '['
                || AnyNoiseOrDigits(scan, idx, bracket)
                || idx[bracket.Start] != idx[before.End - 1] + 1 || idx[after.Start] != idx[bracket.End - 1] + 1)
            {
                continue;
            }

            segments[s] = (before.Start, after.End);
            segments.RemoveRange(s + 1, 2);
        }
    }

    // Loops over a segment's tokens: PickSegment runs on every name, and lambdas over scan allocate a closure each call.
    private static bool AllNoiseOrYear(Scan scan, List<int> idx, (int Start, int End) segment)
    {
        for (var j = segment.Start; j < segment.End; j++)
        {
            var i = idx[j];
            if (scan.Tokens[i].Kind != TokenKind.Noise && !scan.Tokens[i].IsYear)
            {
                return false;
            }
        }

        return true;
    }

    private static bool AnyNoiseOrDigits(Scan scan, List<int> idx, (int Start, int End) segment)
    {
        for (var j = segment.Start; j < segment.End; j++)
        {
            var i = idx[j];
            if (scan.Tokens[i].Kind == TokenKind.Noise || scan.Tokens[i].IsDigits)
            {
                return true;
            }
        }

        return false;
    }

    private static bool AnyLatin(Scan scan, List<int> idx, (int Start, int End) segment)
    {
        for (var j = segment.Start; j < segment.End; j++)
        {
            var i = idx[j];
            if (HasLatin(scan.Tokens[i].Text))
            {
                return true;
            }
        }

        return false;
    }

    private static bool AnyHanOnly(Scan scan, List<int> idx, (int Start, int End) segment)
    {
        for (var j = segment.Start; j < segment.End; j++)
        {
            var i = idx[j];
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
    private static ReadOnlySpan<char> Span(Scan scan, List<int> segment)
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

        return name.AsSpan(start, end - start);
    }

    private static bool IsAbbreviationEnd(Scan scan, List<int> segment) =>
        segment.Count >= 2 && scan.Tokens[segment[^1]].Text.Length == 1 && scan.Tokens[segment[^1]].Sep == "." && char.IsLetter(scan.Tokens[segment[^1]].Text[0]) && scan.Tokens[segment[^2]].Text.Length == 1;

    /// <summary>
    /// Normalises the title's original text into the show name. Works on a slice of the name so the only string made is
    /// the result (this runs on every name).
    /// </summary>
    public static string Normalise(ReadOnlySpan<char> raw)
    {
        // One pass: '_' reads as ' ', a word-separating dot becomes ' ', runs of spaces collapse to one and the ends
        // lose their spaces (what splitting on ' ' and joining the words did), into one buffer instead of three strings.
        var dotted = !raw.ContainsAny(' ', '_');
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

        ReadOnlySpan<char> trimmed = buffer[..n].TrimEnd(' ').Trim(" -,:;/|~+[({【.");
        string result;
        if (trimmed.EndsWith(", The", StringComparison.OrdinalIgnoreCase))
        {
            // "Office, The" is "The Office"; trimming the end of "The " + rest leaves "The" when the rest is empty.
            var rest = trimmed[..^5].TrimEnd(", ");
            result = rest.IsEmpty ? "The" : string.Concat("The ", rest);
        }
        else
        {
            result = trimmed.TrimEnd(", ").ToString();
        }

        return IsShouting(result) ? CultureInfo.InvariantCulture.TextInfo.ToTitleCase(result.ToLowerInvariant()) : result;
    }

    /// <summary>A dot between single letters (S.H.I.E.L.D, S.W.A.T) or after one at the end ("D.") is part of an abbreviation.</summary>
    private static bool IsAbbreviationDot(ReadOnlySpan<char> s, int i)
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

        return letters >= 8 && upper && !s.Contains('.', StringComparison.Ordinal) && LongWords(s) >= 2;
    }

    /// <summary>Words of four or more characters between single spaces, as splitting on ' ' counts them, without the strings.</summary>
    private static int LongWords(string s)
    {
        var count = 0;
        var run = 0;
        foreach (var c in s)
        {
            run = c == ' ' ? 0 : run + 1;
            count += run == 4 ? 1 : 0;
        }

        return count;
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
