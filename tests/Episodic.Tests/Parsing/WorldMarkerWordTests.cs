using Episodic.Core.Parsing;
using Episodic.Core.Parsing.Rules;
using Episodic.Core.Parsing.Vocabulary;
using Xunit;

namespace Episodic.Tests.Parsing;

/// <summary>
/// The season and episode words of the world are one table (<see cref="MarkerLanguages"/>): every row must parse its
/// own invented example, every word order must be read, and no marker form may land without a prior or a family.
/// Names are invented; none is a corpus row.
/// </summary>
public sealed class WorldMarkerWordTests
{
    public static TheoryData<string> Languages => new(MarkerLanguages.All.Select(l => l.Language));

    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_table_row_parses_its_own_example(string language)
    {
        var row = MarkerLanguages.All.Single(l => l.Language == language);
        var p = RuleParser.Default.Parse(row.Example);
        Assert.True(p.IsEpisode, $"{row.Example}: {p.Reasoning}");
        Assert.Equal(row.ExampleSeason, p.Season);
        Assert.Equal([row.ExampleEpisode], p.Episodes);
        Assert.NotNull(p.ShowName);
    }

    [Fact]
    public void Every_marker_form_has_a_prior_and_a_confidence_family()
    {
        foreach (var form in Enum.GetValues<MarkerForm>())
        {
            Assert.True(FormPriors.Of(form) > 0, $"{form} has no prior");
            Assert.True(Episodic.Core.Parsing.Confidence.ConfidenceFeatures.FamilyOf(form) >= 0, $"{form} has no family");
        }
    }

    [Theory]
    [InlineData("Latarnia Sezon 2 Odcinek 7", "Latarnia", 2, 7)]
    [InlineData("Faro Temporada 2 Cap.204", "Faro", 2, 4)]
    [InlineData("Маяк 3 сезон 7 серия", "Маяк", 3, 7)]
    [InlineData("Маяк 5-й сезон 09-я серия", "Маяк", 5, 9)]
    [InlineData("Deniz Feneri 2.Sezon 5.Bölüm", "Deniz Feneri", 2, 5)]
    [InlineData("Der Leuchtturm Staffel 2 Folge 5", "Der Leuchtturm", 2, 5)]
    [InlineData("Les Phares Saison 3 Épisode 4", "Les Phares", 3, 4)]
    [InlineData("Harbor Lights Sn2 Ep09", "Harbor Lights", 2, 9)]
    [InlineData("灯塔 第2季 第05集", "灯塔", 2, 5)]
    [InlineData("등대 시즌 2 5화", "등대", 2, 5)]
    [InlineData("Latarnia Sezon2 Odc7", "Latarnia", 2, 7)]
    [InlineData("A Világítótorony 2. évad 5. rész", "A Világítótorony", 2, 5)]
    public void The_issue_examples_read_season_and_episode(string name, string title, int season, int episode)
    {
        var p = RuleParser.Default.Parse(name);
        Assert.Equal(title, p.ShowName);
        Assert.Equal(season, p.Season);
        Assert.Equal([episode], p.Episodes);
    }

    // Number-first order: three invented names of the class.
    [Theory]
    [InlineData("Северный Ветер 2 сезон 11 серия", 2, 11)]
    [InlineData("Kara Deniz 3.Sezon 12.Bölüm", 3, 12)]
    [InlineData("Ház a Hegyen 4. évad 2. rész", 4, 2)]
    public void Number_first_season_and_episode_words_are_read(string name, int season, int episode)
    {
        var p = RuleParser.Default.Parse(name);
        Assert.Equal(season, p.Season);
        Assert.Equal([episode], p.Episodes);
    }

    // Joined forms: three invented names of the class.
    [Theory]
    [InlineData("Latarnia.Sezon3.Odcinek4", 3, 4)]
    [InlineData("Der.Turm.Staffel2.Folge11", 2, 11)]
    [InlineData("등대 시즌3 7화", 3, 7)]
    public void Season_and_episode_words_joined_to_their_number_are_read(string name, int season, int episode)
    {
        var p = RuleParser.Default.Parse(name);
        Assert.Equal(season, p.Season);
        Assert.Equal([episode], p.Episodes);
    }

    [Fact]
    public void Nearest_false_positive_a_title_number_before_a_word_first_season_word_stays_in_the_title()
    {
        // English writes the word first: "19 Season" is not season 19.
        var english = RuleParser.Default.Parse("Station 19 Season 3 Episode 2");
        Assert.Equal("Station 19", english.ShowName);
        Assert.Equal(3, english.Season);
        Assert.Equal([2], english.Episodes);

        // German may write either order; a season word followed by its own number is the word-first order.
        var german = RuleParser.Default.Parse("Ocean 11 Staffel 2 Folge 5");
        Assert.Equal(2, german.Season);
        Assert.Equal([5], german.Episodes);
    }
}
