using Episodic.Llm.Pipeline;
using Episodic.Llm.Providers;
using Episodic.Llm.Resilience;
using Xunit;

namespace Episodic.Tests.Resilience;

public sealed class ResilienceOptionsTests
{
    [Fact]
    public void Defaults_parse_without_problems()
    {
        var (options, problems) = ResilienceOptions.From(new PipelineSettings(), BackendKind.OpenAI);

        Assert.Empty(problems);
        Assert.Equal(new ResilienceOptions(), options);
        Assert.Equal(3, options.MaxRetries);
        Assert.Equal(TimeSpan.FromSeconds(30), options.AttemptTimeout);
        Assert.True(options.ResilienceEnabled);
        Assert.True(options.RateLimitEnabled);
    }

    [Fact]
    public void Values_and_the_backend_rate_limits_are_read()
    {
        var settings = new PipelineSettings();
        settings.Resilience.MaxRetries = "5";
        settings.Resilience.BaseDelay = "0.25";
        settings.Resilience.BreakerFailureRatio = "0.75";
        settings.Anthropic.RequestsPerMinute = "50";
        settings.Anthropic.TokensPerMinute = "40000";
        settings.OpenAI.RequestsPerMinute = "999";
        settings.Features.RateLimit = "off";

        var (options, problems) = ResilienceOptions.From(settings, BackendKind.Anthropic);

        Assert.Empty(problems);
        Assert.Equal(5, options.MaxRetries);
        Assert.Equal(TimeSpan.FromMilliseconds(250), options.BaseDelay);
        Assert.Equal(0.75, options.BreakerFailureRatio);
        Assert.Equal(50, options.RequestsPerMinute);
        Assert.Equal(40_000, options.TokensPerMinute);
        Assert.False(options.RateLimitEnabled);
    }

    [Fact]
    public void Bad_values_are_reported_with_their_key_and_fall_back_to_defaults()
    {
        var settings = new PipelineSettings();
        settings.Resilience.MaxRetries = "x";
        settings.Resilience.AttemptTimeout = "-3";
        settings.Resilience.BreakerFailureRatio = "2";
        settings.Resilience.BreakerMinimumThroughput = "1";
        settings.Resilience.BreakerBreak = "0.1";
        settings.Ollama.RequestsPerMinute = "lots";
        settings.Features.Resilience = "maybe";

        var (options, problems) = ResilienceOptions.From(settings, BackendKind.Ollama);

        Assert.Contains(problems, p => p.StartsWith("[resilience] max_retries = x is not a whole number;", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("[resilience] attempt_timeout = -3 is out of range;", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("[resilience] breaker_failure_ratio = 2 ", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("[resilience] breaker_minimum_throughput = 1 is out of range;", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("[resilience] breaker_break = 0.1 is out of range;", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("[ollama] requests_per_minute = lots is not a whole number;", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("[features] resilience = maybe must be on or off", StringComparison.Ordinal));
        Assert.Equal(7, problems.Count);
        Assert.Equal(3, options.MaxRetries);
        Assert.Equal(TimeSpan.FromSeconds(30), options.AttemptTimeout);
    }

    [Fact]
    public void Inconsistent_timeouts_and_delays_are_reported()
    {
        var settings = new PipelineSettings();
        settings.Resilience.TotalTimeout = "10";
        settings.Resilience.AttemptTimeout = "20";
        settings.Resilience.BaseDelay = "5";
        settings.Resilience.MaxDelay = "1";

        var (_, problems) = ResilienceOptions.From(settings, BackendKind.OpenAI);

        Assert.Contains(problems, p => p.Contains("total_timeout = 10 is below attempt_timeout = 20", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("max_delay = 1 is below base_delay = 5", StringComparison.Ordinal));
    }
}
