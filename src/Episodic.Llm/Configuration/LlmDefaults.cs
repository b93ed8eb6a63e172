using System.Globalization;
using Episodic.Core.Evaluation;

namespace Episodic.Llm.Configuration;

/// <summary>
/// Every default of the LLM stack, declared once (the Polly <c>RetryConstants</c> habit): the INI binding classes,
/// the typed options, the CLI help and docs/configuration.md (checked by a test) all take their values from here.
/// </summary>
public static class LlmDefaults
{
    /// <summary><c>[llm] service</c>.</summary>
    public const string Service = "ollama";

    /// <summary><c>[llm] strategy</c>.</summary>
    public const string Strategy = "rules-first";

    /// <summary><c>[llm] threshold</c>: confidence below which a rules answer escalates.</summary>
    public const double Threshold = Escalation.DefaultThreshold;

    /// <summary><c>[llm] batch_size</c>: names per model request when batching is on.</summary>
    public const int BatchSize = 20;

    /// <summary><c>[llm] concurrency</c> / <c>--concurrency</c>: requests in flight per backend.</summary>
    public const int Concurrency = 4;

    /// <summary><c>[llm] max_tokens_per_name</c>: output budget per name in a request.</summary>
    public const int MaxTokensPerName = 150;

    /// <summary><c>[ollama] model</c>.</summary>
    public const string OllamaModel = "qwen3:14b";

    /// <summary><c>[ollama] host</c> (and OLLAMA_HOST's default port).</summary>
    public const string OllamaHost = "http://localhost:11434";

    /// <summary><c>[ollama] timeout</c> seconds per request: a local model answers or it does not.</summary>
    public const double OllamaTimeoutSeconds = 30;

    /// <summary><c>[openai] model</c>.</summary>
    public const string OpenAIModel = "gpt-4o-mini";

    /// <summary><c>[anthropic] model</c>.</summary>
    public const string AnthropicModel = "claude-3-5-haiku-latest";

    /// <summary><c>max_tokens</c> of OpenAI and Anthropic.</summary>
    public const int MaxTokens = 4000;

    /// <summary><c>temperature</c> of OpenAI and Anthropic: low, the task is extraction.</summary>
    public const float Temperature = 0.1f;

    /// <summary><c>timeout</c> seconds per request of the hosted backends.</summary>
    public const double TimeoutSeconds = 60;

    /// <summary><c>[resilience] max_retries</c>.</summary>
    public const int MaxRetries = 3;

    /// <summary><c>[resilience] base_delay</c> seconds.</summary>
    public const double BaseDelaySeconds = 1;

    /// <summary><c>[resilience] max_delay</c> seconds.</summary>
    public const double MaxDelaySeconds = 30;

    /// <summary><c>[resilience] attempt_timeout</c> seconds.</summary>
    public const double AttemptTimeoutSeconds = 30;

    /// <summary><c>[resilience] total_timeout</c> seconds.</summary>
    public const double TotalTimeoutSeconds = 120;

    /// <summary><c>[resilience] breaker_failure_ratio</c>.</summary>
    public const double BreakerFailureRatio = 0.5;

    /// <summary><c>[resilience] breaker_minimum_throughput</c>.</summary>
    public const int BreakerMinimumThroughput = 4;

    /// <summary><c>[resilience] breaker_sampling</c> seconds.</summary>
    public const double BreakerSamplingSeconds = 30;

    /// <summary><c>[resilience] breaker_break</c> seconds.</summary>
    public const double BreakerBreakSeconds = 30;

    /// <summary><c>[cache] ttl_days</c>.</summary>
    public const double CacheTtlDays = 90;

    /// <summary>
    /// <c>[cache] negative_ttl_hours</c>: a rejected model answer is remembered for a day, so re-runs that day cost
    /// nothing, and the name is asked again after (the model behind an alias may have changed). 0 = never remembered.
    /// </summary>
    public const double CacheNegativeTtlHours = 24;

    /// <summary><c>[cache] memory_entries</c>: the in-memory LRU in front of SQLite.</summary>
    public const int CacheMemoryEntries = 10_000;

    /// <summary>Every INI default as <c>section key</c> → the text the file would hold; docs/configuration.md lists exactly these.</summary>
    public static IReadOnlyDictionary<string, string> Ini { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["llm service"] = Service,
        ["llm strategy"] = Strategy,
        ["llm threshold"] = Text(Threshold),
        ["llm batch_size"] = Text(BatchSize),
        ["llm concurrency"] = Text(Concurrency),
        ["llm max_tokens_per_name"] = Text(MaxTokensPerName),
        ["ollama model"] = OllamaModel,
        ["ollama host"] = OllamaHost,
        ["ollama timeout"] = Text(OllamaTimeoutSeconds),
        ["openai model"] = OpenAIModel,
        ["openai max_tokens"] = Text(MaxTokens),
        ["openai temperature"] = Text(Temperature),
        ["openai timeout"] = Text(TimeoutSeconds),
        ["anthropic model"] = AnthropicModel,
        ["anthropic max_tokens"] = Text(MaxTokens),
        ["anthropic temperature"] = Text(Temperature),
        ["anthropic timeout"] = Text(TimeoutSeconds),
        ["resilience max_retries"] = Text(MaxRetries),
        ["resilience base_delay"] = Text(BaseDelaySeconds),
        ["resilience max_delay"] = Text(MaxDelaySeconds),
        ["resilience attempt_timeout"] = Text(AttemptTimeoutSeconds),
        ["resilience total_timeout"] = Text(TotalTimeoutSeconds),
        ["resilience breaker_failure_ratio"] = Text(BreakerFailureRatio),
        ["resilience breaker_minimum_throughput"] = Text(BreakerMinimumThroughput),
        ["resilience breaker_sampling"] = Text(BreakerSamplingSeconds),
        ["resilience breaker_break"] = Text(BreakerBreakSeconds),
        ["cache ttl_days"] = Text(CacheTtlDays),
        ["cache negative_ttl_hours"] = Text(CacheNegativeTtlHours),
        ["cache memory_entries"] = Text(CacheMemoryEntries),
    };

    /// <summary>A default as the INI text that means it (invariant culture, shortest form).</summary>
    public static string Text(double value) => value.ToString(CultureInfo.InvariantCulture);

    /// <inheritdoc cref="Text(double)"/>
    public static string Text(float value) => value.ToString(CultureInfo.InvariantCulture);

    /// <inheritdoc cref="Text(double)"/>
    public static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
