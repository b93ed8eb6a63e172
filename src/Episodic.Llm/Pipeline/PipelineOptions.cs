using System.Globalization;
using Episodic.Llm.Configuration;
using Episodic.Llm.Providers;

namespace Episodic.Llm.Pipeline;

/// <summary>The pipeline's settings, typed. <see cref="From"/> reports every bad value with its key and the fix.</summary>
public sealed record PipelineOptions
{
    public Strategy Strategy { get; init; } = Strategy.RulesFirst;

    /// <summary>Backends in the order they are tried.</summary>
    public IReadOnlyList<BackendKind> Chain { get; init; } = [];

    public double Threshold { get; init; } = LlmDefaults.Threshold;

    public int BatchSize { get; init; } = LlmDefaults.BatchSize;

    public int Concurrency { get; init; } = LlmDefaults.Concurrency;

    public int MaxTokensPerName { get; init; } = LlmDefaults.MaxTokensPerName;

    public bool Cache { get; init; } = true;

    public bool Batching { get; init; } = true;

    public bool Dedup { get; init; } = true;

    public bool Metrics { get; init; } = true;

    public static readonly IReadOnlyDictionary<string, Strategy> StrategyNames = new Dictionary<string, Strategy>(StringComparer.OrdinalIgnoreCase)
    {
        ["rules-first"] = Strategy.RulesFirst,
        ["llm-first"] = Strategy.LlmFirst,
        ["rules-only"] = Strategy.RulesOnly,
        ["llm-only"] = Strategy.LlmOnly,
    };

    /// <summary>Typed options, or the list of problems (each naming the key and the fix).</summary>
    public static (PipelineOptions Options, IReadOnlyList<string> Problems) From(PipelineSettings s, BackendKind selected)
    {
        var problems = new List<string>();
        var strategy = Strategy.RulesFirst;
        if (!StrategyNames.TryGetValue(s.Llm.Strategy.Trim(), out strategy))
        {
            problems.Add($"[llm] strategy = {s.Llm.Strategy} is not known; use one of: {string.Join(", ", StrategyNames.Keys)}.");
        }

        var chain = new List<BackendKind>();
        foreach (var part in (s.Llm.Chain ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (BackendKindNames.TryParse(part, out var kind))
            {
                if (!chain.Contains(kind))
                {
                    chain.Add(kind);
                }
            }
            else
            {
                problems.Add($"[llm] chain names '{part}', which is not a backend; use ollama, openai and/or anthropic, comma-separated.");
            }
        }

        if (chain.Count == 0)
        {
            chain.Add(selected);
        }

        var threshold = Number(s.Llm.Threshold, "[llm] threshold", 0, 1, problems, LlmDefaults.Threshold);
        var batch = (int)Number(s.Llm.BatchSize, "[llm] batch_size", 1, 200, problems, 20);
        var concurrency = (int)Number(s.Llm.Concurrency, "[llm] concurrency", 1, 64, problems, 4);
        var maxTokens = (int)Number(s.Llm.MaxTokensPerName, "[llm] max_tokens_per_name", 16, 8192, problems, 150);
        var options = new PipelineOptions
        {
            Strategy = strategy,
            Chain = chain,
            Threshold = threshold,
            BatchSize = batch,
            Concurrency = concurrency,
            MaxTokensPerName = maxTokens,
            Cache = Flag(s.Features.Cache, "[features] cache", problems),
            Batching = Flag(s.Features.Batching, "[features] batching", problems),
            Dedup = Flag(s.Features.Dedup, "[features] dedup", problems),
            Metrics = Flag(s.Features.Metrics, "[features] metrics", problems),
        };
        return (options, problems);
    }

    private static double Number(string value, string key, double min, double max, List<string> problems, double fallback)
    {
        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max)
        {
            return n;
        }

        problems.Add($"{key} = {value} must be a number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}.");
        return fallback;
    }

    /// <summary>on/off, true/false, yes/no, 1/0.</summary>
    public static bool Flag(string value, string key, List<string> problems)
    {
        switch (value.Trim().ToLowerInvariant())
        {
            case "on" or "true" or "yes" or "1" or "enabled":
                return true;
            case "off" or "false" or "no" or "0" or "disabled":
                return false;
            default:
                problems.Add($"{key} = {value} must be on or off.");
                return true;
        }
    }
}
