using Episodic.Core.Model;
using Episodic.Core.Parsing;
using Xunit;

namespace Episodic.Tests.Parsing;

/// <summary>
/// Classes of names the torrent-title and SickGear sources showed the parser reading wrong (issue 16): ordinal and
/// number-first season words, episodes joined by "and", markers glued to words or written with look-alike letters,
/// a bracketed season-episode, Russian abbreviations and transliterations, and the two forms the sources disagree on
/// (a 4-digit "Cap." code, a "Part" after a season). Three invented names per class (none is a corpus row) and the
/// nearest false positive of each. Expected: title | season (-1 = none) | episodes.
/// </summary>
public sealed class MarkerShapeClassTests
{
    private static EpisodeParse Parse(string name) => ParsedNames.Episode(name);

    private static void AssertReading(string name, string title, int season, string episodes)
    {
        var p = Parse(name);
        Assert.Equal(title, p.ShowName);
        Assert.Equal(season < 0 ? null : season, p.Season);
        Assert.Equal(ParsedNames.Ints(episodes), p.Episodes.Count > 0 ? p.Episodes : p.AbsoluteEpisodes);
    }

    // ---------------------------------------------------------------- ordinal and number-first season words

    [Theory]
    [InlineData("Faro del Sur - 2ª Temporada Completa 720p", "Faro del Sur", 2)]
    [InlineData("Casa Azul 04ª Temporada 1080p", "Casa Azul", 4)]
    [InlineData("Ponte Velha 3º Temporada Dublado", "Ponte Velha", 3)]
    [InlineData("Rio Escuro 5° Temporada HDTV", "Rio Escuro", 5)]
    [InlineData("Vale Verde - 1a. Temporada", "Vale Verde", 1)]
    [InlineData("Harbor Lights 7 th season", "Harbor Lights", 7)]
    [InlineData("Torre Alta 6 Temporada 720p", "Torre Alta", 6)]
    [InlineData("Los Vecinos Temp 3 DVDrip", "Los Vecinos", 3)]
    public void An_ordinal_or_a_number_before_a_season_word_is_the_season(string name, string title, int season)
    {
        var p = Parse(name);
        Assert.Equal(title, p.ShowName);
        Assert.Equal(season, p.Season);
        Assert.True(p.FullSeason, p.Reasoning);
    }

    [Theory]
    [InlineData("Faro del Sur 1ª a 5ª Temporada Completa [1080p]", "Faro del Sur", 1)]
    [InlineData("Copper Valley 2nd to 4th Season WEB-DL", "Copper Valley", 2)]
    [InlineData("Ponte Velha 1º-3º Temporada", "Ponte Velha", 1)]
    public void Two_ordinals_joined_by_a_range_word_are_a_pack_of_seasons(string name, string title, int season)
    {
        var p = Parse(name);
        Assert.Equal(title, p.ShowName);
        Assert.Equal(season, p.Season);
        Assert.True(p.FullSeason, p.Reasoning);
    }

    [Fact]
    public void Nearest_false_positive_a_number_and_a_short_word_before_a_marker_stay_in_the_title()
    {
        // "2 a Day" is no ordinal: the season word must follow the suffix at once.
        AssertReading("Meals 2 a Day S01E02 720p", "Meals 2 a Day", 1, "2");
        // "Temp" stands alone as a season word only before its number; a title word "Temp" stays.
        AssertReading("The Temp S02E05 HDTV", "The Temp", 2, "5");
    }

    // ---------------------------------------------------------------- episodes joined by "and"

    [Theory]
    [InlineData("Harbor Lights S01E01 and E02 720p", "Harbor Lights", 1, "1,2")]
    [InlineData("Copper.Valley.Part.1.and.Part.2.HDTV-GRP", "Copper Valley", 1, "1,2")]
    [InlineData("Night Market S03E07 and E08 WEB-DL", "Night Market", 3, "7,8")]
    [InlineData("Pine.Ridge.S02E04.and.S02E05.720p", "Pine Ridge", 2, "4,5")]
    public void And_between_two_episode_markers_lists_both(string name, string title, int season, string episodes) =>
        AssertReading(name, title, season, episodes);

    [Theory]
    [InlineData("Harbor.Lights.S01E05.Rise.and.Fall.720p", "Harbor Lights", 1, "5")]
    [InlineData("Copper Valley S02E03 and 2 More Stories", "Copper Valley", 2, "3")]
    public void Nearest_false_positive_and_before_words_or_a_bare_number_is_the_episode_title(string name, string title, int season, string episodes) =>
        AssertReading(name, title, season, episodes);

    // ---------------------------------------------------------------- glued markers and look-alike letters

