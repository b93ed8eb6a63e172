using System.Text;
using Episodic.Cli.Output;
using Wcwidth;
using Xunit;

namespace Episodic.Tests;

/// <summary>Table cell widths: the printable-ASCII shortcut gives Wcwidth's answer, and the rest still comes from Wcwidth.</summary>
public sealed class DisplayWidthTests
{
    [Fact]
    public void Every_ascii_character_is_as_wide_as_wcwidth_says()
    {
        for (var c = 0; c < 0x80; c++)
        {
            Assert.True(Math.Max(0, UnicodeCalculator.GetWidth(c)) == DisplayWidth.Cells(new Rune(c)), $"U+{c:X4}");
        }
    }

    [Theory]
    [InlineData("Show.S01E02.mkv", 15)]
    [InlineData("進撃の巨人 - 01", 15)]
    [InlineData("Cafe\u0301 🎬", 7)]
    [InlineData("", 0)]
    public void A_names_width_counts_wide_and_combining_characters(string name, int cells)
    {
        Assert.Equal(cells, DisplayWidth.Of(name));
    }
}
