using Episodic.Core.Model;
using Episodic.Core.Parsing;
using Xunit;

namespace Episodic.Tests;

/// <summary>
/// The rule parser's required coverage, one table per naming pattern. Every name here is invented for this file
/// (none is copied from testdata/corpus), so these tables pin behaviour rather than memorised strings.
/// Conventions: a season of -1 means "must be null"; episode lists are comma-separated.
/// </summary>
public sealed class ParserCoverageTests
{
    // ---------------------------------------------------------------- helpers

    /// <summary>Parses and checks the invariants every result must satisfy, whatever the input.</summary>
    private static EpisodeParse Parse(string input)
    {
        var p = RuleParser.Default.Parse(input);
        Assert.NotNull(p);
        Assert.Equal(input, p.Input);
        Assert.Equal(AnswerSource.Rules, p.Source);
        Assert.False(string.IsNullOrWhiteSpace(p.Reasoning), "Reasoning must be a non-empty sentence.");
        Assert.InRange(p.Confidence, 0.0, 1.0);
        return p;
    }

    /// <summary>Parses a name that is an episode and checks it was recognised as one.</summary>
    private static EpisodeParse ParseEpisode(string input)
    {
        var p = Parse(input);
        Assert.True(p.IsEpisode, $"'{input}' should be read as an episode; reasoning: {p.Reasoning}");
        Assert.True(p.Confidence > 0, $"'{input}' is an episode, so its confidence should be above 0.");
        return p;
    }

    private static int[] Ints(string csv) =>
        csv.Length == 0 ? [] : csv.Split(',').Select(s => int.Parse(s.Trim(), System.Globalization.CultureInfo.InvariantCulture)).ToArray();

    private static int? Season(int season) => season < 0 ? null : season;

    /// <summary>Episode numbers wherever the parser put them: season-relative first, else absolute.</summary>
    private static IReadOnlyList<int> AnyEpisodes(EpisodeParse p) => p.Episodes.Count > 0 ? p.Episodes : p.AbsoluteEpisodes;

    private static void AssertSeasonEpisodes(EpisodeParse p, int season, string episodes)
    {
        Assert.Equal(Season(season), p.Season);
        if (season < 0)
        {
            // No explicit season: the sources disagree on season-relative vs absolute, so accept either list.
            Assert.Equal(Ints(episodes), AnyEpisodes(p));
        }
        else
        {
            Assert.Equal(Ints(episodes), p.Episodes);
            Assert.Equal(Ints(episodes)[0], p.Episode);
        }
    }

    // ---------------------------------------------------------------- SxxEyy and variants

    [Theory]
    [InlineData("Harbor.Lights.S01E07.1080p.WEB-DL.DDP5.1.H.264-NTb", "Harbor Lights", 1, 7)]
    [InlineData("Harbor Lights S03 E04 720p HDTV x264-GRP", "Harbor Lights", 3, 4)]
    [InlineData("Harbor_Lights_S01_E02_[720p]", "Harbor Lights", 1, 2)]
    [InlineData("Harbor.Lights.s01.e05.720p.hdtv", "Harbor Lights", 1, 5)]
    [InlineData("Harbor Lights S1E1 HDTV", "Harbor Lights", 1, 1)]
    [InlineData("Harbor Lights - S02E11 - 1080p", "Harbor Lights", 2, 11)]
    [InlineData("Copper Valley S2024E01 1080p WEB h264-GRP", "Copper Valley", 2024, 1)]
    [InlineData("Copper.Valley.S01E01v2.720p", "Copper Valley", 1, 1)]
    [InlineData("Copper.Valley.s12e104.web.x264", "Copper Valley", 12, 104)]
    public void SxxEyy_variants(string input, string show, int season, int episode)
    {
        var p = ParseEpisode(input);
        Assert.Equal(show, p.ShowName);
        Assert.Equal(season, p.Season);
        Assert.Equal([episode], p.Episodes);
        Assert.Equal(episode, p.Episode);
        Assert.False(p.FullSeason);
    }

    // ---------------------------------------------------------------- NxNN

    [Theory]
    [InlineData("Copper Valley 4x05 HDTV", "Copper Valley", 4, 5)]
    [InlineData("Copper.Valley.01x04.720p.HDTV", "Copper Valley", 1, 4)]
    [InlineData("Copper Valley - 2x13 - Night Shift", "Copper Valley", 2, 13)]
    public void NxNN(string input, string show, int season, int episode)
    {
        var p = ParseEpisode(input);
        Assert.Equal(show, p.ShowName);
        Assert.Equal(season, p.Season);
        Assert.Equal([episode], p.Episodes);
    }