    [Theory]
    [InlineData("The.Lantern.Keepers1x04.HDTV.XviD.avi", "The Lantern Keepers", 1, "4")]
    [InlineData("Harbor_Lights_S02E05Les_ombres.mkv", "Harbor Lights", 2, "5")]
    [InlineData("Ponte Velha - T03E11.mp4", "Ponte Velha", 3, "11")]
    [InlineData("Torre Alta 02E09.mkv", "Torre Alta", 2, "9")]
    [InlineData("Маяк / Lighthouse [03х02-04] HDTVRip", "Lighthouse", 3, "2,3,4")]
    [InlineData("Copper Valley 2×07 720p", "Copper Valley", 2, "7")]
    public void Markers_glued_to_words_or_written_with_look_alike_letters_are_read(string name, string title, int season, string episodes) =>
        AssertReading(name, title, season, episodes);

    [Theory]
    [InlineData("Setup.Win10x64.Tools")]
    [InlineData("Harbor Lights 1920х1080")]
    public void Nearest_false_positive_an_architecture_or_a_resolution_is_no_cross_marker(string name) =>
        Assert.False(RuleParser.Default.Parse(name).IsEpisode, name);

    [Fact]
    public void Nearest_false_positive_a_version_or_part_letter_after_a_marker_is_not_split_off()
    {
        var version = Parse("Harbor.Lights.S01E02v2.720p");
        Assert.Equal([2], version.Episodes);
        Assert.Equal(2, version.Version);
        AssertReading("Harbor.Lights.S01E01E02.720p", "Harbor Lights", 1, "1,2");
    }

    // ---------------------------------------------------------------- each glued shape alone, three names apiece

    [Theory]
    [InlineData("lumen-ferrys01e04.mkv", "lumen-ferry", 1, "4")]
    [InlineData("drift-baykos02e11.mp4", "drift-bayko", 2, "11")]
    [InlineData("owlbear-denos03e05.avi", "owlbear-deno", 3, "5")]
    public void A_lower_case_marker_glued_after_a_word_is_split_off(string name, string title, int season, string episodes) =>
        AssertReading(name, title, season, episodes);

    [Fact]
    public void Nearest_false_positive_a_glued_marker_with_a_one_digit_episode_is_not_split_off() =>
        Assert.False(RuleParser.Default.Parse("darkness1e5.mkv").IsEpisode);

    [Theory]
    [InlineData("Ferryman2x07.HDTV.mkv", "Ferryman", 2, "7")]
    [InlineData("Old.Quarry3x12.720p.mkv", "Old Quarry", 3, "12")]
    [InlineData("Birchwood1x05.avi", "Birchwood", 1, "5")]
    public void A_cross_marker_glued_after_a_word_of_four_letters_is_split_off(string name, string title, int season, string episodes) =>
        AssertReading(name, title, season, episodes);

    [Fact]
    public void Nearest_false_positive_a_cross_glued_after_three_letters_stays_whole() =>
        Assert.False(RuleParser.Default.Parse("Ark2x05.avi").IsEpisode);

    [Theory]
    [InlineData("Copper.Valley.S01E03Bridges.720p.mkv", "Copper Valley", 1, "3")]
    [InlineData("Quarry_Town_S04E10Finale.mkv", "Quarry Town", 4, "10")]
    [InlineData("Fog Island S02E08Tides.mkv", "Fog Island", 2, "8")]
    public void A_capitalised_word_glued_after_a_marker_is_split_off(string name, string title, int season, string episodes) =>
        AssertReading(name, title, season, episodes);

    [Theory]
    [InlineData("Rio Manso T01E04.mkv", "Rio Manso", 1, "4")]
    [InlineData("Serra Azul - T05E10 720p.mkv", "Serra Azul", 5, "10")]
    [InlineData("Vale.Fundo.T02E13.mp4", "Vale Fundo", 2, "13")]
    [InlineData("Lago Negro 03E05.mkv", "Lago Negro", 3, "5")]
    [InlineData("Casa Amarela 01E12.avi", "Casa Amarela", 1, "12")]
    [InlineData("Pedra Alta 04E02.mp4", "Pedra Alta", 4, "2")]
    public void A_temporada_T_marker_or_a_bare_two_by_two_digit_marker_is_season_and_episode(string name, string title, int season, string episodes) =>
        AssertReading(name, title, season, episodes);

    [Theory]
    [InlineData("Robo T1000 Manual.mkv")]
    [InlineData("Sample 1E10 Values.mkv")]
    public void Nearest_false_positive_a_T_model_number_or_a_one_digit_exponent_is_no_marker(string name) =>
        Assert.False(RuleParser.Default.Parse(name).IsEpisode, name);

