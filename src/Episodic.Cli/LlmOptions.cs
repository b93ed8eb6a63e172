using System.CommandLine;
using Episodic.Core.Parsing;
using Episodic.Llm;
using Episodic.Llm.Configuration;
using Episodic.Llm.Prompting;
using Episodic.Llm.Providers;

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

    /// <summary>Builds the service, or writes every configuration problem to stderr and returns null.</summary>
    public ILlmService? CreateService(ParseResult result, CliContext context)
    {
        try
        {
            var overrides = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            if (result.GetValue(Backend) is { } backend)
            {
                overrides["llm:service"] = backend;
            }

            var settings = LlmConfiguration.Load(ConfigPath(result, context), context.Environment, overrides);
            var kind = LlmConfiguration.SelectedBackend(settings);
            if (result.GetValue(Model) is { } model)
            {
                overrides[$"{kind.ToString().ToLowerInvariant()}:model"] = model;
                settings = LlmConfiguration.Load(ConfigPath(result, context), context.Environment, overrides);
            }

            var options = LlmConfiguration.ToBackendOptions(settings, kind);
            var prompts = settings.Llm.PromptsDir is { Length: > 0 } dir ? new PromptLibrary(dir) : PromptLibrary.Embedded;
            return new LlmService(ChatClientFactory.Create(options), options.Name, RuleParser.Default, prompts, options.Temperature);
        }
        catch (LlmConfigurationException ex)
        {
            context.Error("the LLM configuration has problems:");
            var problems = ex.Problems.Count > 0 ? ex.Problems : [ex.Message];
            foreach (var problem in problems)
            {
                context.Stderr.WriteLine($"  - {problem}");
            }

            return null;
        }
    }

    private string? ConfigPath(ParseResult result, CliContext context)
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
