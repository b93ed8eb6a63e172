using System.CommandLine;
using Episodic.Llm.Configuration;
using Episodic.Llm.Pipeline;
using Episodic.Llm.Providers;
using Microsoft.Extensions.Configuration;

namespace Episodic.Cli;

/// <summary>
/// The options every LLM-using command shares (--config, --backend, --model) and the one place that turns them into
/// the LLM stack (<see cref="PipelineHost"/>). Configuration is only read and validated here, so commands without --llm never fail
/// on bad LLM settings.
/// </summary>
internal sealed class LlmOptions
{
    public Option<string?> Config { get; } = new("--config", "-c")
    {
        Description = "INI file with [llm], [ollama], [openai], [anthropic] sections (Sync2NAS layout). Default: $EPISODIC_CONFIG, else ./episodic.ini if present.",
    };

    public Option<string?> Backend { get; } = new Option<string?>("--backend")
    {
        Description = $"LLM backend to use instead of [llm] service: {string.Join(", ", LlmNames.Services)} (default [llm] service, {LlmDefaults.Service}).",
    }.OneOf(LlmNames.Services);

    public Option<string?> Model { get; } = new("--model")
    {
        Description = "Model to use instead of the backend section's model.",
    };

    public IEnumerable<Option> All => [Config, Backend, Model];

    /// <summary><c>--strategy</c>, shared by parse and serve; the default shown is <see cref="LlmDefaults.Strategy"/>.</summary>
    public static Option<string?> StrategyOption() => new Option<string?>("--strategy")
    {
        Description = $"{string.Join(", ", LlmNames.Strategies)} (default [llm] strategy, {LlmDefaults.Strategy}). Any but rules-only implies --llm.",
    }.OneOf(LlmNames.Strategies);

    /// <summary>
    /// <see cref="BuildConfiguration(ParseResult, CliContext)"/> for a command that exits 3 on a bad file: false after
    /// the problem is reported, so each command does not repeat the same catch.
    /// </summary>
    public bool TryBuildConfiguration(ParseResult result, CliContext context, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out IConfiguration? configuration)
    {
        try
        {
            configuration = BuildConfiguration(result, context);
            return true;
        }
        catch (LlmConfigurationException ex)
        {
            Report(context, ex);
            configuration = null;
            return false;
        }
    }

    /// <summary>
    /// The layered configuration for this command: the INI file (--config, $EPISODIC_CONFIG or ./episodic.ini), the
    /// environment, and --backend/--model on top. --model applies to the backend that ends up selected.
    /// </summary>
    /// <exception cref="LlmConfigurationException">An explicitly named file is missing or unreadable.</exception>
    public IConfiguration BuildConfiguration(ParseResult result, CliContext context)
    {
        var overrides = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (result.GetValue(Backend) is { } backend)
        {
            overrides["llm:service"] = backend;
        }

        var path = ConfigPath(result, context);
        var configuration = LlmConfiguration.Build(path, context.Environment, overrides);
        ConfigSections.WarnUnknownKeys(path, context);
        if (result.GetValue(Model) is { } model && SettingValuesService(LlmConfiguration.Bind(configuration)) is { } kind)
        {
            overrides[$"{kind.WireName()}:model"] = model;
            configuration = LlmConfiguration.Build(path, context.Environment, overrides);
        }

        return configuration;
    }

    /// <summary>
    /// The configuration with one backend alone in the chain (<c>eval --llm --backend a,b</c> scores each on its own):
    /// the file and environment as for <see cref="BuildConfiguration(ParseResult, CliContext)"/>, then
    /// <paramref name="backend"/> as both the service and the whole chain, and <paramref name="model"/> as its model.
    /// </summary>
    /// <exception cref="LlmConfigurationException">An explicitly named file is missing or unreadable.</exception>
    /// <remarks>With <paramref name="backend"/> null the configured service and chain stay, and the model applies to the service.</remarks>
    public IConfiguration BuildConfiguration(ParseResult result, CliContext context, string? backend, string? model)
    {
        var path = ConfigPath(result, context);
        var overrides = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (backend is not null)
        {
            overrides["llm:service"] = backend;
            overrides["llm:chain"] = backend;
        }

        var target = backend ?? SettingValuesService(LlmConfiguration.Bind(LlmConfiguration.Build(path, context.Environment, overrides)))?.ToString();
        if (model is not null && target is not null)
        {
            overrides[$"{target.ToLowerInvariant()}:model"] = model;
        }

        return LlmConfiguration.Build(path, context.Environment, overrides);
    }

    /// <summary>
    /// The LLM stack from the composition root, for commands that ask the model one question at a time (suggest-show,
    /// shorten): every configured backend of the chain with its resilience, rate limits and metrics, and no answer
    /// cache (it holds filename parses only). Writes every configuration problem to stderr and returns null.
    /// </summary>
    public PipelineHost? CreateHost(ParseResult result, CliContext context)
    {
        try
        {
            return PipelineHost.Create(
                BuildConfiguration(result, context),
                new PipelineOverrides { Strategy = Strategy.LlmOnly, NoCache = true },
                new CliLogger(context));
        }
        catch (LlmConfigurationException ex)
        {
            Report(context, ex);
            return null;
        }
    }

    /// <summary>Writes a configuration error: one problem on one line, several listed one per line under a count.</summary>
    public static void Report(CliContext context, LlmConfigurationException ex)
    {
        IReadOnlyList<string> problems = ex.Problems.Count > 0 ? ex.Problems : [ex.Message];
        if (problems.Count == 1)
        {
            context.Error($"configuration: {problems[0]}");
            return;
        }

        context.Error($"the configuration has {problems.Count} problems:");
        foreach (var problem in problems)
        {
            context.Stderr.WriteLine($"  - {Core.Text.Printable.Escape(problem)}");
        }
    }

    private static BackendKind? SettingValuesService(LlmSettings settings)
    {
        try
        {
            return LlmConfiguration.SelectedBackend(settings);
        }
        catch (LlmConfigurationException)
        {
            return null;
        }
    }

    /// <summary>--config, then $EPISODIC_CONFIG, then ./episodic.ini when present, else no file.</summary>
    internal string? ConfigPath(ParseResult result, CliContext context)
    {
        if (result.GetValue(Config) is { } explicitPath)
        {
            return explicitPath;
        }

        var env = context.Environment is { } e ? e.GetValueOrDefault("EPISODIC_CONFIG") : System.Environment.GetEnvironmentVariable("EPISODIC_CONFIG");
        if (!string.IsNullOrWhiteSpace(env))
        {
            return env;
        }

        return File.Exists("episodic.ini") ? "episodic.ini" : null;
    }
}
