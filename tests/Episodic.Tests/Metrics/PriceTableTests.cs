using Episodic.Llm.Metrics;
using Episodic.Llm.Providers;
using Xunit;

namespace Episodic.Tests.Metrics;

public sealed class PriceTableTests
{
    [Fact]
    public void Cost_is_tokens_times_price_per_million()
    {
        // gpt-4o-mini ships at 0.15 / 0.60 USD per 1M tokens.
        var cost = PriceTable.Default.Cost("gpt-4o-mini", 1_000_000, 500_000);

        Assert.Equal(0.15 + 0.30, cost, 9);
    }

    [Fact]
    public void Unknown_model_costs_nothing_and_is_not_known()
    {
        Assert.False(PriceTable.Default.Knows("my-local-finetune"));
        Assert.Equal(0, PriceTable.Default.Cost("my-local-finetune", 1000, 1000));
    }

    [Fact]
    public void Dated_snapshot_uses_its_alias_price()
    {
        Assert.True(PriceTable.Default.Knows("gpt-4o-mini-2024-07-18"));
        Assert.True(PriceTable.Default.Knows("claude-haiku-4-5-20251001"));
        Assert.Equal(PriceTable.Default.Cost("claude-haiku-4-5", 10, 10), PriceTable.Default.Cost("claude-haiku-4-5-20251001", 10, 10));
    }

    [Fact]
    public void Ollama_is_free_whatever_the_model_is_called()
    {
        Assert.Equal(0, PriceTable.Default.Cost(BackendKind.Ollama, "gpt-4o-mini", 1_000_000, 1_000_000));
        Assert.True(PriceTable.Default.Cost(BackendKind.OpenAI, "gpt-4o-mini", 1_000_000, 1_000_000) > 0);
    }

    [Fact]
    public void Override_replaces_and_adds_prices()
    {
        var table = PriceTable.WithOverrides(
            new Dictionary<string, string> { ["gpt-4o-mini"] = "1, 2", ["my-model"] = " 0.5 ,4 " },
            out var problems);

        Assert.Empty(problems);
        Assert.Equal(3.0, table.Cost("gpt-4o-mini", 1_000_000, 1_000_000), 9);
        Assert.Equal(2.25, table.Cost("MY-MODEL", 500_000, 500_000), 9);
        // The shipped table itself is untouched.
        Assert.Equal(0.75, PriceTable.Default.Cost("gpt-4o-mini", 1_000_000, 1_000_000), 9);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("0.15")]
    [InlineData("0.15, 0.60, 1")]
    [InlineData("-1, 2")]
    [InlineData("0,15, 0,60")]
    [InlineData("NaN, 1")]
    public void Bad_override_is_reported_by_key_and_keeps_the_shipped_price(string value)
    {
        var table = PriceTable.WithOverrides(new Dictionary<string, string> { ["gpt-4o"] = value }, out var problems);

        var problem = Assert.Single(problems);
        Assert.Contains("[prices] gpt-4o", problem, StringComparison.Ordinal);
        Assert.Equal(PriceTable.Default.Cost("gpt-4o", 1000, 1000), table.Cost("gpt-4o", 1000, 1000));
    }

    [Fact]
    public void Defaults_are_dated()
    {
        Assert.Equal("2026-11", PriceTable.DefaultsAsOf);
        Assert.Contains("claude-sonnet-4-5", PriceTable.Default.Models);
    }
}
