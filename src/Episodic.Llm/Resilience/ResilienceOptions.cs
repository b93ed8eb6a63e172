using System.Globalization;
using Episodic.Llm.Configuration;
using Episodic.Llm.Pipeline;
using Episodic.Llm.Providers;

namespace Episodic.Llm.Resilience;

/// <summary>
/// Typed <c>[resilience]</c>, <c>[features] resilience / rate_limit</c> and one backend's rate limits. Built by
/// <see cref="From"/>, which reports every bad value with its INI key and keeps the default for it, so one typo does
/// not take the whole pipeline down.
/// </summary>
public sealed record ResilienceOptions
{
    // Polly's own bounds: its timeouts accept (10 ms, 24 h), the breaker needs windows over 0.5 s and 2+ calls.
    internal static readonly TimeSpan MinTimeout = TimeSpan.FromMilliseconds(10);
    internal static readonly TimeSpan MaxTimeout = TimeSpan.FromHours(24);
    internal static readonly TimeSpan MinBreakerWindow = TimeSpan.FromSeconds(0.5);

    /// <summary>Retries after the first attempt; 0 = no retry.</summary>
    public int MaxRetries { get; init; } = LlmDefaults.MaxRetries;

    /// <summary>First backoff step; later ones double, with jitter.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(LlmDefaults.BaseDelaySeconds);

    /// <summary>Longest single wait. A Retry-After above it is not waited for: the call fails at once.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(LlmDefaults.MaxDelaySeconds);

    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(LlmDefaults.AttemptTimeoutSeconds);

    /// <summary>Whole call, retries and their waits included.</summary>
    public TimeSpan TotalTimeout { get; init; } = TimeSpan.FromSeconds(LlmDefaults.TotalTimeoutSeconds);

    public double BreakerFailureRatio { get; init; } = LlmDefaults.BreakerFailureRatio;

    public int BreakerMinimumThroughput { get; init; } = LlmDefaults.BreakerMinimumThroughput;

    public TimeSpan BreakerSampling { get; init; } = TimeSpan.FromSeconds(LlmDefaults.BreakerSamplingSeconds);

    public TimeSpan BreakerBreak { get; init; } = TimeSpan.FromSeconds(LlmDefaults.BreakerBreakSeconds);

    /// <summary>0 = unlimited.</summary>
    public int RequestsPerMinute { get; init; }

    /// <summary>Input + output tokens; 0 = unlimited.</summary>
    public int TokensPerMinute { get; init; }

    /// <summary><c>[features] resilience</c>: timeouts, retries and the circuit breaker.</summary>
    public bool ResilienceEnabled { get; init; } = true;

    /// <summary><c>[features] rate_limit</c>.</summary>
    public bool RateLimitEnabled { get; init; } = true;

    public static (ResilienceOptions Options, IReadOnlyList<string> Problems) From(PipelineSettings settings, BackendKind backend)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var problems = new List<string>();
        var defaults = new ResilienceOptions();
        var r = settings.Resilience;
        var limits = backend switch
        {
            BackendKind.OpenAI => settings.OpenAI,
            BackendKind.Anthropic => settings.Anthropic,
            _ => settings.Ollama,
        };
        var section = backend.WireName();

