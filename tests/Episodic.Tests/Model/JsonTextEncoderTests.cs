using System.Text;
using System.Text.Json;
using Episodic.Core.Model;
using Episodic.Core.Text;
using Xunit;

namespace Episodic.Tests.Model;

/// <summary>Non-ASCII is written as it is, emoji included; what JSON requires is still escaped and reads back.</summary>
public sealed class JsonTextEncoderTests
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JsonTextEncoder.Instance };

    private static string Write(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            write(json);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    [Theory]
    [InlineData("Café")]
    [InlineData("薬屋のひとりごと")]
    [InlineData("Show 🎬 Name")] // outside the BMP: the built-in encoders write \uD83C\uDFAC
    [InlineData("Tom & Jerry <Uncut> 'Pilot'")] // HTML characters need no escape in JSON
    public void Text_is_written_as_it_is(string text)
    {
        Assert.Equal($"\"{text}\"", Write(w => w.WriteStringValue(text)));
        Assert.Equal($"\"{text}\"", Write(w => w.WriteStringValue(Encoding.UTF8.GetBytes(text))));
    }

    [Theory]
    [InlineData("a\"b", "\"a\\\"b\"")]
    [InlineData("a\\b", "\"a\\\\b\"")]
    [InlineData("a\nb\tc", "\"a\\nb\\tc\"")]
    [InlineData("a\u0001b", "\"a\\u0001b\"")]
    [InlineData("a\u2028b", "\"a\\u2028b\"")]
    public void What_json_requires_is_escaped_and_reads_back(string text, string expected)
    {
        var written = Write(w => w.WriteStringValue(text));

        Assert.Equal(expected, written);
        Assert.Equal(text, JsonSerializer.Deserialize<string>(written));
    }

    [Fact]
    public void A_lone_surrogate_becomes_the_replacement_character_not_an_exception()
    {
        var written = Write(w => w.WriteStringValue("ab\uD800c"));

        Assert.Equal("ab\uFFFDc", JsonSerializer.Deserialize<string>(written));
    }

    [Fact]
    public void The_episode_contract_keeps_an_emoji_name_readable()
    {
        var json = EpisodeParseJson.ToJson(new EpisodeParse { Input = "Café 🎬 - 01.mkv", ShowName = "Café 🎬", Episodes = [1] });

        Assert.Contains("\"input\":\"Café 🎬 - 01.mkv\"", json, StringComparison.Ordinal);
        Assert.Equal("Café 🎬", EpisodeParseJson.FromJson(json).ShowName);
    }
}