    // ---------------------------------------------------------------- compact numbers

    [Theory]
    [InlineData("Gilded.Hours.103.HDTV.XviD-GRP", "Gilded Hours", 1, 3)]
    [InlineData("Gilded.Hours.1013.HDTV.x264-GRP", "Gilded Hours", 10, 13)]
    [InlineData("Gilded.Hours.205.1080p.x264.DD5.1", "Gilded Hours", 2, 5)]
    public void Compact_season_episode_numbers(string input, string show, int season, int episode)
    {
        var p = ParseEpisode(input);
        Assert.Equal(show, p.ShowName);
        Assert.Equal(season, p.Season);
        Assert.Equal([episode], p.Episodes);
    }

    /// <summary>Resolutions, codecs, years and audio channels sit beside the real numbers and are never episodes.</summary>
    [Theory]
    [InlineData("Gilded.Hours.S02E05.1080p.DD5.1.x264-GRP", 2, "5")]
    [InlineData("Gilded Hours 2010 S02E05 720p x264", 2, "5")]
    [InlineData("Gilded.Hours.S02E05.2160p.HDR.DDP5.1.Atmos.x265-GRP", 2, "5")]
    [InlineData("[Lantern] Gilded Hours - 07 [1080p][x264][AAC 5.1]", -1, "7")]
    [InlineData("[Lantern] Gilded Hours - 07 (BD 1920x1080 x265 10bit FLAC)", -1, "7")]
    public void Release_numbers_are_never_episodes(string input, int season, string episodes)
    {
        var p = ParseEpisode(input);
        AssertSeasonEpisodes(p, season, episodes);
        foreach (var noise in new[] { 1080, 2160, 720, 264, 265, 2010, 51, 1920, 10 })
        {
            Assert.DoesNotContain(noise, p.Episodes);
            Assert.DoesNotContain(noise, p.AbsoluteEpisodes);
        }
    }

    // ---------------------------------------------------------------- multi-episode

    [Theory]
    [InlineData("Night.Market.S01E01E02.720p.HDTV", 1, "1,2")]
    [InlineData("Night.Market.S01E01-E03.720p.HDTV", 1, "1,2,3")]
    [InlineData("Night.Market.S01E01-03.720p.HDTV", 1, "1,2,3")]
    [InlineData("Night Market 1x01-02-03 HDTV", 1, "1,2,3")]
    [InlineData("Night.Market.S02E10E11E12.1080p.WEB", 2, "10,11,12")]
    [InlineData("Night Market Ep 05-06 720p", -1, "5,6")]
    public void Multi_episode(string input, int season, string episodes)
    {
        var p = ParseEpisode(input);
        Assert.Equal("Night Market", p.ShowName);
        AssertSeasonEpisodes(p, season, episodes);
    }

    // ---------------------------------------------------------------- worded seasons and episodes

    [Theory]
    [InlineData("Night Market Season 2 Episode 5 720p", 2, "5")]
    [InlineData("Night.Market.Season.2.Episode.5.720p", 2, "5")]
    [InlineData("Night Market 3rd Season 49 [1080p]", 3, "49")]
    [InlineData("[Lantern] Night Market 2nd Season - 14 [720p]", 2, "14")]
    [InlineData("[Lantern] Night Market S2 - 07 [1080p]", 2, "7")]
    [InlineData("[Lantern] Night Market Season 2 - 06 [1080p]", 2, "6")]
    [InlineData("Night Market Ep 12 [720p]", -1, "12")]
    [InlineData("Night Market Ep.12 720p", -1, "12")]
    [InlineData("Night Market Episode 12 [720p]", -1, "12")]
    public void Worded_seasons_and_episodes(string input, int season, string episodes)
    {
        var p = ParseEpisode(input);
        Assert.Equal("Night Market", p.ShowName);
        AssertSeasonEpisodes(p, season, episodes);
    }

    // ---------------------------------------------------------------- anime fansub names

