using Episodic.Core.Model;
using Episodic.Core.Parsing;
using Xunit;

namespace Episodic.Tests.Parsing;

/// <summary>
/// Classes of names that were read confidently wrong by leave-one-source-out evaluation: packs written in words,
/// numbers in the show name next to a stronger marker, and numbers glued to the marker. Three invented names per
/// class (none is a corpus row) and the nearest false positive of each.
/// </summary>
public sealed class PackAndTitleNumberClassTests
{
    private static EpisodeParse Parse(string name) => ParsedNames.Episode(name);

    private static int[] List(string csv) => ParsedNames.Ints(csv);

    // ---------------------------------------------------------------- packs of several seasons written in words

    [Theory]
    [InlineData("Harbor Lights Season 2 - 5 [720p]", "Harbor Lights", 2)]
    [InlineData("Copper Valley All Seasons (1-6) 1080p", "Copper Valley", 1)]
    [InlineData("Night Market Season S03-S07 COMPLETE WEB-DL", "Night Market", 3)]
    [InlineData("Lantern Keepers - The Complete Season 4 [HDTV]", "Lantern Keepers", 4)]
    [InlineData("Pine Ridge Season 1 - 4 1080p", "Pine Ridge", 1)]
    [InlineData("Ember Coast Season 3 - 7 HDTV", "Ember Coast", 3)]
    [InlineData("Birch Road Seasons [1-3] 720p", "Birch Road", 1)]
    [InlineData("Fog Island All Seasons (2-5)", "Fog Island", 2)]
    [InlineData("Paper Moon Season S01-S04 WEB-DL", "Paper Moon", 1)]
    [InlineData("Stone Garden The Complete Season 2 720p", "Stone Garden", 2)]
    public void Season_packs_in_words_give_the_first_season_and_a_title_without_the_pack_words(string name, string title, int season)
    {
        var p = Parse(name);
        Assert.Equal(title, p.ShowName);
        Assert.Equal(season, p.Season);
        Assert.True(p.FullSeason, p.Reasoning);
        Assert.Empty(p.Episodes);
    }

    [Fact]
    public void Nearest_false_positive_a_padded_number_after_season_dash_is_the_episode()
    {
        var p = Parse("[Grp] Harbor Lights Season 2 - 05 [1080p]");
        Assert.Equal(("Harbor Lights", 2), (p.ShowName, p.Season));
        Assert.Equal([5], p.Episodes);
        Assert.False(p.FullSeason);
    }

    [Fact]
    public void Nearest_false_positive_a_title_ending_in_all_keeps_it()
    {
        var p = Parse("Winner Takes All Season 2 720p");
        Assert.Equal(("Winner Takes All", 2), (p.ShowName, p.Season));
    }

    // ---------------------------------------------------------------- the episodes of a season written as a list

    [Theory]
    [InlineData("Harbor Lights Season 3 Episodes 1-8 720p", "Harbor Lights", 3, "1,2,3,4,5,6,7,8")]
    [InlineData("Copper Valley S2 Eps.05-08.mp4", "Copper Valley", 2, "5,6,7,8")]
    [InlineData("Night Market S01 (01 - 12) [1080p x265]", "Night Market", 1, "1,2,3,4,5,6,7,8,9,10,11,12")]
    public void A_season_with_its_episode_range_in_words_lists_the_episodes(string name, string title, int season, string episodes)
    {
        var p = Parse(name);
        Assert.Equal((title, season), (p.ShowName, p.Season));
        Assert.Equal(List(episodes), p.Episodes);
        Assert.False(p.FullSeason, p.Reasoning);
    }

    [Fact]
    public void Nearest_false_positive_a_bracketed_year_range_after_the_season_is_not_episodes()
    {
        var p = Parse("Harbor Lights S02 (2019-2020) WEB");
        Assert.Equal(2, p.Season);
        Assert.True(p.FullSeason, p.Reasoning);
        Assert.Empty(p.Episodes);
    }

    // ---------------------------------------------------------------- a number-first season word before SxxEyy is title

    [Theory]
    [InlineData("Top 5 Série S03E04", "Top 5 Série", 3, 4)]
    [InlineData("Harbor 7 Sezon S01E02.720p", "Harbor 7 Sezon", 1, 2)]
    [InlineData("Copper 2 Staffel S04E01 WEB", "Copper 2 Staffel", 4, 1)]
    public void A_number_first_season_word_right_before_SxxEyy_stays_in_the_title(string name, string title, int season, int episode)
    {
        var p = Parse(name);
        Assert.Equal((title, season), (p.ShowName, p.Season));
        Assert.Equal([episode], p.Episodes);
    }

    [Fact]
    public void Nearest_false_positive_a_number_first_season_with_its_episode_word_is_the_season()
    {
        var p = Parse("Маяк 3 сезон 7 серия");
        Assert.Equal((3, 7), (p.Season, p.Episodes.Single()));
    }

    // ---------------------------------------------------------------- NxN in the show name before an explicit SxxEyy

