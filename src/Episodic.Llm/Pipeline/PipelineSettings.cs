using Episodic.Llm.Configuration;
using Microsoft.Extensions.Configuration;

namespace Episodic.Llm.Pipeline;

/// <summary>
/// The pipeline's settings, bound from the same layered configuration as <see cref="Configuration.LlmSettings"/>
/// (INI &lt; well-known env &lt; EPISODIC_* &lt; command line). Values stay strings until <see cref="PipelineOptions"/>
/// parses them, so a bad value is reported with its key instead of failing the load.
/// </summary>
public sealed class PipelineSettings
{
    /// <summary>Pipeline keys of <c>[llm]</c>.</summary>
    public StrategySection Llm { get; set; } = new();

    /// <summary><c>[features]</c>: on/off switches.</summary>
    public FeaturesSection Features { get; set; } = new();

    /// <summary><c>[resilience]</c></summary>
    public ResilienceSection Resilience { get; set; } = new();

    /// <summary><c>[cache]</c></summary>
    public CacheSection Cache { get; set; } = new();

    /// <summary>Rate limits of <c>[ollama]</c>, <c>[openai]</c>, <c>[anthropic]</c>.</summary>
    public RateLimitSection Ollama { get; set; } = new();

    public RateLimitSection OpenAI { get; set; } = new();

    public RateLimitSection Anthropic { get; set; } = new();

    /// <summary><c>[prices]</c>: <c>model = input_usd_per_1m, output_usd_per_1m</c>; overrides the shipped table.</summary>
    public Dictionary<string, string> Prices { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public static PipelineSettings Bind(IConfiguration configuration)
    {
        var s = new PipelineSettings();
        configuration.GetSection("llm").Bind(s.Llm);
        configuration.GetSection("features").Bind(s.Features);
        configuration.GetSection("resilience").Bind(s.Resilience);
        configuration.GetSection("cache").Bind(s.Cache);
        configuration.GetSection("ollama").Bind(s.Ollama);
        configuration.GetSection("openai").Bind(s.OpenAI);
        configuration.GetSection("anthropic").Bind(s.Anthropic);
        foreach (var price in configuration.GetSection("prices").GetChildren())
        {
            if (price.Value is { } v)
            {
                s.Prices[price.Key] = v;
            }
        }

        return s;
    }
}

public sealed class StrategySection
{
    /// <summary><c>strategy = rules-first|llm-first|rules-only|llm-only</c></summary>
    public string Strategy { get; set; } = LlmDefaults.Strategy;

    /// <summary><c>chain = ollama, openai, anthropic</c>; empty = just <c>[llm] service</c>.</summary>
    public string? Chain { get; set; }

    /// <summary><c>threshold</c>: confidence below which a rules answer escalates (and an LLM answer falls through).</summary>
    public string Threshold { get; set; } = LlmDefaults.Text(LlmDefaults.Threshold);

    /// <summary><c>batch_size</c>: names per LLM request when batching is on.</summary>
    public string BatchSize { get; set; } = LlmDefaults.Text(LlmDefaults.BatchSize);

    /// <summary><c>concurrency</c>: requests in flight per backend.</summary>
    public string Concurrency { get; set; } = LlmDefaults.Text(LlmDefaults.Concurrency);

    /// <summary><c>max_tokens_per_name</c>: output token budget per name in a request.</summary>
    public string MaxTokensPerName { get; set; } = LlmDefaults.Text(LlmDefaults.MaxTokensPerName);
}

public sealed class FeaturesSection
{
    public string Cache { get; set; } = "on";

    public string Batching { get; set; } = "on";

    public string Dedup { get; set; } = "on";

    public string RateLimit { get; set; } = "on";

    public string Resilience { get; set; } = "on";

    public string Metrics { get; set; } = "on";
}

public sealed class ResilienceSection
{
    /// <summary><c>max_retries</c> per request (429, 5xx, timeouts; never 400/401/403).</summary>
    public string MaxRetries { get; set; } = LlmDefaults.Text(LlmDefaults.MaxRetries);

    /// <summary><c>base_delay</c> seconds of the exponential backoff (with jitter); Retry-After wins when sent.</summary>
    public string BaseDelay { get; set; } = LlmDefaults.Text(LlmDefaults.BaseDelaySeconds);

    /// <summary><c>max_delay</c> seconds: the longest single wait, Retry-After included.</summary>
    public string MaxDelay { get; set; } = LlmDefaults.Text(LlmDefaults.MaxDelaySeconds);

    /// <summary><c>attempt_timeout</c> seconds per attempt.</summary>
    public string AttemptTimeout { get; set; } = LlmDefaults.Text(LlmDefaults.AttemptTimeoutSeconds);

    /// <summary><c>total_timeout</c> seconds for a request including retries.</summary>
    public string TotalTimeout { get; set; } = LlmDefaults.Text(LlmDefaults.TotalTimeoutSeconds);

    /// <summary><c>breaker_failure_ratio</c> in (0,1]: failures in the sampling window that open the circuit.</summary>
    public string BreakerFailureRatio { get; set; } = LlmDefaults.Text(LlmDefaults.BreakerFailureRatio);

    /// <summary><c>breaker_minimum_throughput</c>: calls in the window before the ratio counts.</summary>
    public string BreakerMinimumThroughput { get; set; } = LlmDefaults.Text(LlmDefaults.BreakerMinimumThroughput);

    /// <summary><c>breaker_sampling</c> seconds.</summary>
    public string BreakerSampling { get; set; } = LlmDefaults.Text(LlmDefaults.BreakerSamplingSeconds);

    /// <summary><c>breaker_break</c> seconds the circuit stays open before a half-open probe.</summary>
    public string BreakerBreak { get; set; } = LlmDefaults.Text(LlmDefaults.BreakerBreakSeconds);
}

public sealed class CacheSection
{
    /// <summary><c>dir</c>: folder of the SQLite cache file; default the user's cache folder.</summary>
    public string? Dir { get; set; }

    /// <summary><c>ttl_days</c></summary>
    public string TtlDays { get; set; } = LlmDefaults.Text(LlmDefaults.CacheTtlDays);

    /// <summary><c>negative_ttl_hours</c>: how long a rejected model answer is remembered (0 = not at all).</summary>
    public string NegativeTtlHours { get; set; } = LlmDefaults.Text(LlmDefaults.CacheNegativeTtlHours);

    /// <summary><c>memory_entries</c>: size of the in-memory LRU in front of SQLite.</summary>
    public string MemoryEntries { get; set; } = LlmDefaults.Text(LlmDefaults.CacheMemoryEntries);
}

public sealed class RateLimitSection
{
    /// <summary><c>requests_per_minute</c>; 0 = unlimited.</summary>
    public string RequestsPerMinute { get; set; } = "0";

    /// <summary><c>tokens_per_minute</c> (input + output); 0 = unlimited.</summary>
    public string TokensPerMinute { get; set; } = "0";
}
