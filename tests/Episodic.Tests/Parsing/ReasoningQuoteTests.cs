using Episodic.Core.Parsing;
using Xunit;

namespace Episodic.Tests.Parsing;

/// <summary>
/// The reasoning quotes the marker as the name wrote it ("Matched S03E05", "Matched 1x05"), never an example of the
/// pattern ("S01E02"), so a reader can check it against the name at a glance. Names are invented.
/// </summary>
public sealed class ReasoningQuoteTests
{
    [Theory]
    [InlineData("Lantern.Road.S03E05.720p.HDTV-GRP", "Matched S03E05 as season and episode")]
    [InlineData("Lantern Road 1x05 The Gate", "Matched 1x05 as season and episode")]
    [InlineData("Lantern Road 12x105 Hollow", "Matched 12x105 as season and episode")]
    [InlineData("Lantern.Road.S03.E05.720p", "Matched S03.E05 as season and episode")]
    [InlineData("[Kumo] Lantern Road - 18 [1080p]", "Matched 18 as absolute episode")]
    [InlineData("Lantern Road Season 2 Episode 7", "Matched Season 2 Episode 7 as season")]
    [InlineData("Lantern.Road.2021.04.18.720p", "Matched 2021.04.18 as air date")]
    [InlineData("Lantern Road Ep 12", "Matched Ep 12 as episode")]
    public void Reasoning_quotes_the_marker_as_written(string name, string expected)
    {
        var p = RuleParser.Default.Parse(name);
        Assert.StartsWith(expected, p.Reasoning, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Lantern.Road.S03E05.720p.HDTV-GRP")]
    [InlineData("Lantern Road 1x05 The Gate")]
    [InlineData("Lantern.Road.S03.E05.720p")]
    public void Reasoning_never_quotes_a_pattern_example(string name)
    {
        var p = RuleParser.Default.Parse(name);
        Assert.DoesNotContain("S01E02", p.Reasoning, StringComparison.Ordinal);
        Assert.DoesNotContain("1x02", p.Reasoning, StringComparison.Ordinal);
        Assert.DoesNotContain("S01 E02", p.Reasoning, StringComparison.Ordinal);
    }
}