    // ---------------------------------------------------------------- a bracketed season-episode

    [Theory]
    [InlineData("[Kumo] Drifting Harbor 52 (S3-14) [1080p]", "Drifting Harbor 52", 3, "14")]
    [InlineData("[Grp] Lantern Keepers [S2-05] [720p]", "Lantern Keepers", 2, "5")]
    [InlineData("Ocean Tale 40 (S4-16) [1080p HEVC]", "Ocean Tale 40", 4, "16")]
    public void A_season_and_a_two_digit_number_alone_in_a_bracket_are_season_and_episode(string name, string title, int season, string episodes) =>
        AssertReading(name, title, season, episodes);

    [Fact]
    public void Nearest_false_positive_a_one_digit_number_after_a_bracketed_season_stays_a_pack()
    {
        var p = Parse("Harbor Lights (S1-3) [1080p]");
        Assert.Equal(1, p.Season);
        Assert.Empty(p.Episodes);
    }

    // ---------------------------------------------------------------- Russian abbreviations and transliterations

    [Theory]
    [InlineData("Маяк. Сезон №4. Серия №12.avi", 4, "12")]
    [InlineData("Lighthouse.(3.sez.07.ser.iz.20).2015.HDTVRip.avi", 3, "7")]
    [InlineData("Mayak.(5.sezon.02.serija.iz.10).2011.DVDRip.avi", 5, "2")]
    [InlineData("Маяк / Lighthouse / Сезон: 2 / Серии: 1-4 [WEB-DL 1080p]", 2, "1,2,3,4")]
    [InlineData("Ветер. Сезон №2. Серия №5.mkv", 2, "5")]
    [InlineData("Ночь Сезон №7 Серия №3 HDTV.avi", 7, "3")]
    [InlineData("Veter.4.sezon.11.serija.2019.mkv", 4, "11")]
    [InlineData("Nochka.(2.sez.09.ser.iz.12).HDTV.avi", 2, "9")]
    public void Russian_numbered_signs_abbreviations_and_latin_transliterations_are_season_and_episode(string name, int season, string episodes)
    {
        var p = Parse(name);
        Assert.Equal(season, p.Season);
        Assert.Equal(episodes.Split(',').Select(int.Parse).ToArray(), p.Episodes);
    }

    [Theory]
    [InlineData("Маяк (07 сер.) - webrip.mkv", "7")]
    [InlineData("Ветер (12 сер.) 720p.mkv", "12")]
    [InlineData("Ночь 03 сер. HDTV.mkv", "3")]
    public void The_abbreviation_ser_after_a_number_is_the_episode(string name, string episodes) =>
        Assert.Equal(episodes.Split(',').Select(int.Parse).ToArray(), Parse(name).Episodes);

    [Fact]
    public void Nearest_false_positive_a_number_sign_without_a_season_word_is_the_episode_not_a_season() =>
        AssertReading("Ветер №5.mkv", "Ветер", -1, "5");

    [Fact]
    public void Nearest_false_positive_a_polish_word_first_sezon_keeps_its_order()
    {
        // "sezon" is number-first only in the transliterated row; Polish still writes "Sezon 2 Odcinek 7".
        AssertReading("Latarnia Sezon 2 Odcinek 7", "Latarnia", 2, "7");
    }

    // ---------------------------------------------------------------- HD-prefixed resolutions are noise

    [Theory]
    [InlineData("Harbor Lights HD1080 09", "Harbor Lights", "9")]
    [InlineData("Copper Valley HD720 - 14", "Copper Valley", "14")]
    [InlineData("Night Market FHD1080 22", "Night Market", "22")]
    public void A_resolution_written_after_HD_is_noise_not_title(string name, string title, string episodes) =>
        AssertReading(name, title, -1, episodes);

    [Fact]
    public void Nearest_false_positive_an_HD_word_with_another_number_stays_in_the_title() =>
        AssertReading("HD100 Countdown - 05", "HD100 Countdown", -1, "5");

    // ---------------------------------------------------------------- forms the sources disagree on: lower confidence

    [Theory]
    [InlineData("Faro del Sur - Temporada 12 [HDTV][Cap.1207][Castellano].mkv", 12, 7)]
    [InlineData("Casa Azul [HDTV 720p][Cap.1004][AC3 Castellano]", 10, 4)]
    [InlineData("Torre Alta - Temporada 14 [Cap.1402]", 14, 2)]
    public void A_four_digit_cap_code_reads_season_and_episode_with_the_whole_number_as_a_named_rival(string name, int season, int episode)
    {
        var p = Parse(name);
        Assert.Equal(season, p.Season);
        Assert.Equal([episode], p.Episodes);
        Assert.Contains($"absolute episode {(season * 100) + episode}", p.Reasoning, StringComparison.Ordinal);
    }

