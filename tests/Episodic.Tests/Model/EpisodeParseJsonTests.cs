using System.Text.Json;
using Episodic.Core.Model;
using Episodic.Tests.Caching;
using Xunit;

namespace Episodic.Tests.Model;

public sealed class EpisodeParseJsonTests
{
    [Fact]
    public void Reads_back_every_field()
    {
        var original = Parses.Full("[SubsPlease] 進撃の巨人 - S04E28-E29v2 [ABCD1234].mkv");

        var read = EpisodeParseJson.FromJson(EpisodeParseJson.ToJson(original));

        Assert.Equal(original.Input, read.Input);
        Assert.Equal(original.ShowName, read.ShowName);
        Assert.Equal(original.Year, read.Year);
        Assert.Equal(original.Season, read.Season);
        Assert.Equal(original.Episodes, read.Episodes);
        Assert.Equal(28, read.Episode);
        Assert.Equal(original.AbsoluteEpisodes, read.AbsoluteEpisodes);
        Assert.Equal(original.AirDate, read.AirDate);
        Assert.True(read.FullSeason);
        Assert.True(read.Special);
        Assert.Equal(original.Crc32, read.Crc32);
        Assert.Equal(original.ReleaseGroup, read.ReleaseGroup);
        Assert.Equal(original.Version, read.Version);
        Assert.Equal(original.Confidence, read.Confidence);
        Assert.Equal(original.Source, read.Source);
        Assert.Equal(original.Reasoning, read.Reasoning);
        Assert.Equal(EpisodeParseJson.ToJson(original), EpisodeParseJson.ToJson(read));
    }

    [Fact]
    public void Reads_nulls_and_empty_lists()
    {
        var original = Parses.Sparse("readme.txt");

        var read = EpisodeParseJson.FromJson(EpisodeParseJson.ToJson(original));

        Assert.Null(read.ShowName);
        Assert.Null(read.Year);
        Assert.Null(read.Season);
        Assert.Null(read.Episode);
        Assert.Empty(read.Episodes);
        Assert.Empty(read.AbsoluteEpisodes);
        Assert.Null(read.AirDate);
        Assert.False(read.FullSeason);
        Assert.Null(read.Crc32);
        Assert.Null(read.ReleaseGroup);
        Assert.Null(read.Version);
        Assert.Equal(EpisodeParseJson.ToJson(original), EpisodeParseJson.ToJson(read));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("{\"show_name\":\"x\"}")]
    public void Rejects_what_is_not_a_parse(string json) =>
        Assert.ThrowsAny<JsonException>(() => EpisodeParseJson.FromJson(json));
}
