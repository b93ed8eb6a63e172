using System.CommandLine;
using Episodic.Llm.Configuration;
using Episodic.Llm.Pipeline;
using Episodic.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Episodic.Cli;

/// <summary>
/// <c>episodic serve --urls URL</c>: the HTTP service (parse, batch parse, route plan, health, metrics, OpenAPI) until
/// Ctrl+C. Rules only unless --llm.
/// </summary>
internal static class ServeCommand
{
    public const string ApiKeyVariable = "EPISODIC_API_KEY";

    public static Command Create(CliContext context)
    {
        var urls = new Option<string>("--urls")
        {
            Description = "Where to listen; several URLs separated by ';'. A non-loopback address requires an API key.",
            DefaultValueFactory = _ => ServerOptions.DefaultUrls,
        };
        var apiKey = new Option<string?>("--api-key")
        {
            Description = $"Require this key in the X-Api-Key header (all endpoints but /health/live). Default: ${ApiKeyVariable}.",
        };
        var llm = new Option<bool>("--llm")
        {
            Description = "Parse with the LLM pipeline ([llm] strategy) instead of the rules only; /health/ready then probes the backends.",
        };
        var strategy = LlmOptions.StrategyOption();
        var noCache = new Option<bool>("--no-cache") { Description = "Do not read or write the answer cache." };
        var maxBatch = new Option<int>("--max-batch")
        {
            Description = "Most names per /parse/batch or /route/plan request.",
            DefaultValueFactory = _ => ServerOptions.DefaultMaxBatch,
        };
        maxBatch.AtLeast(1);
        var maxPlans = new Option<int>("--max-concurrent-plans")
        {
            Description = "Most /route/plan requests worked on at once (each may hold a 1 MB body).",
            DefaultValueFactory = _ => ServerOptions.DefaultMaxConcurrentPlans,
        };
        maxPlans.AtLeast(1);
        var planQueue = new Option<int>("--plan-queue")
        {
            Description = "Most /route/plan requests waiting for a turn; beyond them, 503 with Retry-After.",
            DefaultValueFactory = _ => ServerOptions.DefaultPlanQueue,
        };
        planQueue.AtLeast(0);
        var logLevel = new Option<string?>("--log-level")
        {
            Description = "Server log threshold: trace, debug (one line per request, never the query string), information, warning, error, critical or none. Default: [logging] level, else information.",
        };
        logLevel.OneOf([.. LogLevels.Keys]);
        var libraries = new Option<string[]>("--library")
        {
            Description = "A library whose review queue /review serves; repeat for several. Default: [routing] tv_path.",
            AllowMultipleArgumentsPerToken = false,
        };
        var llmOptions = new LlmOptions();
        var metadata = new MetadataOptions(allowNone: true);

        var command = new Command("serve", "Serve parsing, route planning, health checks and metrics over HTTP until Ctrl+C.")
        {
            urls, apiKey, llm, strategy, noCache, maxBatch, maxPlans, planQueue, logLevel, libraries,
        };
        foreach (var option in llmOptions.All.Concat(metadata.All))
        {
            command.Options.Add(option);
        }

        command.SetAction(async (result, cancellationToken) =>
        {
            var chosen = result.GetValue(strategy) is { } s ? PipelineOptions.StrategyNames[s] : (Strategy?)null;
            var useLlm = result.GetValue(llm) || chosen is not null and not Strategy.RulesOnly;
            var key = result.GetValue(apiKey) ?? Environment(context, ApiKeyVariable);
            if (!llmOptions.TryBuildConfiguration(result, context, out var configuration))
            {
                return CliApp.ExitConfigError;
            }

            if (!metadata.TryChoose(result, configuration, context, "none", out var provider))
            {
                return CliApp.ExitConfigError;
            }

            using var metadataHost = provider is { } p ? metadata.CreateHost(result, configuration, context, p, null) : null;
            if (provider is not null && metadataHost is null)
            {
                return CliApp.ExitConfigError;
            }

            if (!ServeLibraries.TryDesk(context, configuration, result.GetValue(libraries) ?? [], metadataHost?.Identifier, out var review))
            {
                return CliApp.ExitConfigError;
            }

            WebApplication app;
            try
            {
                var levelName = result.GetValue(logLevel) ?? configuration["logging:level"] ?? "information";
                if (!LogLevels.TryGetValue(levelName.Trim(), out var level))
                {
                    context.Error($"[logging] level must be one of {string.Join(", ", LogLevels.Keys)}, not '{levelName}'");
                    return CliApp.ExitConfigError;
                }

                app = EpisodicServer.Build(new ServerOptions
                {
                    Urls = result.GetValue(urls) ?? ServerOptions.DefaultUrls,
                    ApiKey = key,
                    MaxBatch = result.GetValue(maxBatch),
                    MaxConcurrentPlans = result.GetValue(maxPlans),
                    PlanQueue = result.GetValue(planQueue),
                    UseLlm = useLlm,
                    Configuration = useLlm ? configuration : null,
                    LogLevel = level,
                    Identifier = metadataHost?.Identifier,
                    Overrides = new PipelineOverrides { Strategy = chosen, NoCache = result.GetValue(noCache) },
                    ConfigurationLogger = new CliLogger(context),
                    Review = review,
                    Caches = ServeLibraries.Caches(configuration),
                });
            }
            catch (ServerConfigurationException ex)
            {
                context.Error(ex.Message);
                return CliApp.ExitConfigError;
            }
            catch (LlmConfigurationException ex)
            {
                LlmOptions.Report(context, ex);
                return CliApp.ExitConfigError;
            }

            await using (app.ConfigureAwait(false))
            {
                await app.StartAsync(cancellationToken).ConfigureAwait(false);
                foreach (var url in app.Urls)
                {
                    context.Stderr.WriteLine($"episodic: listening on {url} ({(useLlm ? "LLM pipeline" : "rules only")}{(string.IsNullOrWhiteSpace(key) ? "" : ", API key required")}); Ctrl+C to stop");
                }

                // Ends on Ctrl+C (the command's token) or SIGTERM (the host's lifetime), then stops gracefully.
                await app.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
            }

            return CliApp.ExitOk;
        });
        return command;
    }

    /// <summary>Log level names, case-insensitive.</summary>
    internal static readonly Dictionary<string, LogLevel> LogLevels = new(StringComparer.OrdinalIgnoreCase)
    {
        ["trace"] = LogLevel.Trace,
        ["debug"] = LogLevel.Debug,
        ["information"] = LogLevel.Information,
        ["info"] = LogLevel.Information,
        ["warning"] = LogLevel.Warning,
        ["error"] = LogLevel.Error,
        ["critical"] = LogLevel.Critical,
        ["none"] = LogLevel.None,
    };

    private static string? Environment(CliContext context, string name) =>
        context.Environment is { } e ? e.GetValueOrDefault(name) : System.Environment.GetEnvironmentVariable(name);
}