        var options = new ResilienceOptions
        {
            MaxRetries = WholeNumber(r.MaxRetries, "[resilience] max_retries", 0, 100, defaults.MaxRetries, problems),
            BaseDelay = Seconds(r.BaseDelay, "[resilience] base_delay", TimeSpan.Zero, MaxTimeout, defaults.BaseDelay, problems),
            MaxDelay = Seconds(r.MaxDelay, "[resilience] max_delay", TimeSpan.Zero, MaxTimeout, defaults.MaxDelay, problems),
            AttemptTimeout = Seconds(r.AttemptTimeout, "[resilience] attempt_timeout", MinTimeout, MaxTimeout, defaults.AttemptTimeout, problems),
            TotalTimeout = Seconds(r.TotalTimeout, "[resilience] total_timeout", MinTimeout, MaxTimeout, defaults.TotalTimeout, problems),
            BreakerFailureRatio = Ratio(r.BreakerFailureRatio, "[resilience] breaker_failure_ratio", defaults.BreakerFailureRatio, problems),
            BreakerMinimumThroughput = WholeNumber(r.BreakerMinimumThroughput, "[resilience] breaker_minimum_throughput", 2, 1_000_000, defaults.BreakerMinimumThroughput, problems),
            BreakerSampling = Seconds(r.BreakerSampling, "[resilience] breaker_sampling", MinBreakerWindow, MaxTimeout, defaults.BreakerSampling, problems),
            BreakerBreak = Seconds(r.BreakerBreak, "[resilience] breaker_break", MinBreakerWindow, MaxTimeout, defaults.BreakerBreak, problems),
            RequestsPerMinute = WholeNumber(limits.RequestsPerMinute, $"[{section}] requests_per_minute", 0, int.MaxValue, 0, problems),
            TokensPerMinute = WholeNumber(limits.TokensPerMinute, $"[{section}] tokens_per_minute", 0, int.MaxValue, 0, problems),
            ResilienceEnabled = Flag(settings.Features.Resilience, "[features] resilience", problems),
            RateLimitEnabled = Flag(settings.Features.RateLimit, "[features] rate_limit", problems),
        };

        if (options.MaxDelay < options.BaseDelay)
        {
            problems.Add($"[resilience] max_delay = {Format(options.MaxDelay)} is below base_delay = {Format(options.BaseDelay)}; "
                + "raise max_delay or lower base_delay.");
        }

        if (options.TotalTimeout < options.AttemptTimeout)
        {
            problems.Add($"[resilience] total_timeout = {Format(options.TotalTimeout)} is below attempt_timeout = {Format(options.AttemptTimeout)}; "
                + "a request could never finish one attempt. Raise total_timeout.");
        }

        return (options, problems);
    }

    private static int WholeNumber(string? value, string key, int min, int max, int fallback, List<string> problems)
    {
        if (!int.TryParse(value?.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n))
        {
            problems.Add($"{key} = {value} is not a whole number; use one from {min} to {max} (default {fallback}).");
            return fallback;
        }

        if (n < min || n > max)
        {
            problems.Add($"{key} = {value} is out of range; use a whole number from {min} to {max} (default {fallback}).");
            return fallback;
        }

        return n;
    }

    private static TimeSpan Seconds(string? value, string key, TimeSpan min, TimeSpan max, TimeSpan fallback, List<string> problems)
    {
        var range = $"from {Format(min)} to {Format(max)} seconds (default {Format(fallback)})";
        if (!double.TryParse(value?.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || !double.IsFinite(seconds))
        {
            problems.Add($"{key} = {value} is not a number of seconds; use one {range}.");
            return fallback;
        }

        // Compare in seconds first: TimeSpan.FromSeconds overflows on huge values.
        if (seconds < min.TotalSeconds || seconds > max.TotalSeconds)
        {
            problems.Add($"{key} = {value} is out of range; use a number of seconds {range}.");
            return fallback;
        }

        return TimeSpan.FromSeconds(seconds);
    }

    private static double Ratio(string? value, string key, double fallback, List<string> problems)
    {
        if (double.TryParse(value?.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var ratio) && ratio > 0 && ratio <= 1)
        {
            return ratio;
        }

        problems.Add($"{key} = {value} must be a number above 0 and at most 1 (default {fallback.ToString(CultureInfo.InvariantCulture)}), e.g. 0.5 for half the calls failing.");
        return fallback;
    }

    private static bool Flag(string? value, string key, List<string> problems)
    {
        switch (value?.Trim().ToLowerInvariant())
        {
            case "on" or "true" or "yes" or "1" or "enabled":
                return true;
            case "off" or "false" or "no" or "0" or "disabled":
                return false;
            default:
                problems.Add($"{key} = {value} must be on or off (default on).");
                return true;
        }
    }

    private static string Format(TimeSpan value) => value.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
}
