using Episodic.Core.Model;
using Episodic.Core.Parsing;
using Xunit;

namespace Episodic.Tests.Parsing;

/// <summary>
/// One table per class of names a rule was added or changed for (issue: generalise beyond the dev rows). Each class
/// has at least three invented names of different shows, and its nearest false positive has its own test. None of
/// these strings is a corpus row. Expected: title | season (-1 = none) | episodes (season-relative, else absolute).
/// </summary>
public sealed class NameClassTests
{
    private static EpisodeParse Parse(string name)
    {
        var p = RuleParser.Default.Parse(name);
        Assert.InRange(p.Confidence, 0.0, 1.0);
        return p;
    }

    private static void AssertReading(string name, string title, int season, string episodes)
    {
        var p = Parse(name);
        Assert.True(p.IsEpisode, $"'{name}' should be an episode; reasoning: {p.Reasoning}");
        Assert.Equal(title, p.ShowName);
        Assert.Equal(season < 0 ? null : season, p.Season);
        var expected = episodes.Split(',').Select(e => int.Parse(e, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(expected, p.Episodes.Count > 0 ? p.Episodes : p.AbsoluteEpisodes);
    }

    // ---------------------------------------------------------------- 3-4 digit numbers after a dash are absolute

    [Theory]
    [InlineData("[Kumo] Drifting Harbor - 1071 [1080p]", "Drifting Harbor", -1, "1071")]
    [InlineData("Lantern Keepers - 722 [HD_1280x720].mp4", "Lantern Keepers", -1, "722")]
    [InlineData("Ocean Tale - 1135", "Ocean Tale", -1, "1135")]
    [InlineData("Copper Road (2011) - 141 - The Long Night [Dub]", "Copper Road", -1, "141")]
    public void Dash_numbers_of_three_or_four_digits_in_anime_layouts_are_absolute(string name, string title, int season, string episodes) =>
        AssertReading(name, title, season, episodes);

    [Fact]
    public void A_dash_number_that_could_be_compact_names_the_rival()
    {
        var anime = Parse("[Kumo] Drifting Harbor - 1071 [1080p]");
        Assert.Contains("Rival reading", anime.Reasoning, StringComparison.Ordinal);
        Assert.Contains("S10E71", anime.Reasoning, StringComparison.Ordinal);
        var plain = Parse("[Kumo] Drifting Harbor - 07 [1080p]");
        Assert.DoesNotContain("Rival reading", plain.Reasoning, StringComparison.Ordinal);
    }

    [Fact]
    public void Nearest_false_positive_a_plain_scene_dash_number_stays_compact()
    {
        // No anime cue (no brackets, three digits): the scene reads "Show - 720" as S07E20, as guessit does.
        AssertReading("Harbor Lights - 512", "Harbor Lights", 5, "12");
    }

    // ---------------------------------------------------------------- NxNNNN: a four-digit episode after a cross

    [Theory]
    [InlineData("Harbor Lights - 3x1001.mkv", "Harbor Lights", 3, "1001")]
    [InlineData("Quiz Night 35x1050 720p HDTV.mkv", "Quiz Night", 35, "1050")]
    [InlineData("The.Morning.Desk.12x1234.WEB.mkv", "The Morning Desk", 12, "1234")]
    [InlineData("Copper Road 100 - 2x1001.mkv", "Copper Road 100", 2, "1001")]
    public void A_cross_marker_takes_a_four_digit_episode_as_tvnamer_writes_it(string name, string title, int season, string episodes) =>
        AssertReading(name, title, season, episodes);

    [Theory]
    [InlineData("Harbor Lights 1920x1080.mkv")]
    [InlineData("Harbor Lights 3840x2160 HDR.mkv")]
    [InlineData("Harbor Lights - 0x1080.mkv")]
    public void Nearest_false_positive_a_resolution_is_no_cross_marker(string name) =>
        Assert.False(Parse(name).IsEpisode, name);

    // ---------------------------------------------------------------- titles that carry numbers

    [Theory]
    [InlineData("Steel Saint 00 - 05", "Steel Saint 00", -1, "5")]
    [InlineData("42 - 11", "42", -1, "11")]
    [InlineData("Paper Kite 2 (TV) - 04", "Paper Kite", 2, "4")]
    [InlineData("Moon Orchard 3 (TV) - 12 [720p]", "Moon Orchard", 3, "12")]
    public void Numbers_in_titles_are_kept_and_never_read_as_ranges(string name, string title, int season, string episodes) =>
        AssertReading(name, title, season, episodes);

    [Fact]
    public void Nearest_false_positive_a_real_range_with_leading_zeros_still_is_one()
    {
        AssertReading("[Kumo] Velvet Engine - 01 - 12 [Batch]", "Velvet Engine", -1, "1,2,3,4,5,6,7,8,9,10,11,12");
    }

    // ---------------------------------------------------------------- bracket layouts

    [Theory]
    [InlineData("[Glass Mountain].148.[Xvid].[ABCD1234].avi", "Glass Mountain", -1, "148")]
    [InlineData("[Hollow Crown Long Title][07][720p].mp4", "Hollow Crown Long Title", -1, "7")]
    [InlineData("[Amber Vale].23.[DVD].avi", "Amber Vale", -1, "23")]
    public void With_no_title_outside_brackets_the_leading_bracket_is_the_title(string name, string title, int season, string episodes) =>
        AssertReading(name, title, season, episodes);

    [Fact]
    public void Nearest_false_positive_a_leading_group_stays_the_group_when_a_title_follows()
    {
        var p = Parse("[Kumo] Amber Vale - 23 [720p].mkv");
        Assert.Equal("Amber Vale", p.ShowName);
        Assert.Equal("Kumo", p.ReleaseGroup);
    }

    [Theory]
    [InlineData("[[Kumo] Pine Lake - 05", "Pine Lake", -1, "5")]
    [InlineData("((Rei) Ember Coast - 11", "Ember Coast", -1, "11")]
    [InlineData("[[Subz] Night Ferry 08", "Night Ferry", -1, "8")]
    public void A_doubled_opening_bracket_is_one_bracket(string name, string title, int season, string episodes) =>
        AssertReading(name, title, season, episodes);

    [Theory]
    [InlineData("[0x1F] Silver Fern - S01E01", "Silver Fern", 1, "1")]
    [InlineData("[0x539] Quiet Hill - S02E03 [1080p]", "Quiet Hill", 2, "3")]
    [InlineData("[0x100] Red Lantern - 04", "Red Lantern", -1, "4")]
    public void Hex_group_tags_are_groups_not_cross_markers(string name, string title, int season, string episodes) =>
        AssertReading(name, title, season, episodes);

    [Fact]
    public void Nearest_false_positive_a_real_season_zero_cross_marker_is_still_a_special()
    {
        AssertReading("Silver Fern 0x05 Extras", "Silver Fern", 0, "5");
    }

    [Theory]
    [InlineData("Tracker.[Kumo]_Birch_Road_-_01v2", "Birch Road", -1, "1")]
    [InlineData("site.[Rei] Falling Star - 07 [720p]", "Falling Star", -1, "7")]
    [InlineData("Mirror.[Subz]_Cold_Harbor_-_12", "Cold Harbor", -1, "12")]
    public void A_word_glued_before_the_group_bracket_is_a_prefix(string name, string title, int season, string episodes) =>
        AssertReading(name, title, season, episodes);

    [Theory]
    [InlineData("[Kumo]_[Rei]_Birch_Road_Ep04", "Birch Road", -1, "4")]
    [InlineData("[Subz][Tsuki] Night Ferry - 09", "Night Ferry", -1, "9")]
    [InlineData("[A-Team] [B-Team] Paper Moon - 03 [720p]", "Paper Moon", -1, "3")]
    public void Two_leading_group_brackets_before_free_title_words_are_both_groups(string name, string title, int season, string episodes) =>
        AssertReading(name, title, season, episodes);

    [Fact]
    public void Nearest_false_positive_a_bracketed_title_after_the_group_is_kept()
    {
        // "[Group][Title] 01": the second bracket is followed by the number, not by title words, so it is the title.
        var p = Parse("[Kumo][Birch Road] 05 [720p]");
        Assert.Equal("Birch Road", p.ShowName);
    }

    [Theory]
    [InlineData("[Kumo] Walking in [Rain] Under Stars - 01 [BAD09C76].mkv", "Walking in [Rain] Under Stars")]
    [InlineData("[Rei] A Girl and [Robot] Story - 05.mkv", "A Girl and [Robot] Story")]
    [InlineData("[Subz] Tales of [Nine] Swords - 11 [720p].mkv", "Tales of [Nine] Swords")]
    public void A_bracket_between_title_words_belongs_to_the_title(string name, string title) =>
        Assert.Equal(title, Parse(name).ShowName);

    [Fact]
    public void Nearest_false_positive_a_noise_bracket_between_words_is_not_title()
    {
        var p = Parse("[Kumo] Birch Road [720p] Extra - 05.mkv");
        Assert.DoesNotContain("720p", p.ShowName ?? "", StringComparison.Ordinal);
    }

    // ---------------------------------------------------------------- ranges and lists

    [Theory]
    [InlineData("[Kumo] Fog Island - 01+02 [720p]", "Fog Island", -1, "1,2")]
    [InlineData("[Kumo] Fog Island - 01v2-04 [720p]", "Fog Island", -1, "1,2,3,4")]
    [InlineData("[Rei] Dune Sea - 01v2-03v2 (1280x720)", "Dune Sea", -1, "1,2,3")]
    [InlineData("Maple Street.103.104.HDTV-Grp", "Maple Street", 1, "3,4")]
    [InlineData("Oak Hollow.S03E21.22.720p.HDTV-Grp", "Oak Hollow", 3, "21,22")]
    [InlineData("Iron Bay.S01E09.10.720p", "Iron Bay", 1, "9,10")]
    public void Lists_ranges_with_versions_and_scene_pairs(string name, string title, int season, string episodes) =>
        AssertReading(name, title, season, episodes);

    [Fact]
    public void Nearest_false_positive_a_number_after_an_episode_that_is_not_the_next_stays_out()
    {
        AssertReading("Iron Bay.S01E09.12.Monkeys.720p", "Iron Bay", 1, "9");
    }

    // ---------------------------------------------------------------- split episodes, parts, roman numerals, counts

    [Theory]
    [InlineData("[Kumo] Gold Coast - 12a [720p]", "Gold Coast", -1, "12")]
    [InlineData("[Rei]_Stone_Garden_-_01b_[4D5EC315].avi", "Stone Garden", -1, "1")]
    [InlineData("[Subz] Brass City - 111C [1080p].mkv", "Brass City", -1, "111")]
    public void Split_episodes_read_the_number_with_a_doubt(string name, string title, int season, string episodes)
    {
        AssertReading(name, title, season, episodes);
        Assert.Contains("part letter", Parse(name).Reasoning, StringComparison.Ordinal);
    }

    [Fact]
    public void Nearest_false_positive_a_letter_suffix_without_a_dash_is_not_a_split_episode()
    {
        Assert.DoesNotContain("part letter", Parse("Gold Coast 4d").Reasoning, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Quiet Hours Part VI 720p", "Quiet Hours", 1, "6")]
    [InlineData("Long.Walk.Pt.IV.HDTV", "Long Walk", 1, "4")]
    [InlineData("Harbor - Episode VIII", "Harbor", -1, "8")]
    [InlineData("Old Roads Ep III", "Old Roads", -1, "3")]
    public void Roman_numerals_after_part_and_episode_words(string name, string title, int season, string episodes) =>
        AssertReading(name, title, season, episodes);

    [Fact]
    public void Nearest_false_positive_lower_case_words_are_not_roman_numerals()
    {
        Assert.False(Parse("Tales of Mix Part civil").IsEpisode);
    }

    [Theory]
    [InlineData("Thing.2of6.HDTV", "Thing", -1, "2")]
    [InlineData("Great Rivers 3of8 720p", "Great Rivers", -1, "3")]
    [InlineData("Wild.Coast.1of4..Intro.x264", "Wild Coast", -1, "1")]
    public void Joined_n_of_m_counts_are_episodes(string name, string title, int season, string episodes) =>
        AssertReading(name, title, season, episodes);

    [Theory]
    [InlineData("Frost Line 1 x 2 HDTV", "Frost Line", 1, "2")]
    [InlineData("Paper Lanterns 10 x 05", "Paper Lanterns", 10, "5")]
    [InlineData("Glass Tower 3 X 11 720p", "Glass Tower", 3, "11")]
    public void Spaced_cross_markers(string name, string title, int season, string episodes) =>
        AssertReading(name, title, season, episodes);

    [Fact]
    public void Nearest_false_positive_a_spaced_resolution_is_not_a_cross_marker()
    {
        Assert.False(Parse("Frost Line 1920 x 1080").IsEpisode);
    }

    [Theory]
    [InlineData("Show.Season.2.E05.720p", "Show", 2, "5")]
    [InlineData("Green.Acre.-.Season.3.-E02-.720p", "Green Acre", 3, "2")]
    [InlineData("Blue Lake Saison 4 E10", "Blue Lake", 4, "10")]
    public void An_episode_word_after_a_season_keeps_that_season(string name, string title, int season, string episodes) =>
        AssertReading(name, title, season, episodes);

    [Fact]
    public void Nearest_false_positive_a_capital_episode_without_a_season_is_still_a_mini_series()
    {
        AssertReading("Blue.Lake.E05.720p.HDTV.x264-GRP", "Blue Lake", 1, "5");
    }

    [Theory]
    [InlineData("Kaiju Club 2nd Season OVA - 03", "Kaiju Club", 2, "3")]
    [InlineData("Stellar Days Season 3 OVA 2", "Stellar Days", 3, "2")]
    [InlineData("Hoshi Garden S2 OAD - 01", "Hoshi Garden", 2, "1")]
    public void Numbered_specials_of_a_season(string name, string title, int season, string episodes) =>
        AssertReading(name, title, season, episodes);

    // ---------------------------------------------------------------- dates

    [Theory]
    [InlineData("Night Desk 3 Mar 2014 HDTV", "Night Desk", "2014-03-03")]
    [InlineData("Morning Wire 15 January 2021", "Morning Wire", "2021-01-15")]
    [InlineData("City Hour 31st Oct 2019", "City Hour", "2019-10-31")]
    public void Day_month_name_year_dates(string name, string title, string date)
    {
        var p = Parse(name);
        Assert.Equal(title, p.ShowName);
        Assert.Equal(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), p.AirDate);
    }

    [Theory]
    [InlineData("2020.05.01 River Town S01E01 720p", "River Town", 1, "1")]
    [InlineData("2019-11-30 Sky Port S02E07", "Sky Port", 2, "7")]
    [InlineData("20210105 Tea House S03E02 HDTV", "Tea House", 3, "2")]
    public void A_date_prefix_before_the_title_is_not_the_air_date_of_an_explicit_episode(string name, string title, int season, string episodes)
    {
        AssertReading(name, title, season, episodes);
        Assert.Null(Parse(name).AirDate);
    }

    [Fact]
    public void Nearest_false_positive_a_date_after_the_title_still_joins_the_episode()
    {
        var p = Parse("River Town S01E01 2020.05.01 720p");
        Assert.Equal(new DateOnly(2020, 5, 1), p.AirDate);
    }

    // ---------------------------------------------------------------- CJK and full-width

    [Theory]
    [InlineData("[Kumo] Harbor Song 第2期 01話 [1080p]", "Harbor Song", 2, "1")]
    [InlineData("[Rei] 海の歌 第二季 03 [1080p]", "海の歌", 2, "3")]
    [InlineData("[Subz] Sky Garden 第3部 第12話 [720p]", "Sky Garden", 3, "12")]
    public void Cjk_season_and_episode_counters(string name, string title, int season, string episodes) =>
        AssertReading(name, title, season, episodes);

    [Theory]
    [InlineData("[Kumo] Tide Song 第01話 [1080p]", "Tide Song", -1, "1")]
    [InlineData("【Maple Wind】[24（END）][1080p]", "Maple Wind", -1, "24")]
    [InlineData("[Rei] Ｓｔａｒ － ０５ ［１０８０ｐ］", "Star", -1, "5")]
    public void Cjk_episode_counters_end_tags_and_full_width_forms(string name, string title, int season, string episodes) =>
        AssertReading(name, title, season, episodes);

    [Fact]
    public void A_latin_title_beside_a_cjk_one_is_chosen_with_a_doubt()
    {
        var p = Parse("[Kumo] Sky Garden 空の庭 第05話 [1080p]");
        Assert.Equal("Sky Garden", p.ShowName);
        Assert.Contains("alternative titles", p.Reasoning, StringComparison.Ordinal);
        var latinOnly = Parse("[Kumo] Sky Garden 第05話 [1080p]");
        Assert.True(p.Confidence < latinOnly.Confidence, $"{p.Confidence} >= {latinOnly.Confidence}");
    }

    // ---------------------------------------------------------------- tags that belong to no title

    [Theory]
    [InlineData("[Kumo] Azure Crest Vol.2 - 05 [720p]", "Azure Crest", -1, "5")]
    [InlineData("[Rei] Winter Rose Volume 3 - 11", "Winter Rose", -1, "11")]
    [InlineData("[Kumo] Azure Crest (TV) - 05 [1080p]", "Azure Crest", -1, "5")]
    [InlineData("[Subz] Iron Garden (TV) 03 [720p]", "Iron Garden", -1, "3")]
    public void Volume_and_tv_tags_are_not_part_of_the_title(string name, string title, int season, string episodes) =>
        AssertReading(name, title, season, episodes);

    [Fact]
    public void Nearest_false_positive_a_word_vol_without_a_number_stays_in_the_title()
    {
        Assert.Equal("Vol de Nuit", Parse("Vol de Nuit - 04").ShowName);
    }

    // ---------------------------------------------------------------- competing markers

    [Theory]
    [InlineData("Stone Coast S01E02 Episode 5 720p", "episode 5")]
    [InlineData("Iron Bay 2x03 Part 4 720p", "S01E04")]
    [InlineData("River Town S02E07 Season 3 HDTV", "season 3")]
    public void A_marker_the_winner_did_not_absorb_is_named_as_the_rival(string name, string rival)
    {
        var p = Parse(name);
        Assert.Contains($"Rival reading: another marker in the name reads {rival}", p.Reasoning, StringComparison.Ordinal);
    }

    // ---------------------------------------------------------------- whole readings scored together

    [Theory]
    [InlineData("Harbor.Lights.S03.05.720p", "Harbor Lights", 3, "5")]
    [InlineData("Copper.Valley.S02.11.HDTV", "Copper Valley", 2, "11")]
    [InlineData("Night.Market.S05.07.WEB", "Night Market", 5, "7")]
    public void A_number_beside_a_season_pack_is_read_as_its_episode_because_that_reading_explains_more(string name, string title, int season, string episodes)
    {
        AssertReading(name, title, season, episodes);
        var p = Parse(name);
        Assert.False(p.FullSeason);
        Assert.Contains($"Rival reading: it could also be season {season} (margin ", p.Reasoning, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Harbor.Lights.S03.2019.720p", 3)]
    [InlineData("Copper.Valley.S02.1080p.HDTV", 2)]
    [InlineData("Night.Market.Season.1-3.1080p", 1)]
    public void Nearest_false_positive_a_season_pack_without_a_plain_number_beside_it_stays_a_pack(string name, int season)
    {
        var p = Parse(name);
        Assert.Equal(season, p.Season);
        Assert.Empty(p.Episodes);
        Assert.True(p.FullSeason, p.Reasoning);
    }

    [Fact]
    public void The_margin_to_the_runner_up_is_named_in_the_reasoning()
    {
        var fansub = Parse("[Kumo] Drifting Harbor - 1071 [1080p]");
        var plain = Parse("Drifting Harbor - 1071");
        Assert.Matches(@"Rival reading: it could also be S10E71 written compactly \(margin 0\.\d\d\)", fansub.Reasoning);

        // Fansub style agrees with absolute numbering, so the compact reading stays further behind there.
        Assert.True(Margin(fansub.Reasoning) > Margin(plain.Reasoning), fansub.Reasoning + " / " + plain.Reasoning);
    }

    [Theory]
    [InlineData("Harbor.Lights.S03E13_91.720p", "Harbor.Lights.S03E13_14.720p")]
    [InlineData("Copper Valley S04E01_31 Ending", "Copper Valley S04E01_02 Ending")]
    [InlineData("Night.Market.S02E05E09.HDTV", "Night.Market.S02E05E06.HDTV")]
    public void An_episode_list_with_a_jump_is_trusted_less_than_a_consecutive_one(string gapped, string consecutive)
    {
        var g = Parse(gapped);
        var c = Parse(consecutive);

        // Either the jump stays in the list (an E-chain) or the joined number is left out and named as unexplained.
        Assert.True(g.Episodes.Count >= 2 || g.Reasoning.Contains("not explained by the reading", StringComparison.Ordinal), g.Reasoning);
        Assert.True(g.Confidence < c.Confidence, $"{g.Confidence} !< {c.Confidence}: {g.Reasoning}");
    }

    [Fact]
    public void Nearest_false_positive_a_written_range_is_consecutive_and_keeps_its_confidence()
    {
        var range = Parse("Harbor.Lights.S03E13-E16.720p");
        var chain = Parse("Harbor.Lights.S03E13E14E15E16.720p");
        Assert.Equal([13, 14, 15, 16], range.Episodes);
        Assert.Equal(chain.Confidence, range.Confidence, 3);
    }

    private static double Margin(string reasoning)
    {
        var at = reasoning.IndexOf("(margin ", StringComparison.Ordinal) + "(margin ".Length;
        return double.Parse(reasoning.AsSpan(at, 4), System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public void Nearest_false_positive_markers_merged_into_the_winner_are_no_rival()
    {
        var p = Parse("River Town S07E22 - S07E23 720p");
        Assert.Equal([22, 23], p.Episodes);
        Assert.DoesNotContain("Rival reading", p.Reasoning, StringComparison.Ordinal);
    }
}
