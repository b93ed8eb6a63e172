using Episodic.Core.Model;
using Episodic.Core.Parsing;
using Episodic.Llm;
using Episodic.Llm.Providers;
using Episodic.Llm.Validation;
using Episodic.Tests.Fakes;
using Xunit;

namespace Episodic.Tests.Llm;

/// <summary>
/// A model's numbers must be written in the name as numbers: the digits of resolution, codec, audio, bit-depth, year
/// and CRC tokens ground nothing, and a 3–4 digit run splits into season + episode only where an episode number stands.
/// </summary>
public sealed class NumberGroundingTests
{
    /// <summary>A name with the token class and the numbers its digits would wrongly vouch for.</summary>
    [Theory]
    [InlineData("Show.Name.720p.WEB-DL.AAC-GRP.mkv", new[] { 7, 20, 720 })] // resolution
    [InlineData("Show.Name.1080p.WEB-DL-GRP.mkv", new[] { 10, 80, 1080 })]
    [InlineData("Show Name (2160p BluRay).mkv", new[] { 21, 60, 2160 })]
    [InlineData("Show.Name.HDTV.x264-GRP.mkv", new[] { 2, 64, 264 })] // codec
    [InlineData("Show.Name.WEB.H.264-GRP.mkv", new[] { 2, 64, 264 })]
    [InlineData("Show Name [HEVC x265].mkv", new[] { 2, 65, 265 })]
    [InlineData("Show.Name.WEB.DDP5.1.Atmos-GRP.mkv", new[] { 5, 1, 51 })] // audio
    [InlineData("Show.Name.WEB.AAC2.0-GRP.mkv", new[] { 2, 0, 20 })]
    [InlineData("Show Name [BD 10-bit FLAC].mkv", new[] { 10, 1 })] // bit depth
    [InlineData("Show Name [Hi10P][10bit].mkv", new[] { 10 })]
    [InlineData("[Grp] Show Name [9226CA61].mkv", new[] { 92, 26, 61, 9226 })] // CRC
    [InlineData("Show.Name.2019.WEB.mkv", new[] { 20, 19, 2019 })] // year: a year, not season 20 episode 19
    [InlineData("Show.Name.mp4", new[] { 4 })] // the container's name
    public void Numbers_inside_quality_and_crc_tokens_ground_nothing(string name, int[] notNumbers)
    {
        var grounding = new NumberGrounding(name);

        Assert.All(notNumbers, n => Assert.False(grounding.Appears(n), $"{n} is not written in '{name}'"));
    }

    [Theory]
    [InlineData("Show.Name.103.HDTV.x264-GRP.mkv", 1, 3)] // compact after the title
    [InlineData("Show Name - 1013 [720p].mkv", 10, 13)]
    [InlineData("Show.Name.S07E20.720p.mkv", 7, 20)] // the marker still grounds what the resolution does not
    [InlineData("Ｓｈｏｗ　Ｎａｍｅ　１０３.mkv", 1, 3)] // full-width digits
    public void A_compact_run_where_an_episode_stands_still_grounds_season_and_episode(string name, int season, int episode)
    {
        var grounding = new NumberGrounding(name);

        Assert.True(grounding.Appears(season));
        Assert.True(grounding.Appears(episode));
    }

    [Theory]
    [InlineData("[Grp] 101 Dalmatians - 02 [720p].mkv", 1)] // a number in the title is not compact: no season 1 or episode 1
    [InlineData("Show.Name.2019.WEB.mkv", 20)]
    public void A_run_elsewhere_is_not_split(string name, int notNumber)
    {
        var grounding = new NumberGrounding(name);

        Assert.False(grounding.Appears(notNumber));
    }

    [Fact]
    public void A_year_grounds_a_year_and_a_date_still_grounds_itself()
    {
        Assert.True(new NumberGrounding("Doctor.Who.2005.S01E01.mkv").AppearsAsYear(2005));
        Assert.False(new NumberGrounding("Show.Name.1080p.mkv").AppearsAsYear(1080));
        Assert.True(new NumberGrounding("The.Daily.Show.2024.01.15.720p.WEB.mkv").Appears(new DateOnly(2024, 1, 15)));
        Assert.True(new NumberGrounding("Show.20240115.mkv").Appears(new DateOnly(2024, 1, 15)));
    }

    public static TheoryData<string, int, int> QualityOnly => new()
    {
        { "Show.Name.720p.WEB-DL.AAC-GRP.mkv", 7, 20 },
        { "Show.Name.1080p.WEB-DL-GRP.mkv", 10, 80 },
        { "Show.Name.HDTV.x264-GRP.mkv", 2, 64 },
    };

    /// <summary>The cases over the OpenAI wire: the answer is asked again, rejected again, and the rules' reading stands.</summary>
    [Theory]
    [MemberData(nameof(QualityOnly))]
    public async Task An_answer_grounded_only_on_a_quality_token_is_rejected(string name, int season, int episode)
    {
        using var server = new FakeOpenAiServer { DefaultReply = FakeReply.Text(NameResponder.Answer("Show Name", season, [episode])) };

        var parse = await Parse(server, name);

        Assert.Equal(AnswerSource.Rules, parse.Source);
        Assert.Equal(2, server.ChatRequests.Count);
        Assert.Contains($"season {season} does not appear in the filename", parse.Reasoning, StringComparison.Ordinal);
        Assert.Contains($"episode {episode} does not appear in the filename", parse.Reasoning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_answer_grounded_on_a_real_compact_episode_number_is_accepted()
    {
        using var server = new FakeOpenAiServer { DefaultReply = FakeReply.Text(NameResponder.Answer("Show Name", 1, [3])) };

        var parse = await Parse(server, "Show.Name.103.720p.HDTV.x264-GRP.mkv");

        Assert.Equal("llm:openai:test-model", parse.Source.ToString());
        Assert.Equal((1, 3), (parse.Season, parse.Episode));
        Assert.Single(server.ChatRequests);
    }

    private static async Task<EpisodeParse> Parse(FakeOpenAiServer server, string name)
    {
        var options = new BackendOptions { Kind = BackendKind.OpenAI, Model = "test-model", BaseUri = server.BaseUri, ApiKey = "sk-test-grounding-0123456789", Timeout = TimeSpan.FromSeconds(10) };
        using var chat = ChatClientFactory.Create(options);
        return await new LlmService(chat, options.Source, RuleParser.Default).ParseFilenameAsync(name, 300, TestContext.Current.CancellationToken);
    }
}