    [Theory]
    [InlineData("[Lantern] Silver Orchard - 06 (1080p) [ABCD1234].mkv", "Lantern", "Silver Orchard", 6, "ABCD1234")]
    [InlineData("[Lantern] Silver Orchard - 06 [720p][5E6F7A8B].mkv", "Lantern", "Silver Orchard", 6, "5E6F7A8B")]
    [InlineData("[Moon-Fansubs] Silver Orchard - 112 [1080p HEVC][9C0D1E2F].mkv", "Moon-Fansubs", "Silver Orchard", 112, "9C0D1E2F")]
    [InlineData("[Lantern] Pirate Voyage - 1000 (1080p) [0F1E2D3C].mkv", "Lantern", "Pirate Voyage", 1000, "0F1E2D3C")]
    [InlineData("[Lantern]_Silver_Orchard_-_03_[1080p]_[A1B2C3D4].mkv", "Lantern", "Silver Orchard", 3, "A1B2C3D4")]
    [InlineData("[Lantern] Silver Orchard - 06 (1080p) [abcd1234].mkv", "Lantern", "Silver Orchard", 6, "ABCD1234")]
    public void Anime_absolute_numbering(string input, string group, string show, int episode, string crc)
    {
        var p = ParseEpisode(input);
        Assert.Equal(show, p.ShowName);
        Assert.Null(p.Season);
        Assert.Equal([episode], AnyEpisodes(p));
        Assert.Equal(crc, p.Crc32);
        Assert.Equal(group, p.ReleaseGroup);
    }

    [Theory]
    [InlineData("[Lantern] Silver Orchard - 01v2 (1080p) [ABCD1234].mkv", -1, "1", 2)]
    [InlineData("[Lantern] Silver Orchard - 12v3 [720p].mkv", -1, "12", 3)]
    [InlineData("Copper.Valley.S01E01v2.720p", 1, "1", 2)]
    public void Versions(string input, int season, string episodes, int version)
    {
        var p = ParseEpisode(input);
        AssertSeasonEpisodes(p, season, episodes);
        Assert.Equal(version, p.Version);
    }

    [Theory]
    [InlineData("[Lantern] Silver Orchard - 06 (1080p).mkv", "Lantern")]
    [InlineData("[Moon-Fansubs] Silver Orchard - 06 [720p].mkv", "Moon-Fansubs")]
    [InlineData("Harbor.Lights.S01E07.1080p.WEB-DL.DDP5.1.H.264-NTb", "NTb")]
    [InlineData("Copper.Valley.S02E03.720p.HDTV.x264-KILLJOYS", "KILLJOYS")]
    [InlineData("Copper.Valley.S02E03.720p.HDTV.x264-FLEET.mkv", "FLEET")]
    public void Release_groups(string input, string group)
    {
        var p = ParseEpisode(input);
        Assert.Equal(group, p.ReleaseGroup);
        Assert.DoesNotContain(group, p.ShowName ?? "", StringComparison.Ordinal);
    }

    // ---------------------------------------------------------------- daily shows

    [Theory]
    [InlineData("The.Evening.Desk.2011.04.18.Guest.Name.720p.HDTV.x264-GRP")]
    [InlineData("The Evening Desk 2011-04-18 HDTV")]
    [InlineData("The.Evening.Desk.18.04.2011.PDTV")]
    [InlineData("The.Evening.Desk.20110418.WEB.h264")]
    public void Daily_shows(string input)
    {
        var p = ParseEpisode(input);
        Assert.Equal("The Evening Desk", p.ShowName);
        Assert.Equal(new DateOnly(2011, 4, 18), p.AirDate);
        Assert.DoesNotContain(2011, p.Episodes);
        Assert.DoesNotContain(18, p.Episodes);
    }

    // ---------------------------------------------------------------- season packs

    [Theory]
    [InlineData("Copper.Valley.S01.1080p.BluRay.x264-GRP", 1)]
    [InlineData("Copper Valley Season 1 Complete 720p", 1)]
    [InlineData("Copper.Valley.S01-S03.1080p.WEB-DL", 1)]
    [InlineData("Copper Valley S04 COMPLETE 2160p WEB", 4)]
    public void Season_packs(string input, int season)
    {
        var p = ParseEpisode(input);
        Assert.Equal("Copper Valley", p.ShowName);
        Assert.True(p.FullSeason);
        Assert.Equal(season, p.Season);
        Assert.Empty(p.Episodes);
    }

    // ---------------------------------------------------------------- specials

