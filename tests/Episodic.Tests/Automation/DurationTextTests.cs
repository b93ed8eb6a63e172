using Episodic.Automation.Watch;
using Episodic.Cli;
using Xunit;

namespace Episodic.Tests.Automation;

/// <summary>The watcher prints its settle and rescan times as the options are typed, and the text reads back to the same value.</summary>
public sealed class DurationTextTests
{
    [Theory]
    [InlineData(500, "500ms")]
    [InlineData(2_000, "2s")]
    [InlineData(1_500, "1.5s")]
    [InlineData(600_000, "10m")]
    [InlineData(5_400_000, "1h30m")]
    [InlineData(3_723_000, "1h2m3s")]
    public void Formats_like_the_command_line_and_reads_back(int milliseconds, string expected)
    {
        var value = TimeSpan.FromMilliseconds(milliseconds);

        var text = DurationText.Format(value);

        Assert.Equal(expected, text);
        Assert.True(Duration.TryParse(text, out var back));
        Assert.Equal(value, back);
    }
}
