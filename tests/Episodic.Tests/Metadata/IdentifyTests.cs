using Episodic.Core.Metadata;
using Episodic.Core.Model;
using Episodic.Core.Parsing;
using Episodic.Llm;
using Episodic.Metadata.Identify;
using Episodic.Tests.Fakes;
using Xunit;

namespace Episodic.Tests.Metadata;

/// <summary>parse → show → episode against both fake providers answering in their real JSON shapes.</summary>
public sealed class IdentifyTests
{
    [Theory]
    [InlineData("tmdb", "tmdb:57243")]
    [InlineData("tvmaze", "tvmaze:210")]
    public async Task A_year_in_the_name_picks_that_version_and_the_episode_title_comes_from_the_provider(string provider, string id)
    {
        using var server = MetadataFixture.Server(provider);
        using var cache = new TempCache();
        using var host = MetadataFixture.Host(server, cache.Path);
        var result = await host.IdentifyAsync("Doctor.Who.2005.S02E03.720p.HDTV.x264-GRP.mkv");

        Assert.Equal(IdentifyStatus.Identified, result.Status);
        Assert.Equal(id, result.Show!.Id.ToString());
        Assert.Equal("Doctor Who (2005)", result.Show.DisplayName);
        Assert.Equal(2, result.Season);
        Assert.Equal([3], result.Episodes);
        Assert.Equal("Doctor Who Chapter 2.3", result.EpisodeTitle);
        Assert.Equal(MatchedBy.Name, result.MatchedBy);
        Assert.Contains("first aired 2005", result.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("tmdb")]
    [InlineData("tvmaze")]
    public async Task A_country_suffix_picks_that_countrys_version(string provider)
    {
        using var server = MetadataFixture.Server(provider);
        using var cache = new TempCache();
        using var host = MetadataFixture.Host(server, cache.Path);
        var uk = await host.IdentifyAsync("The.Office.UK.S01E02.DVDRip.mkv");
        var us = await host.IdentifyAsync("The.Office.US.S01E02.DVDRip.mkv");

        Assert.True(uk.IsIdentified, uk.Reason);
        Assert.True(us.IsIdentified, us.Reason);
        Assert.Equal((2001, "GB"), (uk.Show!.Year, uk.Show.Country));
        Assert.Equal((2005, "US"), (us.Show!.Year, us.Show.Country));
    }

    [Theory]
    [InlineData("tmdb")]
    [InlineData("tvmaze")]
    public async Task An_absolute_number_becomes_season_and_episode_with_specials_excluded_through_an_alternative_title(string provider)
    {
        using var server = MetadataFixture.Server(provider);
        using var cache = new TempCache();
        using var host = MetadataFixture.Host(server, cache.Path);
        var result = await host.IdentifyAsync("[SubsPlease] Kusuriya no Hitorigoto - 27 (1080p) [A1B2C3D4].mkv");

        Assert.Equal(IdentifyStatus.Identified, result.Status);
        Assert.Equal("The Apothecary Diaries (2023)", result.Show!.DisplayName);
        Assert.Equal(MatchedBy.AlternativeTitle, result.MatchedBy);
        Assert.Equal((2, 3), (result.Season!.Value, result.Episodes.Single()));
        Assert.Equal("The Apothecary Diaries Chapter 2.3", result.EpisodeTitle);
        Assert.Contains("Kusuriya no Hitorigoto", result.Show.AlternativeTitles);
    }

    [Theory]
    [InlineData("tmdb")]
    [InlineData("tvmaze")]
    public async Task An_episode_the_provider_does_not_know_is_reported_not_identified(string provider)
    {
        using var server = MetadataFixture.Server(provider);
        using var cache = new TempCache();
        using var host = MetadataFixture.Host(server, cache.Path);
        var result = await host.IdentifyAsync("Attack.on.Titan.S09E40.1080p.mkv");

        Assert.Equal(IdentifyStatus.EpisodeUnknown, result.Status);
        Assert.Contains("no S09E40", result.Reason, StringComparison.Ordinal);
        Assert.Equal("tmdb:1429|tvmaze:919".Split('|')[provider == "tmdb" ? 0 : 1], result.Show!.Id.ToString());
    }

    [Theory]
    [InlineData("tmdb")]
    [InlineData("tvmaze")]
    public async Task An_air_date_finds_the_episode(string provider)
    {
        using var server = MetadataFixture.Server(provider);
        var office = server.Shows.Single(s => s.TmdbId == 2316);
        var episode = office.Episodes.Single(e => e.Season == 2 && e.Number == 4);
        using var cache = new TempCache();
        using var host = MetadataFixture.Host(server, cache.Path);
        var parse = new EpisodeParse { Input = "x", ShowName = "The Office US", AirDate = episode.AirDate, Confidence = 0.9 };
        var result = await host.Identifier.IdentifyAsync(parse, TestContext.Current.CancellationToken);

        Assert.Equal(IdentifyStatus.Identified, result.Status);
        Assert.Equal((2, 4), (result.Season!.Value, result.Episodes.Single()));
        Assert.Equal(episode.AirDate, result.AirDate);
    }

    [Theory]
    [InlineData("tmdb")]
    [InlineData("tvmaze")]
    public async Task A_special_is_looked_up_in_season_zero(string provider)
    {
        using var server = MetadataFixture.Server(provider);
        using var cache = new TempCache();
        using var host = MetadataFixture.Host(server, cache.Path);
        var result = await host.IdentifyAsync("Doctor.Who.2005.S00E01.720p.mkv");

        Assert.Equal(IdentifyStatus.Identified, result.Status);
        Assert.Equal(0, result.Season);
        Assert.Equal("Doctor Who Special 1", result.EpisodeTitle);
    }

    [Theory]
    [InlineData("tmdb")]
    [InlineData("tvmaze")]
    public async Task Several_equal_names_without_a_model_give_the_best_ranked_with_lowered_confidence_and_are_not_accepted(string provider)
    {
        using var server = MetadataFixture.Server(provider);
        using var cache = new TempCache();
        using var host = MetadataFixture.Host(server, cache.Path);
        var result = await host.IdentifyAsync("The.Office.S01E01.mkv");

        Assert.Equal(IdentifyStatus.Ambiguous, result.Status);
        Assert.Equal(MatchedBy.MostLikely, result.MatchedBy);
        Assert.Equal(2005, result.Show!.Year);
        Assert.True(result.Confidence < 0.7);
        Assert.Contains("2 shows match", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Several_equal_names_go_to_the_model_which_must_pick_a_candidate()
    {
        using var server = MetadataFixture.Server("tvmaze");
        using var cache = new TempCache();

        // The model first names an id nobody offered (rejected and asked again), then the UK version.
        var chat = new ScriptedChatClient(
            """{"id":99999,"show_name":"x","confidence":0.9,"reasoning":""}""",
            """{"id":1795,"show_name":"The Office","confidence":0.85,"reasoning":"British spelling in the release."}""");
        var llm = new LlmService(chat, AnswerSource.FromLabel("fake:model"), RuleParser.Default);
        using var host = MetadataFixture.Host(server, cache.Path, new LlmShowPicker(llm));
        var result = await host.IdentifyAsync("The.Office.S01E01.mkv");

        Assert.Equal(IdentifyStatus.Identified, result.Status);
        Assert.Equal(MatchedBy.Model, result.MatchedBy);
        Assert.Equal("tvmaze:1795", result.Show!.Id.ToString());
        Assert.Equal(0.85, result.Confidence);
        Assert.Equal(2, chat.Calls.Count);
        Assert.Contains("fake:model chose", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_alias_names_the_show_without_a_search()
    {
        using var server = MetadataFixture.Server("tvmaze");
        using var cache = new TempCache();
        var problems = new List<string>();
        var aliases = Episodic.Metadata.Configuration.AliasTable.From([new("Kusuriya", "tvmaze:62983")], problems);
        using var host = MetadataFixture.Host(server, cache.Path, tweak: s => s with { Aliases = aliases });
        var result = await host.IdentifyAsync("[Grp] Kusuriya - 03 [1080p].mkv");

        Assert.Empty(problems);
        Assert.Equal(IdentifyStatus.Identified, result.Status);
        Assert.Equal(MatchedBy.Alias, result.MatchedBy);
        Assert.DoesNotContain(server.Requests, r => r.Path.Contains("search", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unknown_name_is_not_found()
    {
        using var server = MetadataFixture.Server("tmdb");
        using var cache = new TempCache();
        using var host = MetadataFixture.Host(server, cache.Path);
        var result = await host.IdentifyAsync("Totally.Unknown.Programme.S01E01.mkv");
        Assert.Equal(IdentifyStatus.ShowNotFound, result.Status);
    }
}
