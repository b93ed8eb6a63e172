using Episodic.Core.Parsing;
using Xunit;

namespace Episodic.Tests.Parsing;

/// <summary>
/// Camera, phone and screen-recorder files carry a date and a time, which the rules would read as a daily show; they
/// are not episodes and get no episode reading at all. Names are invented.
/// </summary>
public sealed class DeviceCaptureTests
{
    [Theory]
    [InlineData("VID_20240612_181522.mp4")]
    [InlineData("PXL_20240612_101500123.mp4")]
    [InlineData("Screen Recording 2024-06-12 at 18.15.22.mov")]
    [InlineData("WhatsApp Video 2024-06-12 at 18.15.22.mp4")]
    [InlineData("IMG_4821.MOV")]
    [InlineData("DSC_0042.MOV")]
    [InlineData("20240612_181522.mp4")]
    [InlineData("GX010123.MP4")]
    [InlineData("/home/me/Downloads/VID_20231105_090000.mp4")]
    public void Device_captures_are_not_episodes(string name)
    {
        var p = RuleParser.Default.Parse(name);
        Assert.False(p.IsEpisode, p.Reasoning);
        Assert.Null(p.AirDate);
        Assert.Empty(p.Episodes);
        Assert.True(p.Confidence < 0.3, $"confidence {p.Confidence}");
        Assert.Contains("camera, phone or screen-recorder", p.Reasoning, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Vidal.Harbor.S01E02.720p.HDTV", 1, 2)]
    [InlineData("Screen Recording Secrets S02E05", 2, 5)]
    [InlineData("Img.Of.The.Day.S03E01", 3, 1)]
    public void Nearest_false_positive_shows_whose_title_starts_like_a_device_prefix_still_parse(string name, int season, int episode)
    {
        var p = RuleParser.Default.Parse(name);
        Assert.Equal(season, p.Season);
        Assert.Equal([episode], p.Episodes);
    }

    [Fact]
    public void Nearest_false_positive_a_daily_show_with_a_date_is_still_a_daily_show()
    {
        var p = RuleParser.Default.Parse("The.Evening.Desk.2024.06.12.720p.WEB");
        Assert.Equal(new DateOnly(2024, 6, 12), p.AirDate);
    }

    [Theory]
    [InlineData("Harbor Lights S٠٣E٠٥", 3, 5)]
    [InlineData("Harbor Lights S۰۲E۱۱", 2, 11)]
    [InlineData("Harbor Lights S०४E०७", 4, 7)]
    public void Non_ascii_decimal_digits_are_read_not_caught_by_the_safety_net(string name, int season, int episode)
    {
        var p = RuleParser.Default.Parse(name);
        Assert.DoesNotContain("rule parser failed", p.Reasoning, StringComparison.Ordinal);
        Assert.Equal(season, p.Season);
        Assert.Equal([episode], p.Episodes);
    }

    [Fact]
    public void A_date_shaped_run_with_a_ten_digit_number_is_not_caught_by_the_safety_net()
    {
        // Found by the property test: "201.04.18.9999999999" overflowed the date reader.
        var p = RuleParser.Default.Parse("The.Evening.Desk.201.04.18.9999999999.Guest.Name.720p.HDTV.x264-GRP");
        Assert.DoesNotContain("rule parser failed", p.Reasoning, StringComparison.Ordinal);
    }
}