    [Fact]
    public void Season_zero_is_a_special()
    {
        var p = ParseEpisode("Copper.Valley.S00E01.Behind.the.Scenes.720p");
        Assert.Equal("Copper Valley", p.ShowName);
        Assert.Equal(0, p.Season);
        Assert.Equal([1], p.Episodes);
        Assert.True(p.Special);
    }

    [Theory]
    [InlineData("[Lantern] Silver Orchard - SP01 [1080p].mkv")]
    [InlineData("[Lantern] Silver Orchard OVA [1080p].mkv")]
    [InlineData("[Lantern] Silver Orchard - OVA 2 [720p].mkv")]
    public void Sp_and_ova_are_specials(string input)
    {
        var p = Parse(input);
        Assert.True(p.Special, $"'{input}' is a special; reasoning: {p.Reasoning}");
        Assert.Equal("Silver Orchard", p.ShowName);
    }

    [Fact]
    public void Regular_episodes_are_not_specials()
    {
        Assert.False(ParseEpisode("Copper.Valley.S02E03.720p").Special);
        Assert.False(ParseEpisode("[Lantern] Silver Orchard - 06 (1080p).mkv").Special);
    }

    // ---------------------------------------------------------------- years

    [Theory]
    [InlineData("Lighthouse Keepers 2010 S01E01 720p")]
    [InlineData("Lighthouse.Keepers.2010.S01E01.720p")]
    [InlineData("Lighthouse Keepers (2010) S01E01 720p")]
    [InlineData("Lighthouse Keepers (2010) - S01E01 - Pilot")]
    public void Year_is_kept_apart_from_the_show_name(string input)
    {
        var p = ParseEpisode(input);
        Assert.Equal("Lighthouse Keepers", p.ShowName);
        Assert.Equal(2010, p.Year);
        Assert.Equal(1, p.Season);
        Assert.Equal([1], p.Episodes);
    }

    // ---------------------------------------------------------------- numeric titles

    [Theory]
    [InlineData("24.S03E07.720p.HDTV.x264-GRP", "24", 3, "7")]
    [InlineData("9-1-1.S02E03.1080p.WEB.h264-GRP", "9-1-1", 2, "3")]
    [InlineData("The.100.S04E02.720p.HDTV", "The 100", 4, "2")]
    [InlineData("Route 66 Diaries S01E02 720p", "Route 66 Diaries", 1, "2")]
    [InlineData("[Lantern] Kaijuu 8-gou - 01 [1080p].mkv", "Kaijuu 8-gou", -1, "1")]
    [InlineData("[Lantern] Mob 100 - 03 [720p].mkv", "Mob 100", -1, "3")]
    public void Numeric_titles(string input, string show, int season, string episodes)
    {
        var p = ParseEpisode(input);
        Assert.Equal(show, p.ShowName);
        AssertSeasonEpisodes(p, season, episodes);
    }

    // ---------------------------------------------------------------- paths

    [Theory]
    [InlineData("Silver Orchard/Season 2/05.mkv", "Silver Orchard", 2, 5)]
    [InlineData("/media/tv/Silver Orchard/Season 02/Episode 05.mkv", "Silver Orchard", 2, 5)]
    [InlineData("tv/Harbor Lights/Season 03/Harbor.Lights.S03E04.720p.mkv", "Harbor Lights", 3, 4)]
    [InlineData("D:\\TV\\Silver Orchard\\Season 2\\05.mkv", "Silver Orchard", 2, 5)]
    public void Paths(string input, string show, int season, int episode)
    {
        var p = ParseEpisode(input);
        Assert.Equal(input, p.Input);
        Assert.Equal(show, p.ShowName);
        Assert.Equal(season, p.Season);
        Assert.Equal([episode], p.Episodes);
    }

    // ---------------------------------------------------------------- episode titles and release noise

    [Theory]
    [InlineData("Copper.Valley.S02E03.The.Long.Goodbye.720p.HDTV.x264-GRP", "Copper Valley")]
    [InlineData("Copper Valley 4x05 The Long Night HDTV", "Copper Valley")]
    [InlineData("Copper Valley - S01E09 - A Quiet Harvest [1080p]", "Copper Valley")]
    [InlineData("[Lantern] Silver Orchard - 06 - The Garden Gate [1080p].mkv", "Silver Orchard")]
    public void Episode_titles_do_not_leak_into_the_show_name(string input, string show)
    {
        var p = ParseEpisode(input);
        Assert.Equal(show, p.ShowName);
    }

