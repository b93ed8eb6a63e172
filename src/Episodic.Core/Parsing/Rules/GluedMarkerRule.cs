using System.Text.RegularExpressions;
using Episodic.Core.Parsing.Tokens;

namespace Episodic.Core.Parsing.Rules;

/// <summary>
/// Splits a season/episode marker glued to a word into its own token, so the marker rules and the title see the parts:
/// "grp-zoos01e11" is "grp-zoo" + "s01e11", "Castle1x01" is "Castle" + "1x01", "S03E02Le" is "S03E02" + "Le". Each
/// shape is one pattern in <see cref="Shapes"/>, with the false positive it is narrowed against.
/// </summary>
internal static partial class GluedMarkerRule
{
    /// <summary>The glued shapes; each has a "marker" group, and what stands before or after it becomes its own token.</summary>
    private static readonly Regex[] Shapes =
    [
        // "grp-zoos01e11": only lower-case s/e markers with two-digit episodes, so ordinary words ending in "s" stay whole.
        GluedAfterWord(),
        // "Castle1x01": a word of four letters or more, then NxNN; "Win10x64" (three letters) stays whole.
        GluedCrossAfterWord(),
        // "S03E02Le": an SxxEyy, then a capitalised word; "S01E02v2", "S01E02a", "S01E01E02" never start a capitalised word.
        GluedWordAfterMarker(),
    ];

    public static void Apply(Scan scan)
    {
        for (var i = 0; i < scan.Tokens.Count; i++)
        {
            var t = scan.Tokens[i];
            if (t.Text.Length < 8 || !MayBeGlued(t.Text) || Match(t.Text) is not { } marker)
            {
                continue;
            }

            var start = marker.Index;
            var end = marker.Index + marker.Length;
            var parts = new List<Token>(3);
            if (start > 0)
            {
                parts.Add(new Token(t.Text[..start], t.Start, t.Sep, t.Group, t.Opener));
            }

            parts.Add(new Token(t.Text[start..end], t.Start + start, start > 0 ? "" : t.Sep, t.Group, t.Opener));
            if (end < t.Text.Length)
            {
                parts.Add(new Token(t.Text[end..], t.Start + end, "", t.Group, t.Opener));
            }

            scan.Tokens[i] = parts[0];
            scan.Tokens.InsertRange(i + 1, parts.Skip(1));
            i += parts.Count - 1;
        }
    }

    /// <summary>
    /// An exact pre-check for <see cref="Shapes"/>, which every long token would otherwise pay three regex calls for:
    /// each shape needs a decimal digit (<c>\d</c>, any script), and the first a lower-case 's', the second an 'x', the
    /// third an 's' or 'S' first (all case-sensitive patterns).
    /// </summary>
    internal static bool MayBeGlued(string text)
    {
        if (text.Length == 0 || text.AsSpan().IndexOfAny('s', 'x') < 0 && text[0] != 'S')
        {
            return false;
        }

        foreach (var c in text)
        {
            if (char.IsDigit(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when any shape matches: the reference a test holds <see cref="MayBeGlued"/> to.</summary>
    internal static bool AnyShapeMatches(string text) => Array.Exists(Shapes, s => s.IsMatch(text));

    private static Group? Match(string text)
    {
        foreach (var shape in Shapes)
        {
            if (shape.Match(text) is { Success: true } m)
            {
                return m.Groups["marker"];
            }
        }

        return null;
    }

    [GeneratedRegex(@"^\p{Ll}{2,}?(?<marker>s\d{1,2}e\d{2,3}(?:e\d{2,3})*)$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, Episodic.Core.Text.RegexLimits.TimeoutMs)]
    private static partial Regex GluedAfterWord();

    [GeneratedRegex(@"^\p{L}{4,}?(?<marker>\d{1,2}x\d{2})$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, Episodic.Core.Text.RegexLimits.TimeoutMs)]
    private static partial Regex GluedCrossAfterWord();

    [GeneratedRegex(@"^(?<marker>[Ss]\d{1,2}[Ee]\d{2,3})\p{Lu}\p{Ll}+$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, Episodic.Core.Text.RegexLimits.TimeoutMs)]
    private static partial Regex GluedWordAfterMarker();
}
