using System.Text.RegularExpressions;
using Episodic.Core.Parsing.Tokens;

namespace Episodic.Core.Parsing.Rules;

/// <summary>
/// Splits a season/episode marker glued to the end of a word ("grp-zoos01e11" is "grp-zoo" + "s01e11") into its own
/// token, so the marker rules and the title see the two parts. Only lower-case s/e markers with two-digit episodes
/// qualify, which keeps ordinary words ending in "s" out of it.
/// </summary>
internal static partial class GluedMarkerRule
{
    public static void Apply(Scan scan)
    {
        for (var i = 0; i < scan.Tokens.Count; i++)
        {
            var t = scan.Tokens[i];
            if (t.Text.Length < 8 || Glued().Match(t.Text) is not { Success: true } m)
            {
                continue;
            }

            var split = m.Groups["marker"].Index;
            scan.Tokens[i] = new Token(t.Text[..split], t.Start, t.Sep, t.Group, t.Opener);
            scan.Tokens.Insert(i + 1, new Token(t.Text[split..], t.Start + split, "", t.Group, t.Opener));
            i++;
        }
    }

    [GeneratedRegex(@"^\p{Ll}{2,}?(?<marker>s\d{1,2}e\d{2,3}(?:e\d{2,3})*)$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, Episodic.Core.Text.RegexLimits.TimeoutMs)]
    private static partial Regex Glued();
}
