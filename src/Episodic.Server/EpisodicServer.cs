using Episodic.Core.Model;
using Episodic.Llm.Composition;
using Episodic.Llm.Configuration;
using Episodic.Llm.Metrics;
using Episodic.Llm.Pipeline;
using Episodic.Llm.Providers;
using Episodic.Routing.Library;
using Episodic.Routing.Planning;
using Episodic.Routing.Templates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace Episodic.Server;

/// <summary>
/// The HTTP service: parse names, plan library routes (dry run), health and metrics. Minimal API on Kestrel.
/// </summary>
public static partial class EpisodicServer
{
    public const string LivePath = "/health/live";

    public const string ReadyPath = "/health/ready";

    public const string MetricsPath = "/metrics";

    internal const string ReadyTag = "ready";

    // Confidence is a probability; the default buckets (0 ... 10000) would put every answer in one.
    private static readonly double[] ConfidenceBuckets = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1];

    /// <summary>
    /// Checks the options, composes the pipeline and returns the app, not yet started (<c>StartAsync</c>/<c>RunAsync</c>).
    /// Nothing is bound and no backend is contacted until it starts.
    /// </summary>
    /// <exception cref="ServerConfigurationException">Bad URLs, a public address without an API key, bad limits.</exception>
    /// <exception cref="LlmConfigurationException">With <see cref="ServerOptions.UseLlm"/>, the LLM configuration cannot run.</exception>
    public static WebApplication Build(ServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var apiKey = string.IsNullOrWhiteSpace(options.ApiKey) ? null : options.ApiKey.Trim();
        ListenAddresses.Validate(options.Urls, apiKey is not null);
        if (options.MaxBatch < 1)
        {
            throw new ServerConfigurationException($"--max-batch must be at least 1, not {options.MaxBatch}.");
        }

        if (options.MaxBodyBytes < 1024)
        {
            throw new ServerConfigurationException($"The body limit must be at least 1024 bytes, not {options.MaxBodyBytes}.");
        }

        if (options.MaxConcurrentPlans < 1)
        {
            throw new ServerConfigurationException($"--max-concurrent-plans must be at least 1, not {options.MaxConcurrentPlans}.");
        }

        if (options.PlanQueue < 0)
        {
            throw new ServerConfigurationException($"--plan-queue must be 0 or more, not {options.PlanQueue}.");
        }

        if (options.UseLlm && options.Configuration is null)
        {
            throw new ServerConfigurationException("UseLlm needs the LLM configuration.");
        }

        // Create collects every configuration problem at once, so it runs before anything else reads the settings.
        var late = options.ConfigurationLogger is null ? new LateLogger() : null;
        var host = options.UseLlm ? PipelineHost.Create(options.Configuration!, options.Overrides, options.ConfigurationLogger ?? late) : PipelineHost.RulesOnly();
        try
        {
            var app = Compose(options, apiKey, host);
            late?.Attach(app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Episodic.Llm"));
            return app;
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }

    private static WebApplication Compose(ServerOptions options, string? apiKey, PipelineHost host)
    {
        var backends = host.Settings is { } settings ? ConfiguredBackends(settings) : [];
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(EpisodicServer).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });

        builder.WebHost.UseUrls([.. ListenAddresses.Split(options.Urls)]);
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = options.MaxBodyBytes;
        });
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(options.LogLevel);

        // ASP.NET Core logs every request at Information with its full URL (query string and all): only its warnings
        // pass; RequestLogging writes the request lines, at Debug and without the query.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);

        // A failed start (a port in use) is thrown to the caller, which says it in one line; the host's own error
        // entry would repeat it with a stack trace.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None);
        // The pages' antiforgery keys are kept in memory on purpose (Pages.MemoryKeyRing); its warning that they are
        // not encrypted at rest describes storage that does not exist.
        builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error);
        options.ConfigureLogging?.Invoke(builder.Logging);
        if (!options.Quiet)
        {
            // stdout stays for data; the server's log goes to stderr like the CLI's messages.
            builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        }

        // Owned by the container (factory registration), so it is disposed when the app is.
        builder.Services.AddSingleton(_ => host);
        builder.Services.AddProblemDetails();
        builder.Services.AddPlanAdmission(options);
        builder.Services.ConfigureHttpJsonOptions(o => ServerJson.Describe(o.SerializerOptions));
        builder.Services.AddOpenApi(o => o.AddSchemaTransformer(OpenApiSchemas.TransformAsync).AddDocumentTransformer(new OpenApiInfrastructure(apiKey is not null)));
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("episodic"))
            .WithMetrics(m => m
                .AddMeter([.. MetricsExporter.MeterNames, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel"])
                .AddView(EpisodicMetrics.ConfidenceInstrument, new ExplicitBucketHistogramConfiguration { Boundaries = ConfidenceBuckets })
                .AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0));

        Pages.UiEndpoints.AddUi(builder.Services);
        var probes = new ProbeCache(options.ProbeCacheDuration, TimeProvider.System);
        var health = builder.Services.AddHealthChecks();
        health.AddCheck("rules", () => HealthCheckResult.Healthy("rule parser: always available"), [ReadyTag]);
        foreach (var (backend, selected) in backends)
        {
            var role = selected ? "selected" : "fallback";
            health.Add(new HealthCheckRegistration(
                backend.Name,
                _ => new BackendHealthCheck(backend, role, probes),
                selected ? HealthStatus.Unhealthy : HealthStatus.Degraded,
                [ReadyTag]));
        }

        var app = builder.Build();
        app.UseMiddleware<RequestLogging>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        var keyHash = apiKey is null ? null : ApiKeyMiddleware.Hash(apiKey);
        var ui = new Pages.UiState(options, new Pages.UiSessions(keyHash, TimeProvider.System), new Pages.UiFlash());
        if (keyHash is not null)
        {
            app.UseMiddleware<ApiKeyMiddleware>(keyHash);
        }

        // The pages take the sign-in cookie as well as the header; the JSON API stays header-only.
        app.UseMiddleware<Pages.UiGate>(ui.Sessions);

        // After the key check, so a request without the key never takes a plan's turn.
        app.UseRateLimiter();

        MapEndpoints(app, options);
        Pages.UiEndpoints.MapUi(app, ui);
        return app;
    }

    /// <summary>The chain members the composition root resolved (unusable ones were already skipped with a warning); the selected backend is marked.</summary>
    private static List<(BackendOptions Backend, bool Selected)> ConfiguredBackends(LlmStackSettings settings) =>
        [.. settings.Backends.Select(b => (b.Backend, b.Backend.Kind == settings.Selected))];

    private static void MapEndpoints(WebApplication app, ServerOptions options)
    {
        var maxBody = options.MaxBodyBytes;
        var maxBatch = options.MaxBatch;
        MapIdentify(app, options);
        MapReview(app, options);

        app.MapPost("/parse", async (HttpRequest request, PipelineHost host, CancellationToken cancellationToken) =>
        {
            var (body, error) = await JsonBody.ReadAsync<ParseRequest>(request, maxBody, cancellationToken).ConfigureAwait(false);
            if (error is not null)
            {
                return error;
            }

            if (body!.Name is null)
            {
                return Problems.BadRequest("The field 'name' is required: {\"name\": \"Show.S01E02.mkv\"}.");
            }

            if (string.IsNullOrWhiteSpace(body.Name))
            {
                return Problems.BadRequest("The field 'name' is empty.");
            }

            var results = await host.Pipeline.ParseAsync([body.Name], cancellationToken).ConfigureAwait(false);
            return ServerJson.Ok(results[0]);
        })
        .WithName("Parse")
        .WithSummary("Parse one release or file name.")
        .Accepts<ParseRequest>("application/json")
        .Produces<EpisodeParse>(StatusCodes.Status200OK, "application/json")
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
        .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        app.MapPost("/parse/batch", async (HttpRequest request, PipelineHost host, CancellationToken cancellationToken) =>
        {
            var (body, error) = await JsonBody.ReadAsync<BatchParseRequest>(request, maxBody, cancellationToken).ConfigureAwait(false);
            if (error is not null)
            {
                return error;
            }

            if (CheckNames(body!.Names, maxBatch) is { } invalid)
            {
                return invalid;
            }

            var results = await host.Pipeline.ParseAsync(body.Names!.Select(n => n!), cancellationToken).ConfigureAwait(false);
            return ServerJson.Ok(new BatchParseDocument(results));
        })
        .WithName("ParseBatch")
        .WithSummary($"Parse up to {maxBatch} names; results in the order given.")
        .Accepts<BatchParseRequest>("application/json")
        .Produces<BatchParseDocument>(StatusCodes.Status200OK, "application/json")
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
        .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        app.MapPost("/route/plan", async (HttpRequest request, PipelineHost host, CancellationToken cancellationToken) =>
        {
            var (body, error) = await JsonBody.ReadAsync<RoutePlanRequest>(request, maxBody, cancellationToken).ConfigureAwait(false);
            if (error is not null)
            {
                return error;
            }

            if (CheckNames(body!.Names, maxBatch) is { } invalid)
            {
                return invalid;
            }

            if (string.IsNullOrWhiteSpace(body.Library))
            {
                return Problems.BadRequest("The field 'library' is required: the library root the destinations are under.");
            }

            if (body.MinConfidence is { } floor && (!double.IsFinite(floor) || floor is < 0 or > 1))
            {
                return Problems.BadRequest("The field 'min_confidence' must be from 0 to 1.");
            }

            var defaults = new RoutingOptions { LibraryRoot = body.Library };
            var routing = defaults with
            {
                AnimeRoot = string.IsNullOrWhiteSpace(body.AnimeLibrary) ? null : body.AnimeLibrary,
                Template = string.IsNullOrWhiteSpace(body.Template) ? defaults.Template : body.Template,
                MinConfidence = body.MinConfidence ?? defaults.MinConfidence,
            };
            if (routing.Template != defaults.Template && TemplateValidator.Problems(routing, RouteLayout.Season, "template") is { Count: > 0 } bad)
            {
                return Problems.Create(StatusCodes.Status400BadRequest, "Invalid template", string.Join("; ", bad));
            }

            if (body.ExistingShows is { Count: var shows } && shows > options.MaxExistingShows)
            {
                return Problems.Create(
                    StatusCodes.Status400BadRequest,
                    "Too many existing shows",
                    $"The field 'existing_shows' has {shows} entries; at most {options.MaxExistingShows} are accepted.",
                    new Dictionary<string, object?> { ["max_existing_shows"] = options.MaxExistingShows });
            }

            var names = body.Names!.Select(n => n!).ToList();
            var parses = await host.Pipeline.ParseAsync(names, cancellationToken).ConfigureAwait(false);

            // One index per request, of only the folders these names could match: each name is matched by lookups,
            // and 38,000 folders for 20 names cost a few hash lookups each instead of an index of them all.
            var existing = RelevantShowFolders.Index(body.ExistingShows ?? [], parses.Where(p => p.ShowName is not null).Select(p => (p.ShowName!, p.Year)));
            var planned = new List<(RouteTarget? Target, string Reason)>(names.Count);
            for (var i = 0; i < names.Count; i++)
            {
                // A client that gave up stops the work here (the token is the request's RequestAborted).
                cancellationToken.ThrowIfCancellationRequested();
                planned.Add(RouteDestinations.Plan(parses[i], Path.GetFileName(names[i]), routing, existing));
            }

            var items = new List<RoutePlanItemDocument>(names.Count);
            for (var i = 0; i < names.Count; i++)
            {
                var (target, reason) = planned[i];
                items.Add(new RoutePlanItemDocument(
                    names[i],
                    target is null ? "skip" : "move",
                    target?.FullPath,
                    target?.RelativePath,
                    target?.ShowFolder,
                    target is null ? null : target.Layout.ToString().ToLowerInvariant(),
                    target?.NewShowFolder ?? false,
                    target?.Anime ?? false,
                    reason,
                    parses[i].Confidence,
                    parses[i]));
            }

            return ServerJson.Ok(new RoutePlanDocument(items));
        })
        .WithName("RoutePlan")
        .WithSummary("Dry-run library destinations for names (no file is read or moved).")
        .RequireRateLimiting(PlanAdmission.Policy)
        .Accepts<RoutePlanRequest>("application/json")
        .Produces<RoutePlanDocument>(StatusCodes.Status200OK, "application/json")
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
        .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
        .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        app.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthResponse.WriteAsync });
        app.MapHealthChecks(ReadyPath, new HealthCheckOptions { Predicate = r => r.Tags.Contains(ReadyTag), ResponseWriter = HealthResponse.WriteAsync });
        app.MapPrometheusScrapingEndpoint(MetricsPath);
        app.MapOpenApi();
    }

    /// <summary>A problem when the names are missing, too many, or one is empty; null when they are fine.</summary>
    private static IResult? CheckNames(IReadOnlyList<string?>? names, int maxBatch)
    {
        if (names is null)
        {
            return Problems.BadRequest("The field 'names' is required: {\"names\": [\"Show.S01E02.mkv\", ...]}.");
        }

        if (names.Count > maxBatch)
        {
            return Problems.TooManyNames(names.Count, maxBatch);
        }

        for (var i = 0; i < names.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(names[i]))
            {
                return Problems.BadRequest($"names[{i}] is empty; every name must be a non-blank string.");
            }
        }

        return null;
    }
}