    [Theory]
    [InlineData("2x2 Harbor.S01E05.720p", "2x2 Harbor", 1, 5)]
    [InlineData("Copper 4x4 Club S02E03 HDTV", "Copper 4x4 Club", 2, 3)]
    [InlineData("5x5 Lights - S03E07 - Night Falls", "5x5 Lights", 3, 7)]
    public void A_cross_before_an_explicit_season_episode_is_part_of_the_title(string name, string title, int season, int episode)
    {
        var p = Parse(name);
        Assert.Equal((title, season), (p.ShowName, p.Season));
        Assert.Equal([episode], p.Episodes);
    }

    [Fact]
    public void Nearest_false_positive_a_cross_alone_is_still_the_marker()
    {
        var p = Parse("Harbor Lights 1x05 720p");
        Assert.Equal(("Harbor Lights", 1), (p.ShowName, p.Season));
        Assert.Equal([5], p.Episodes);
    }

    // ---------------------------------------------------------------- a leading range as long as the episode list is absolute

    [Theory]
    [InlineData("201-202.Harbor Lights.S05E03E04", "Harbor Lights", 5, "3,4", "201,202")]
    [InlineData("45-46.Copper Valley.s02e10e11", "Copper Valley", 2, "10,11", "45,46")]
    [InlineData("310-312.Night Market.S04E01-03", "Night Market", 4, "1,2,3", "310,311,312")]
    public void A_leading_range_matching_the_episode_count_is_the_absolute_numbering(string name, string title, int season, string episodes, string absolute)
    {
        var p = Parse(name);
        Assert.Equal((title, season), (p.ShowName, p.Season));
        Assert.Equal(List(episodes), p.Episodes);
        Assert.Equal(List(absolute), p.AbsoluteEpisodes);
    }

    [Theory]
    [InlineData("90.Day.Harbor.S02E07E08", "90 Day Harbor")]
    [InlineData("9-1-1.Lone.Harbor.S02E03E04", "9-1-1 Lone Harbor")]
    public void Nearest_false_positive_a_leading_number_that_is_not_such_a_range_stays_in_the_title(string name, string title)
    {
        var p = Parse(name);
        Assert.Equal(title, p.ShowName);
        Assert.Empty(p.AbsoluteEpisodes);
    }

    // ---------------------------------------------------------------- a number glued by an underscore after SxxEyy

    [Theory]
    [InlineData("Harbor.Lights.S02E05_47.avi", 2, 5)]
    [InlineData("Copper Valley_S04E01_31 Die Nacht.m4v", 4, 1)]
    [InlineData("Night Market S01E09_88", 1, 9)]
    public void An_underscored_number_that_is_not_the_next_episode_is_doubted_not_listed(string name, int season, int episode)
    {
        var p = Parse(name);
        Assert.Equal(season, p.Season);
        Assert.Equal([episode], p.Episodes);
        Assert.True(p.Doubts?.Doubts.Contains(Doubt.UnexplainedNumberNearMarker), p.Reasoning);
    }

    [Fact]
    public void Nearest_false_positive_the_next_episode_after_an_underscore_continues_the_list() =>
        Assert.Equal([5, 6], Parse("Harbor.Lights.S02E05_06.720p").Episodes);

    // ---------------------------------------------------------------- episodes joined by "and", SxxEPyy

    [Theory]
    [InlineData("Harbor Lights - S02E04and05 - Night Falls", "Harbor Lights", 2, "4,5")]
    [InlineData("Copper_Valley.3x07and08and09.HDTV-Grp", "Copper Valley", 3, "7,8,9")]
    [InlineData("Night Market S03EP11 1080p", "Night Market", 3, "11")]
    [InlineData("Lantern.Keepers.S01EP24.WEB", "Lantern Keepers", 1, "24")]
    public void Episodes_joined_by_and_or_written_EP_belong_to_the_marker(string name, string title, int season, string episodes)
    {
        var p = Parse(name);
        Assert.Equal((title, season), (p.ShowName, p.Season));
        Assert.Equal(List(episodes), p.Episodes);
    }

    [Fact]
    public void Nearest_false_positive_a_word_starting_with_and_after_the_marker_is_not_an_episode()
    {
        var p = Parse("Harbor.Lights.S01E02.Andes.720p");
        Assert.Equal(("Harbor Lights", 1), (p.ShowName, p.Season));
        Assert.Equal([2], p.Episodes);
    }

    // ---------------------------------------------------------------- a year after a number-first episode word

    [Theory]
    [InlineData("Liman 3.Sezon 12.Bölüm 2019 720p", "Liman", 3, 12)]
    [InlineData("Deniz.Feneri.2.Sezon.5.Bölüm.2020.1080p", "Deniz Feneri", 2, 5)]
    [InlineData("Kule 4.Sezon 1.Bölüm 2018 WEB-DL", "Kule", 4, 1)]
    public void A_year_after_the_number_first_episode_word_is_not_its_number(string name, string title, int season, int episode)
    {
        var p = Parse(name);
        Assert.Equal((title, season), (p.ShowName, p.Season));
        Assert.Equal([episode], p.Episodes);
    }

    [Fact]
    public void Nearest_false_positive_the_word_first_order_with_a_year_still_reads()
    {
        var p = Parse("Liman Sezon 3 Bölüm 12 2019");
        Assert.Equal(("Liman", 3), (p.ShowName, p.Season));
        Assert.Equal([12], p.Episodes);
    }
}
