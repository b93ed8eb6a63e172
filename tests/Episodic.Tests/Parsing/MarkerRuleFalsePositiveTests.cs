using Episodic.Core.Parsing;
using Xunit;

namespace Episodic.Tests.Parsing;

/// <summary>
/// The nearest false positives of the rules and table rows added with the world marker words and the device-capture
/// filter: shows whose titles start like a camera prefix, title numbers before a season word of a language that may
/// write either order, and the Cap. code. Three invented names per class; none is a corpus row.
/// </summary>
public sealed class MarkerRuleFalsePositiveTests
{
    [Theory]
    [InlineData("Record of Ragnarok S01E01", 1, 1)]
    [InlineData("Video Game High School S01E01", 1, 1)]
    [InlineData("DSC.Show.2024.S01E03.720p", 1, 3)]
    [InlineData("Signal.Hill.S02E04.HDTV", 2, 4)]
    [InlineData("Movie Night Club S03E02", 3, 2)]
    public void Shows_whose_title_starts_with_a_device_prefix_word_are_episodes(string name, int season, int episode)
    {
        var p = RuleParser.Default.Parse(name);
        Assert.True(p.IsEpisode, p.Reasoning);
        Assert.Equal(season, p.Season);
        Assert.Equal([episode], p.Episodes);
        Assert.DoesNotContain("camera, phone or screen-recorder", p.Reasoning, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("DSC Show 2024")]
    [InlineData("Record Breakers 2019")]
    [InlineData("Img Gallery 1999")]
    public void A_device_prefix_word_followed_by_a_space_is_not_a_capture(string name) =>
        Assert.DoesNotContain("camera, phone or screen-recorder", RuleParser.Default.Parse(name).Reasoning, StringComparison.Ordinal);

    // "Sezon" is Polish (word first) and Turkish (either order); "Staffel", "Série" may be written either way. A title
    // number before the word followed by its own number is the title's, not the season.
    [Theory]
    [InlineData("Apollo 13 Staffel 3 Folge 2", 3, 2)]
    [InlineData("Route 66 Sezon 2 Odcinek 4", 2, 4)]
    [InlineData("Linka 9 Série 2 Díl 4", 2, 4)]
    [InlineData("Kanal 7 Sezon 2 Bölüm 5", 2, 5)]
    public void A_title_number_before_a_season_word_with_its_own_number_stays_in_the_title(string name, int season, int episode)
    {
        var p = RuleParser.Default.Parse(name);
        Assert.Equal(season, p.Season);
        Assert.Equal([episode], p.Episodes);
    }

    // Number-first season words: three invented names of the Turkish and Polish "Sezon" class.
    [Theory]
    [InlineData("Mavi Kapi 4.Sezon 9.Bölüm", 4, 9)]
    [InlineData("Latarnia.Sezon4.Odcinek2", 4, 2)]
    [InlineData("Yildiz Sezon 3 Bölüm 6", 3, 6)]
    public void Sezon_and_Bolum_are_read_in_both_orders(string name, int season, int episode)
    {
        var p = RuleParser.Default.Parse(name);
        Assert.Equal(season, p.Season);
        Assert.Equal([episode], p.Episodes);
    }

    // Cap. code: season, then the two-digit episode. Three invented names.
    [Theory]
    [InlineData("Faro del Sur Cap.204", 2, 4)]
    [InlineData("La Casa Roja Cap.1012", 10, 12)]
    [InlineData("El Puerto Cap305", 3, 5)]
    public void Cap_codes_read_season_and_episode(string name, int season, int episode)
    {
        var p = RuleParser.Default.Parse(name);
        Assert.Equal(season, p.Season);
        Assert.Equal([episode], p.Episodes);
    }

    [Theory]
    [InlineData("Capitol.Hill.S02E05.720p", 2, 5)]
    [InlineData("Captain.Harbor.S01E03.HDTV", 1, 3)]
    [InlineData("Capri.Nights.S04E01.WEB", 4, 1)]
    public void Nearest_false_positive_titles_starting_with_cap_are_not_cap_codes(string name, int season, int episode)
    {
        var p = RuleParser.Default.Parse(name);
        Assert.Equal(season, p.Season);
        Assert.Equal([episode], p.Episodes);
    }

    // "Episode" is English (word first); listed under German it also read "10 Episode" as episode 10 and cut the title
    // short ("The Top"). German writes "Folge" number first; "Episode" stays word first only.
    [Theory]
    [InlineData("The.Top.10.Episode.S02E05.720p", "10", 2, 5)]
    [InlineData("Room 101 Episode S01E03", "101", 1, 3)]
    [InlineData("Area.51.Episode.S03E02.HDTV", "51", 3, 2)]
    public void Nearest_false_positive_a_title_number_before_the_word_episode_stays_in_the_title(string name, string titleNumber, int season, int episode)
    {
        var p = RuleParser.Default.Parse(name);
        Assert.Contains(titleNumber, p.ShowName ?? "", StringComparison.Ordinal);
        Assert.Equal(season, p.Season);
        Assert.Equal([episode], p.Episodes);
    }
}
