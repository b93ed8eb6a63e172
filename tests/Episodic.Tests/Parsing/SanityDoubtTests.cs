using Episodic.Core.Model;
using Episodic.Core.Parsing;
using Xunit;

namespace Episodic.Tests.Parsing;

/// <summary>
/// Sanity checks of the chosen reading against the whole name: each is a typed doubt that the reasoning names and
/// the model weighs. Three invented names per class, and the nearest false positive that must stay free of it.
/// </summary>
public sealed class SanityDoubtTests
{
    private static EpisodeParse Parse(string name) => RuleParser.Default.Parse(name);

    private static bool Has(EpisodeParse p, Doubt d) => p.Doubts?.Doubts.Contains(d) == true;

    [Theory]
    [InlineData("Harbor.Lights.S01E02E01.720p", "1,2")]
    [InlineData("Copper Valley S02E06E05 HDTV", "5,6")]
    [InlineData("Night.Market.S03E09E08E07.1080p", "7,8,9")]
    public void Episodes_out_of_order_or_repeated_are_sorted_deduplicated_and_doubted(string name, string episodes)
    {
        var p = Parse(name);
        Assert.Equal(episodes.Split(',').Select(int.Parse), p.Episodes);
        Assert.True(Has(p, Doubt.EpisodesOutOfOrder), p.Reasoning);
        Assert.Contains("out of order or repeated", p.Reasoning, StringComparison.Ordinal);
    }

    [Fact]
    public void Nearest_false_positive_an_ascending_list_is_not_doubted() =>
        Assert.False(Has(Parse("Harbor.Lights.S01E01E02.720p"), Doubt.EpisodesOutOfOrder));

    [Theory]
    [InlineData("Harbor.Lights.S0412.720p")]
    [InlineData("Copper.Valley.S1105.HDTV")]
    [InlineData("Night Market S0203 WEB")]
    public void A_season_above_100_that_is_not_a_year_is_doubted(string name)
    {
        var p = Parse(name);
        Assert.True(Has(p, Doubt.SeasonOver100), p.Reasoning);
        Assert.Contains("above 100", p.Reasoning, StringComparison.Ordinal);
    }

    [Fact]
    public void Nearest_false_positive_a_year_as_season_is_not_doubted() =>
        Assert.False(Has(Parse("Harbor.Lights.S2019E05.720p"), Doubt.SeasonOver100));

    [Theory]
    [InlineData("Harbor.Lights.S03E05.17.720p")]
    [InlineData("Copper.Valley.S02E11.04.HDTV")]
    [InlineData("Night.Market.S05E07 12 WEB")]
    public void An_unexplained_number_next_to_the_marker_is_doubted(string name)
    {
        var p = Parse(name);
        Assert.True(Has(p, Doubt.UnexplainedNumberNearMarker), p.Reasoning);
    }

    [Fact]
    public void Nearest_false_positive_a_year_after_the_season_is_explained() =>
        Assert.False(Has(Parse("Harbor.Lights.S03.2019.720p"), Doubt.UnexplainedNumberNearMarker));

    [Theory]
    [InlineData("Harbor Lights 2 - 05")]
    [InlineData("Copper Valley 3 - 11 [720p]")]
    [InlineData("Night Market 2 - 07")]
    public void A_title_ending_in_a_number_that_could_be_a_season_is_doubted(string name)
    {
        var p = Parse(name);
        Assert.True(Has(p, Doubt.TitleEndsInNumber), p.Reasoning);
    }

    [Fact]
    public void Nearest_false_positive_a_title_without_a_trailing_number_is_not_doubted() =>
        Assert.False(Has(Parse("Harbor Lights - 05"), Doubt.TitleEndsInNumber));

    [Theory]
    [InlineData("[SubsPlease] - 10 [1080p]")]
    [InlineData("[Kumo] - 07 (720p)")]
    [InlineData("[Lantern] - 12 [ABCD1234]")]
    public void A_release_group_read_as_the_title_is_doubted(string name)
    {
        var p = Parse(name);
        Assert.True(Has(p, Doubt.TitleIsTag), p.Reasoning);
        Assert.Contains("release group, a web site or a season tag", p.Reasoning, StringComparison.Ordinal);
        Assert.Contains("show_name", p.Doubts!.DisputedFields);
    }

    [Theory]
    [InlineData("[SubsPlease] title - 10")]
    [InlineData("[SubsPlease] quiet harbor - 03 (1080p)")]
    public void Nearest_false_positive_a_group_before_title_words_is_never_the_show(string name)
    {
        var p = Parse(name);
        Assert.NotEqual("SubsPlease", p.ShowName);
        Assert.False(Has(p, Doubt.TitleIsTag), p.Reasoning);
    }

    [Theory]
    [InlineData("www.harbor.com - 05")]
    [InlineData("WWW.NIGHTMARKET.NET - 03")]
    [InlineData("www.copper-site.org - 12.mkv")]
    public void A_web_site_standing_where_the_show_should_is_doubted(string name)
    {
        var p = Parse(name);
        Assert.Null(p.ShowName);
        Assert.True(Has(p, Doubt.TitleIsTag), p.Reasoning);
    }

    [Fact]
    public void Nearest_false_positive_a_site_before_the_show_name_is_not_doubted()
    {
        var p = Parse("www.site.com - Harbor Lights - 05");
        Assert.Equal("Harbor Lights", p.ShowName);
        Assert.False(Has(p, Doubt.TitleIsTag), p.Reasoning);
    }

    [Theory]
    [InlineData("Harbor.[Uncut].S01.1080p-Grp")]
    [InlineData("Copper.[Extended].S02.720p-Grp")]
    [InlineData("Lantern.[Remastered].S03.WEB-Grp")]
    public void Words_before_the_marker_that_no_reading_took_as_the_show_are_doubted(string name)
    {
        var p = Parse(name);
        Assert.Null(p.ShowName);
        Assert.True(Has(p, Doubt.NoTitleBeforeMarker), p.Reasoning);
        Assert.Contains("words stand before the marker", p.Reasoning, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[Grp] 05 - Harbor Lights [720p]")]
    [InlineData("S01E05.720p.HDTV")]
    public void Nearest_false_positive_a_title_after_the_number_or_no_words_is_not_doubted(string name) =>
        Assert.False(Has(Parse(name), Doubt.NoTitleBeforeMarker));
}
