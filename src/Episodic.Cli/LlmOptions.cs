using System.CommandLine;
using Episodic.Core.Parsing;
using Episodic.Llm;
using Episodic.Llm.Configuration;
using Episodic.Llm.Prompting;
using Episodic.Llm.Providers;
using Microsoft.Extensions.Configuration;

namespace Episodic.Cli;

/// <summary>
/// The options every LLM-using command shares (--config, --backend, --model) and the one place that turns them into
/// an <see cref="ILlmService"/>. Configuration is only read and validated here, so commands without --llm never fail
/// on bad LLM settings.
/// </summary>
internal sealed class LlmOptions
{
    public Option<string?> Config { get; } = new("--config", "-c")
    {
        Description = "INI file with [llm], [ollama], [openai], [anthropic] sections (Sync2NAS layout). Default: $EPISODIC_CONFIG, else ./episodic.ini if present.",
    };

    public Option<string?> Backend { get; } = new("--backend")
    {
        Description = "LLM backend to use instead of [llm] service: ollama, openai or anthropic.",
    };

    public Option<string?> Model { get; } = new("--model")
    {
        Description = "Model to use instead of the backend section's model.",
    };

    public IEnumerable<Option> All => [Config, Backend, Model];

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
        if (result.GetValue(Model) is { } model && SettingValuesService(LlmConfiguration.Bind(configuration)) is { } kind)
        {
            overrides[$"{kind.ToString().ToLowerInvariant()}:model"] = model;
            configuration = LlmConfiguration.Build(path, context.Environment, overrides);
        }

        return configuration;
    }

    /// <summary>Builds the service, or writes every configuration problem to stderr and returns null.</summary>
    public ILlmService? CreateService(ParseResult result, CliContext context)
    {
        try
        {
            var settings = LlmConfiguration.Bind(BuildConfiguration(result, context));
            var kind = LlmConfiguration.SelectedBackend(settings);
            var options = LlmConfiguration.ToBackendOptions(settings, kind);
            var prompts = settings.Llm.PromptsDir is { Length: > 0 } dir ? new PromptLibrary(dir) : PromptLibrary.Embedded;
            return new LlmService(ChatClientFactory.Create(options), options.Name, RuleParser.Default, prompts, options.Temperature);
        }
        catch (LlmConfigurationException ex)
        {
            Report(context, ex);
            return null;
        }
    }

    /// <summary>Writes every problem of a configuration error, one per line.</summary>
    public static void Report(CliContext context, LlmConfigurationException ex)
    {
        context.Error("the LLM configuration has problems:");
        foreach (var problem in ex.Problems.Count > 0 ? ex.Problems : [ex.Message])
        {
            context.Stderr.WriteLine($"  - {problem}");
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
