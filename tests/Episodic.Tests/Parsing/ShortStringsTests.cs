using Episodic.Core.Parsing.Tokens;
using Xunit;

namespace Episodic.Tests.Parsing;

/// <summary>The tokenizer's shared short strings must equal the substrings they replace, for any text, ASCII or not.</summary>
public sealed class ShortStringsTests
{
    [Theory]
    [InlineData("Show - 05 [720p].x264")]
    [InlineData("第01-15集 「Ab」 é.ü ★ 01")]
    [InlineData("a\u0080\u00ff\u3000 -  - ")]
    public void Every_slice_equals_the_substring(string name)
    {
        for (var from = 0; from <= name.Length; from++)
        {
            for (var to = from; to <= name.Length && to - from <= 4; to++)
            {
                Assert.Equal(name[from..to], ShortStrings.Slice(name, from, to));
            }
        }
    }

    [Fact]
    public void Short_ascii_slices_are_shared_instances()
    {
        Assert.Same(ShortStrings.Slice("x01y", 1, 3), ShortStrings.Slice("01", 0, 2));
        Assert.Same(ShortStrings.Slice("a - b", 1, 4), ShortStrings.Slice(" - ", 0, 3));
        Assert.Same(ShortStrings.Slice("ab", 1, 2), ShortStrings.Slice("b", 0, 1));
    }
}
