using Episodic.Core.Model;
using Episodic.Core.Parsing;
using Xunit;

namespace Episodic.Tests.Parsing;

/// <summary>
/// Doubts for classes of names the sources read two ways (a year that may number the season, a part number after a
/// season pack, a file name that is only a year): the parser keeps its reading but must not be sure of it. Three
/// invented names per class, and the nearest false positive that must stay free of the doubt.
/// </summary>
public sealed class AmbiguityDoubtTests
{
    private static EpisodeParse Parse(string name) => RuleParser.Default.Parse(name);

    private static bool Has(EpisodeParse p, Doubt d) => p.Doubts?.Doubts.Contains(d) == true;

    [Theory]
    [InlineData("Harbor.Lights.2013.14.of.21.Quiet.Night.720p.HDTV.x264-GRP")]
    [InlineData("Copper Valley 2018 06 720p x265 GRP")]
    [InlineData("Night.Market.2016.E04.Harbor.720p.WEB-DL-GRP")]
    public void A_year_right_before_a_marker_without_a_season_is_doubted(string name)
    {
        var p = Parse(name);
        Assert.True(Has(p, Doubt.YearBeforeMarker), p.Reasoning);
        Assert.Contains("year right before the marker may be the season", p.Reasoning, StringComparison.Ordinal);
        Assert.Contains("season", p.Doubts!.DisputedFields);
    }

    [Theory]
    [InlineData("Harbor.Lights.2013.S02E14.720p.HDTV.x264-GRP")]
    [InlineData("Copper Valley (2018) - 06 [720p]")]
    public void Nearest_false_positive_a_written_season_or_a_bracketed_year_is_not_doubted(string name)
    {
        var p = Parse(name);
        Assert.False(Has(p, Doubt.YearBeforeMarker), p.Reasoning);
    }

    [Theory]
    [InlineData("Harbor.Lights.S05.Quiet.Night.Part1")]
    [InlineData("Copper.Valley.Season.3.Part.IV")]
    [InlineData("Night.Market.S02.Part.2.1080p.WEB-DL-GRP")]
    public void An_episode_or_part_number_after_a_season_pack_is_doubted(string name)
    {
        var p = Parse(name);
        Assert.True(p.FullSeason, p.Reasoning);
        Assert.True(Has(p, Doubt.EpisodeBesidePack), p.Reasoning);
        Assert.Contains("episodes", p.Doubts!.DisputedFields);
    }

    [Theory]
    [InlineData("Harbor.Lights.S05.1080p.WEB-DL-GRP")]
    [InlineData("Copper Valley Season 3 Complete 720p")]
    public void Nearest_false_positive_a_plain_season_pack_is_not_doubted(string name)
    {
        var p = Parse(name);
        Assert.True(p.FullSeason, p.Reasoning);
        Assert.False(Has(p, Doubt.EpisodeBesidePack), p.Reasoning);
    }

    [Theory]
    [InlineData("Harbor Lights/2010.mkv")]
    [InlineData("Copper Valley/Season 1/1999.mkv")]
    [InlineData("Night Market/2024.mp4")]
    public void A_file_name_that_is_only_a_year_is_doubted(string name)
    {
        var p = Parse(name);
        Assert.True(Has(p, Doubt.YearAsWholeName), p.Reasoning);
        Assert.Contains("could be a year", p.Reasoning, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Harbor Lights/1071.mkv", 1071)]
    [InlineData("Harbor Lights/921.mkv", 921)]
    public void Nearest_false_positive_a_whole_name_number_that_is_no_year_is_not_doubted(string name, int episode)
    {
        var p = Parse(name);
        Assert.Equal([episode], p.Episodes);
        Assert.False(Has(p, Doubt.YearAsWholeName), p.Reasoning);
    }

    [Theory]
    [InlineData("[Grp] Lantern Harbor S2 - 09 [BD841253].mkv")]
    [InlineData("[SubsPlease] Copper Tide S3 - 11 (1080p) [ABCD1234].mkv")]
    [InlineData("[Kumo] Night Market S2 - 05v2 [1080p][EF012345].mkv")]
    public void A_season_token_in_a_fansub_name_never_clears_the_threshold_however_clean_the_name(string name)
    {
        // The sources disagree whether "S2" is a season or part of the title, so the rules must not settle it alone.
        var p = Parse(name);
        Assert.True(Has(p, Doubt.SeasonTokenInFansubName), p.Reasoning);
        Assert.True(p.Confidence <= ConfidenceModel.SourcesDisagreeCeiling, $"{p.Confidence}");
    }

    [Fact]
    public void Nearest_false_positive_the_same_name_without_the_season_token_stays_confident()
    {
        var p = Parse("[Grp] Lantern Harbor - 09 [BD841253].mkv");
        Assert.False(Has(p, Doubt.SeasonTokenInFansubName), p.Reasoning);
        Assert.True(p.Confidence > ConfidenceModel.SourcesDisagreeCeiling, $"{p.Confidence}");
    }
}