    [Theory]
    [InlineData("Harbor.Lights.S01E07.1080p.WEB-DL.DDP5.1.H.264-NTb")]
    [InlineData("Harbor.Lights.S01E07.PROPER.720p.HDTV.x265-GRP")]
    [InlineData("Harbor.Lights.S01E07.REPACK.1080p.HEVC.10bit-GRP")]
    [InlineData("[Lantern] Harbor Lights - 07 [1080p][HEVC][10bit][FLAC][Dual-Audio].mkv")]
    [InlineData("Harbor Lights S01E07 Dual-Audio 1080p BluRay FLAC x265")]
    [InlineData("Harbor.Lights.PROPER.S01E07.720p.WEB-DL")]
    public void Release_noise_is_never_in_the_show_name(string input)
    {
        var p = ParseEpisode(input);
        Assert.Equal("Harbor Lights", p.ShowName);
        foreach (var noise in new[] { "1080p", "720p", "x265", "WEB-DL", "DDP5", "HEVC", "10bit", "FLAC", "Dual-Audio", "PROPER", "REPACK" })
        {
            Assert.DoesNotContain(noise, p.ShowName ?? "", StringComparison.OrdinalIgnoreCase);
        }
    }

    // ---------------------------------------------------------------- title normalisation

    [Theory]
    [InlineData("Paper_Lantern_Club_S01E02_720p", "Paper Lantern Club")]
    [InlineData("Paper.Lantern.Club.S01E02.720p", "Paper Lantern Club")]
    [InlineData("Dr. Quill S01E04 720p WEB", "Dr. Quill")]
    [InlineData("[Lantern] Dr. Quill - 04 [1080p].mkv", "Dr. Quill")]
    [InlineData("MOONLIT.BAKERY.S01E03.1080p.WEB.H264-GRP", "Moonlit Bakery")]
    [InlineData("[Lantern] MOONLIT BAKERY - 03 [1080p].mkv", "Moonlit Bakery")]
    [InlineData("[Lantern] Go Go Rangers!! - 05 [720p].mkv", "Go Go Rangers!!")]
    [InlineData("Knights & Knaves S02E06 720p HDTV", "Knights & Knaves")]
    [InlineData("Developers & Coders S01E02 1080p WEB", "Developers & Coders")]
    public void Title_normalisation(string input, string show)
    {
        var p = ParseEpisode(input);
        Assert.Equal(show, p.ShowName, StringComparer.Ordinal);
    }

    // ---------------------------------------------------------------- non-episodes

    [Theory]
    [InlineData("Quiet.Harbour.Film.2019.1080p.BluRay.x264-GRP")]
    [InlineData("Gilded.Hours.2010.1080p.BluRay.x264.DTS5.1-GRP")]
    [InlineData("7be0c94d1f2a4e8b9c3d5e6f70812a9b")]
    [InlineData("JUST SOME WORDS HERE")]
    [InlineData("readme.txt")]
    public void Non_episodes_are_rejected(string input)
    {
        var p = Parse(input);
        Assert.False(p.IsEpisode, $"'{input}' is not an episode; reasoning: {p.Reasoning}");
        Assert.Empty(p.Episodes);
        Assert.Empty(p.AbsoluteEpisodes);
        Assert.Null(p.AirDate);
        Assert.False(p.FullSeason);
        Assert.Equal(0, p.Confidence);
    }

    // ---------------------------------------------------------------- mini-series convention

    /// <summary>
    /// A scene name with a bare capital "E05" (or "Part 2") and no season anywhere is a mini-series episode: season 1,
    /// as the scene and Sonarr read it. This is the one place a season is supplied, and the reasoning says so.
    /// </summary>
    [Theory]
    [InlineData("Harbour.Lights.E05.720p.WEB-DL.x264-GRP", "Harbour Lights", 5)]
    [InlineData("The.Long.Crossing.Part.2.HDTV.x264-GRP", "The Long Crossing", 2)]
    public void Mini_series_episode_is_season_one_and_says_so(string input, string show, int episode)
    {
        var p = ParseEpisode(input);
        Assert.Equal(show, p.ShowName);
        Assert.Equal(1, p.Season);
        Assert.Equal([episode], p.Episodes);
        Assert.Contains("mini-series", p.Reasoning, StringComparison.Ordinal);
    }
}
