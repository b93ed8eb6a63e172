using Episodic.Llm.Resilience;
using Microsoft.Extensions.AI;
using Xunit;

namespace Episodic.Tests.Resilience;

public sealed class TokenEstimatorTests
{
    private static readonly TokenEstimator Estimator = new();

    [Fact]
    public void Counts_a_known_string_sensibly()
    {
        var count = Estimator.Count("[Erai-raws] Kusuriya no Hitorigoto - 43 [1080p][AC6F3253].mkv");

        // o200k_base: roughly a token per 2-4 characters for a filename like this (64 chars).
        Assert.InRange(count, 10, 40);
        Assert.Equal(2, Estimator.Count("hello world"));
        Assert.Equal(0, Estimator.Count(""));
    }

    [Fact]
    public void Counts_grow_with_length()
    {
        var one = Estimator.Count("Show.Name.S01E02.1080p.WEB-DL.mkv");
        var three = Estimator.Count(string.Join(' ', Enumerable.Repeat("Show.Name.S01E02.1080p.WEB-DL.mkv", 3)));

        Assert.True(three > 2 * one, $"{three} vs {one}");
    }

    [Fact]
    public void Estimate_adds_message_overhead_instructions_and_the_output_budget()
    {
        ChatMessage[] messages = [new(ChatRole.System, "You parse filenames."), new(ChatRole.User, "Show.S01E02.mkv")];
        var prompt = Estimator.Count("You parse filenames.") + Estimator.Count("Show.S01E02.mkv");

        Assert.Equal(prompt + 8, Estimator.Estimate(messages, null));
        Assert.Equal(prompt + 8 + 150, Estimator.Estimate(messages, new ChatOptions { MaxOutputTokens = 150 }));
        Assert.Equal(prompt + 8 + Estimator.Count("Answer in JSON."), Estimator.Estimate(messages, new ChatOptions { Instructions = "Answer in JSON." }));
    }
}
