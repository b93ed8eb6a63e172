using Episodic.Llm.Configuration;
using Xunit;

namespace Episodic.Tests.Configuration;

/// <summary>The configparser-to-Microsoft.Extensions.Configuration.Ini rewrite, line by line.</summary>
public sealed class IniPreprocessorTests
{
    [Theory]
    [InlineData("ollama  # Options: ollama, openai, anthropic", "ollama")]
    [InlineData("ollama ; trailing", "ollama")]
    [InlineData("ollama\t# tab before hash", "ollama")]
    [InlineData("ab#cd", "ab#cd")]
    [InlineData("ab;cd", "ab;cd")]
    [InlineData("ab#cd # comment", "ab#cd")]
    [InlineData("  padded  ", "padded")]
    [InlineData("", "")]
    public void Trailing_comments_need_whitespace_before_the_marker(string value, string expected) =>
        Assert.Equal(expected, IniPreprocessor.StripTrailingComment(value));

    [Fact]
    public void Keys_lose_underscores_and_case_and_colon_delimiters_are_accepted()
    {
        var text = IniPreprocessor.Normalize("[OpenAI]\nAPI_KEY = k1\nmax_tokens: 10\n");

        Assert.Equal("[OpenAI]\napikey=k1\nmaxtokens=10\n", text);
    }

    [Fact]
    public void Duplicate_keys_keep_the_last_value_and_repeated_sections_merge()
    {
        var text = IniPreprocessor.Normalize("[openai]\nmodel = a\n[llm]\nservice = openai\n[OPENAI]\nmodel = b\napi_key = x\napikey = y\n");

        Assert.Equal("[openai]\nmodel=b\napikey=y\n[llm]\nservice=openai\n", text);
    }

    [Fact]
    public void Comment_lines_blank_lines_and_unreadable_lines_are_dropped()
    {
        var text = IniPreprocessor.Normalize("# c\n; c\n\r\n[llm]  # section comment\nnot a setting\n= no key\nservice = ollama\r\n");

        Assert.Equal("[llm]\nservice=ollama\n", text);
    }
}
