using System.Text.RegularExpressions;
using Episodic.Core.Parsing.Vocabulary;

namespace Episodic.Core.Parsing.Rules;

/// <summary>Specials named by keyword: "SP01", "OVA 2", "- OVA", "NCOP". Numbered ones become season 0 episodes.</summary>
internal static partial class SpecialRule
{
    public static Marker? Find(Scan scan)
    {
        for (var i = Math.Max(scan.TitleStart + 1, 0); i < scan.Count; i++)
        {
            var t = scan.Tokens[i];
            if (t.Consumed)
            {
                continue;
            }

            if (SpecialNumberGated.Match(t) is { Success: true } sp)
            {
                var m = new Marker { Form = MarkerForm.SpecialNumbered, Rule = "numbered special", Kind = MarkerKind.SeasonEpisode, First = i, Last = i, Season = 0, Special = true };
                m.Episodes.Add(EpisodeTail.ParseInt(sp.E));
                return m;
            }

            if (SeasonWords.Special.Contains(t) || CreditlessNumberedGated.IsMatch(t))
            {
                var m = new Marker { Form = MarkerForm.SpecialWord, Rule = $"special ({t.Text.ToUpperInvariant()}) without an episode number", Kind = MarkerKind.Special, First = i, Last = i, Special = true };
                if (scan.At(i + 1) is { } n && Scan.TryNumber(n, out var number) && number < 100 && !n.InBrackets)
                {
                    m.Season = 0;
                    m.Episodes.Add(number);
                    m.Last = i + 1;
                    m.Rule = $"special ({t.Text.ToUpperInvariant()} N)";
                    m.Form = MarkerForm.SpecialWordNumber;
                }

                return m;
            }
        }

        return null;
    }

    /// <summary>The two gated patterns, for the test that runs their hand matchers beside the regexes.</summary>
    internal static IEnumerable<(string Name, TokenPattern Pattern)> GatedPatterns => [("SpecialNumber", SpecialNumberGated), ("CreditlessNumbered", CreditlessNumberedGated)];

    private static readonly TokenPattern SpecialNumberGated = new(SpecialNumber(), "sSoO", needsDigit: true, AsciiTokenMatchers.SpecialNumber);
    private static readonly TokenPattern CreditlessNumberedGated = new(CreditlessNumbered(), "nN", needsDigit: true, AsciiTokenMatchers.CreditlessNumbered);

    /// <summary>NCOP1, NCED2: the digit counts openings/endings, not episodes.</summary>
    [GeneratedRegex(@"^nc(?:op|ed)\d{1,2}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, Episodic.Core.Text.RegexLimits.TimeoutMs)]
    private static partial Regex CreditlessNumbered();

    [GeneratedRegex(@"^(?:sp|ova|oad|special)(?<e>\d{1,3})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, Episodic.Core.Text.RegexLimits.TimeoutMs)]
    private static partial Regex SpecialNumber();
}
