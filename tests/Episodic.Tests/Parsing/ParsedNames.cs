using Episodic.Core.Model;
using Episodic.Core.Parsing;
using Xunit;

namespace Episodic.Tests.Parsing;

/// <summary>
/// The steps the name-class tables share: parse a name that must be an episode, and read a comma-separated list of
/// episode numbers. One copy, so every table fails the same way with the parser's reasoning in the message.
/// </summary>
internal static class ParsedNames
{
    /// <summary>Parses <paramref name="name"/> with the default rule parser and checks it was read as an episode.</summary>
    public static EpisodeParse Episode(string name)
    {
        var p = RuleParser.Default.Parse(name);
        Assert.True(p.IsEpisode, $"'{name}' should be an episode; reasoning: {p.Reasoning}");
        return p;
    }

    /// <summary>The numbers of "1,2,3" (empty for ""), parsed invariantly.</summary>
    public static int[] Ints(string csv) =>
        csv.Length == 0 ? [] : [.. csv.Split(',').Select(e => int.Parse(e, System.Globalization.CultureInfo.InvariantCulture))];
}
