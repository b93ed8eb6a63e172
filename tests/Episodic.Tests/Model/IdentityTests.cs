using Episodic.Core.Model;
using Episodic.Llm.Providers;
using Xunit;

namespace Episodic.Tests.Model;

/// <summary>Answer source and backend identity: typed values whose wire forms are the ones the JSON contract has always used.</summary>
public sealed class IdentityTests
{
    [Theory]
    [InlineData("rules")]
    [InlineData("llm:openai:gpt-4o-mini")]
    [InlineData("llm:ollama:qwen2.5:7b")]
    [InlineData("llm:anthropic:claude-3-5-haiku-latest")]
    public void Wire_form_round_trips(string wire)
    {
        var source = AnswerSource.Parse(wire);

        Assert.Equal(wire, source.ToString());
        Assert.Equal(wire != "rules", source.IsModel);
    }

    [Fact]
    public void A_model_tag_keeps_its_colon()
    {
        var source = AnswerSource.Parse("llm:ollama:qwen2.5:7b");

        Assert.Equal(AnswerKind.Model, source.Kind);
        Assert.Equal(BackendKind.Ollama.Id(), source.Backend);
        Assert.Equal("qwen2.5:7b", source.Model);
        Assert.Equal("ollama:qwen2.5:7b", source.Label);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Rules")]
    [InlineData("llm:")]
    [InlineData("llm:openai")]
    [InlineData("llm:openai:")]
    [InlineData("llm::model")]
    [InlineData("llm:OpenAI:m")]
    [InlineData("cache")]
    public void Anything_else_is_not_a_source(string wire)
    {
        Assert.False(AnswerSource.TryParse(wire, out _));
        Assert.Throws<FormatException>(() => AnswerSource.Parse(wire));
    }

    [Fact]
    public void The_default_is_the_rule_parser()
    {
        Assert.Equal(AnswerSource.Rules, default);
        Assert.Equal(AnswerSource.Rules, new EpisodeParse { Input = "x" }.Source);
        Assert.Null(AnswerSource.Rules.Model);
    }

    [Fact]
    public void Equal_sources_are_equal_values()
    {
        Assert.Equal(BackendKind.OpenAI.Source("gpt-4o-mini"), AnswerSource.Parse("llm:openai:gpt-4o-mini"));
        Assert.NotEqual(BackendKind.OpenAI.Source("gpt-4o-mini"), BackendKind.OpenAI.Source("gpt-4o"));
    }

    [Fact]
    public void Every_backend_kind_has_one_wire_name_that_parses_back()
    {
        Assert.Equal(["ollama", "openai", "anthropic"], BackendKindNames.WireNames);
        foreach (var kind in BackendKindNames.All)
        {
            Assert.True(BackendKindNames.TryParse(kind.WireName().ToUpperInvariant(), out var back));
            Assert.Equal(kind, back);
        }

        Assert.False(BackendKindNames.TryParse("1", out _));
        Assert.False(BackendKindNames.TryParse("OpenAI, Anthropic", out _));
    }

    [Theory]
    [InlineData("OpenAI")]
    [InlineData("a:b")]
    [InlineData(" ")]
    public void A_backend_name_is_lower_case_without_separators(string name) =>
        Assert.ThrowsAny<ArgumentException>(() => new BackendId(name));
}
