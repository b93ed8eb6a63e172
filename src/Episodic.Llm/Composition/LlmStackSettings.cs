using System.Globalization;
using Episodic.Llm.Configuration;
using Episodic.Llm.Metrics;
using Episodic.Llm.Pipeline;
using Episodic.Llm.Prompting;
using Episodic.Llm.Providers;
using Episodic.Llm.Resilience;
using Microsoft.Extensions.Configuration;

namespace Episodic.Llm.Composition;

/// <summary>
/// The configuration bound once and resolved into everything the LLM stack is built from: the selected backend, the
/// fallback chain with each member's options, the pipeline, the cache, the prompts and the prices. Every problem is
/// collected (each naming its key and fix) rather than thrown, so one reader can report them all.
/// </summary>
public sealed record LlmStackSettings
{
    /// <summary>The raw <c>[llm]</c> and backend sections, as bound.</summary>
    public required LlmSettings Llm { get; init; }

    /// <summary>The raw pipeline sections (<c>[features]</c>, <c>[resilience]</c>, <c>[cache]</c>, <c>[prices]</c>), as bound.</summary>
    public required PipelineSettings Sections { get; init; }

    /// <summary>The backend named by <c>[llm] service</c>; null when the name is unknown (see <see cref="Problems"/>).</summary>
    public BackendKind? Selected { get; init; }

    /// <summary>Pipeline options with the command line's overrides applied.</summary>
    public required PipelineOptions Pipeline { get; init; }

    /// <summary>The usable chain members in the order they are tried (empty for rules-only).</summary>
    public required IReadOnlyList<ChainMemberOptions> Backends { get; init; }

    public required CacheOptions Cache { get; init; }

    public required PromptLibrary Prompts { get; init; }

    public required PriceTable Prices { get; init; }

    /// <summary>What stops the stack from being built; empty when it can be.</summary>
    public required IReadOnlyList<string> Problems { get; init; }

    /// <summary>What the run should be told but that does not stop it (a chain member that is not configured).</summary>
    public required IReadOnlyList<string> Warnings { get; init; }

    /// <summary>The cache key's prompt part: a cached answer is reused only while both parse prompts and their few-shot examples are unchanged.</summary>
    public string PromptVersion => $"{Prompts[PromptLibrary.ParseFilename].Version}+{Prompts[PromptLibrary.ParseBatch].Version}+{Prompts.Examples.Version}";