    [Fact]
    public void Nearest_false_positive_a_three_digit_cap_code_has_no_whole_number_rival()
    {
        var p = Parse("Faro del Sur - Temporada 1 [HDTV][Cap.104][Castellano].mkv");
        Assert.Equal(1, p.Season);
        Assert.Equal([4], p.Episodes);
        Assert.DoesNotContain("absolute episode 104", p.Reasoning, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Harbor.Lights.Season.3.Part.IV", 3, "S03E04")]
    [InlineData("Copper.Valley.S02.Part.1.1080p.WEBRip", 2, "S02E01")]
    [InlineData("Night.Market.Season.5.Part.2.720p", 5, "S05E02")]
    public void A_part_after_a_season_names_that_seasons_episode_as_the_rival(string name, int season, string rival)
    {
        var p = Parse(name);
        Assert.Equal(season, p.Season);
        Assert.Contains(rival, p.Reasoning, StringComparison.Ordinal);
    }

    [Fact]
    public void Nearest_false_positive_a_part_after_an_episode_title_has_no_season_rival()
    {
        var p = Parse("Harbor.Lights.S03.Long.Night.Part.2.720p");
        Assert.DoesNotContain("S03E02", p.Reasoning, StringComparison.Ordinal);
    }

    // ---------------------------------------------------------------- a number prefix before a spaced title

    [Theory]
    [InlineData("212.Harbor Lights.s05e09", "Harbor Lights", 5, "9")]
    [InlineData("1042.Copper Valley Saga.S12E04.720p", "Copper Valley Saga", 12, "4")]
    [InlineData("388.Night Market.s03e118", "Night Market", 3, "118")]
    public void A_number_dotted_to_a_spaced_title_is_a_prefix_not_the_title(string name, string title, int season, string episodes) =>
        AssertReading(name, title, season, episodes);

    [Theory]
    [InlineData("101.Harbor.Lights.S01E01.720p", "101 Harbor Lights", 1, "1")]
    [InlineData("1923.Copper.Valley.S01E02", "1923 Copper Valley", 1, "2")]
    public void Nearest_false_positive_a_number_in_a_dotted_title_or_a_year_stays(string name, string title, int season, string episodes) =>
        AssertReading(name, title, season, episodes);

    // ---------------------------------------------------------------- a scene abbreviation under its release folder

    [Theory]
    [InlineData("Harbor.Lights.S02E05.720p.HDTV.x264-GRP/grp-hl.s02e05.720p.mkv", "Harbor Lights", 2, "5")]
    [InlineData("Copper.Valley.S01E03.1080p.WEB-XYZ/xyz-cv.s01e03.mkv", "Copper Valley", 1, "3")]
    [InlineData("Night.Market.S04E11.HDTV-LOL/lol-nm.s04e11.avi", "Night Market", 4, "11")]
    public void A_scene_abbreviation_file_takes_the_release_folders_title(string name, string title, int season, string episodes) =>
        AssertReading(name, title, season, episodes);

    [Theory]
    [InlineData("grp-hl.s02e05.720p.mkv", "grp-hl", 2, "5")]
    [InlineData("Downloads/Harbor.Lights.S02E05.720p.mkv", "Harbor Lights", 2, "5")]
    public void Nearest_false_positive_without_a_folder_or_with_a_real_title_the_file_keeps_its_title(string name, string title, int season, string episodes) =>
        AssertReading(name, title, season, episodes);

    // ---------------------------------------------------------------- a number joined by an underscore after the marker

    [Theory]
    [InlineData("Harbor.Lights.S02E04_27.720p", 2, 4)]
    [InlineData("Copper Valley S05E10_88 Finale", 5, 10)]
    [InlineData("Night_Market_S01E03_45_HDTV", 1, 3)]
    public void A_number_joined_by_an_underscore_after_the_marker_is_a_named_rival(string name, int season, int episode)
    {
        var p = Parse(name);
        Assert.Equal(season, p.Season);
        Assert.Equal([episode], p.Episodes);
        Assert.Contains("Rival reading", p.Reasoning, StringComparison.Ordinal);
    }

    [Fact]
    public void Nearest_false_positive_the_next_episode_after_an_underscore_joins_the_list_without_a_rival()
    {
        var p = Parse("Harbor.Lights.S02E04_05.720p");
        Assert.Equal([4, 5], p.Episodes);
        Assert.DoesNotContain("Rival reading", p.Reasoning, StringComparison.Ordinal);
    }
}