    /// <summary>Binds <paramref name="configuration"/> once and resolves it; never throws on bad values.</summary>
    public static LlmStackSettings Resolve(IConfiguration configuration, PipelineOverrides? overrides = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        overrides ??= new PipelineOverrides();
        var llm = LlmConfiguration.Bind(configuration);
        var sections = PipelineSettings.Bind(configuration);
        var problems = new List<string>();
        var warnings = new List<string>();

        BackendKind? selected = null;
        try
        {
            selected = LlmConfiguration.SelectedBackend(llm);
        }
        catch (LlmConfigurationException ex)
        {
            problems.AddRange(ex.Problems);
        }

        var (pipeline, pipelineProblems) = PipelineOptions.From(sections, selected ?? BackendKind.Ollama);
        problems.AddRange(pipelineProblems);
        pipeline = pipeline with
        {
            Strategy = overrides.Strategy ?? pipeline.Strategy,
            Concurrency = overrides.Concurrency ?? pipeline.Concurrency,
            BatchSize = overrides.BatchSize ?? pipeline.BatchSize,
            Threshold = overrides.Threshold ?? pipeline.Threshold,
            Cache = pipeline.Cache && !overrides.NoCache,
        };
        if (pipeline.Strategy != Strategy.RulesOnly)
        {
            // Every backend section's values, not only the chain's: a model will be asked, so every problem is listed
            // at once (an unknown service would otherwise hide a bad timeout until the next run).
            problems.AddRange(LlmConfiguration.Validate(llm));
        }

        var prices = PriceTable.WithOverrides(sections.Prices, out var priceProblems);
        problems.AddRange(priceProblems);

        var backends = new List<ChainMemberOptions>();
        if (pipeline.Strategy != Strategy.RulesOnly && selected is not null)
        {
            foreach (var kind in pipeline.Chain)
            {
                try
                {
                    var backend = LlmConfiguration.ToBackendOptions(llm, kind);
                    var (resilience, resilienceProblems) = ResilienceOptions.From(sections, kind);
                    problems.AddRange(resilienceProblems);
                    backends.Add(new ChainMemberOptions(backend, resilience));
                }
                catch (LlmConfigurationException ex)
                {
                    // A chain member that is not configured is skipped with a warning; the selected one must work.
                    if (kind == selected || pipeline.Chain.Count == 1)
                    {
                        problems.AddRange(ex.Problems.Count > 0 ? ex.Problems : [ex.Message]);
                    }
                    else
                    {
                        warnings.Add($"{kind.WireName()} is in [llm] chain but not usable, so it is skipped: {string.Join(" ", ex.Problems)}");
                    }
                }
            }
        }

        var cache = new CacheOptions
        {
            Enabled = pipeline.Cache && pipeline.Strategy != Strategy.RulesOnly,
            Directory = overrides.CacheDir ?? sections.Cache.Dir,
            MemoryEntries = int.TryParse(sections.Cache.MemoryEntries, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : CacheOptions.DefaultMemoryEntries,
            TimeToLive = double.TryParse(sections.Cache.TtlDays, NumberStyles.Float, CultureInfo.InvariantCulture, out var days) && days > 0 ? TimeSpan.FromDays(days) : null,
            NegativeTimeToLive = NegativeTtl(sections.Cache.NegativeTtlHours, problems),
        };

        var prompts = llm.Llm.PromptsDir is { Length: > 0 } dir ? new PromptLibrary(dir) : PromptLibrary.Embedded;
        return new LlmStackSettings
        {
            Llm = llm,
            Sections = sections,
            Selected = selected,
            Pipeline = pipeline,
            Backends = backends,
            Cache = cache,
            Prompts = prompts,
            Prices = prices,
            Problems = [.. problems.Distinct(StringComparer.Ordinal)],
            Warnings = warnings,
        };
    }

    /// <summary><c>[cache] negative_ttl_hours</c>: hours from 0 (do not remember rejections) to a year; empty = the default.</summary>
    private static TimeSpan NegativeTtl(string? value, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return CacheOptions.DefaultNegativeTtl;
        }

        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var hours) && hours is >= 0 and <= 8760)
        {
            return TimeSpan.FromHours(hours);
        }

        problems.Add($"[cache] negative_ttl_hours = {value} must be a number of hours from 0 to 8760 (0 = do not remember rejected answers; default {CacheOptions.DefaultNegativeTtl.TotalHours:0}).");
        return CacheOptions.DefaultNegativeTtl;
    }
}

/// <summary>One chain member: where and how to call it, and its resilience and rate limits.</summary>
public sealed record ChainMemberOptions(BackendOptions Backend, ResilienceOptions Resilience);

/// <summary>The answer cache, resolved from <c>[cache]</c> and <c>--no-cache</c>/<c>--cache-dir</c>.</summary>
public sealed record CacheOptions
{
    public const int DefaultMemoryEntries = LlmDefaults.CacheMemoryEntries;

    /// <summary>The <c>[cache] negative_ttl_hours</c> default (<see cref="LlmDefaults.CacheNegativeTtlHours"/>).</summary>
    public static readonly TimeSpan DefaultNegativeTtl = TimeSpan.FromHours(LlmDefaults.CacheNegativeTtlHours);

    public bool Enabled { get; init; }

    /// <summary>Folder of the SQLite file; null = the user's cache folder.</summary>
    public string? Directory { get; init; }

    public int MemoryEntries { get; init; } = DefaultMemoryEntries;

    /// <summary>Entries older than this are not used; null = kept until evicted.</summary>
    public TimeSpan? TimeToLive { get; init; }

    /// <summary>How long a rejected answer is remembered (<c>[cache] negative_ttl_hours</c>); zero = not at all.</summary>
    public TimeSpan NegativeTimeToLive { get; init; } = DefaultNegativeTtl;
}
