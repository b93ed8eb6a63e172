using Episodic.Llm.Pipeline;
using Microsoft.Extensions.Configuration;

namespace Episodic.Server;

/// <summary>How <see cref="EpisodicServer.Build"/> sets up the HTTP service.</summary>
public sealed record ServerOptions
{
    public const int DefaultMaxBatch = 500;

    public const long DefaultMaxBodyBytes = 1024 * 1024;

    /// <summary>Most <c>existing_shows</c> one /route/plan request may send (a large library has a few thousand).</summary>
    public const int DefaultMaxExistingShows = 50_000;

    public const string DefaultUrls = "http://127.0.0.1:5080";

    /// <summary>/route/plan requests worked on at once: each may hold a 1 MB body and its plan, so this bounds their memory.</summary>
    public const int DefaultMaxConcurrentPlans = 4;

    /// <summary>/route/plan requests that wait for a turn (oldest first); beyond them, 503 with Retry-After.</summary>
    public const int DefaultPlanQueue = 16;

    /// <summary>The Retry-After a turned-away /route/plan request gets: a plan takes milliseconds to a second.</summary>
    public static readonly TimeSpan DefaultPlanRetryAfter = TimeSpan.FromSeconds(1);

    /// <summary>Where to listen, ASP.NET Core style: one URL or several separated by ';'. Port 0 picks a free port.</summary>
    public string Urls { get; init; } = DefaultUrls;

    /// <summary>
    /// When set, every request except <c>GET /health/live</c> must carry it in the <c>X-Api-Key</c> header. Required
    /// when any URL is not a loopback address.
    /// </summary>
    public string? ApiKey { get; init; }

    /// <summary>Most names accepted by one <c>/parse/batch</c> or <c>/route/plan</c> request.</summary>
    public int MaxBatch { get; init; } = DefaultMaxBatch;

    /// <summary>Most entries in a /route/plan request's <c>existing_shows</c>; more get 400.</summary>
    public int MaxExistingShows { get; init; } = DefaultMaxExistingShows;

    /// <summary>Most /route/plan requests running at once (<c>--max-concurrent-plans</c>, at least 1).</summary>
    public int MaxConcurrentPlans { get; init; } = DefaultMaxConcurrentPlans;

    /// <summary>Most /route/plan requests waiting for a turn (<c>--plan-queue</c>, 0 = none wait); more get 503.</summary>
    public int PlanQueue { get; init; } = DefaultPlanQueue;

    /// <summary>Retry-After sent with the 503 of a /route/plan request that found the queue full.</summary>
    public TimeSpan PlanRetryAfter { get; init; } = DefaultPlanRetryAfter;

    /// <summary>Largest request body accepted (Kestrel's MaxRequestBodySize); larger bodies get 413.</summary>
    public long MaxBodyBytes { get; init; } = DefaultMaxBodyBytes;

    /// <summary>Use the LLM pipeline built from <see cref="Configuration"/>; false = rules only, no backends.</summary>
    public bool UseLlm { get; init; }

    /// <summary>The layered LLM configuration (INI, environment, overrides); needed when <see cref="UseLlm"/> is set.</summary>
    public IConfiguration? Configuration { get; init; }

    /// <summary>Command-line overrides for the pipeline (strategy, cache, concurrency).</summary>
    public PipelineOverrides Overrides { get; init; } = new();

    /// <summary>How long one backend probe answers readiness checks before the backend is probed again.</summary>
    public TimeSpan ProbeCacheDuration { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Where the pipeline's diagnostics go (a chain member that failed or is skipped, a parse cache that was rebuilt);
    /// null = the server's own log (category <c>Episodic.Llm</c>). The CLI passes its stderr sink so the warnings read
    /// as its usual one-line messages.
    /// </summary>
    public Microsoft.Extensions.Logging.ILogger? ConfigurationLogger { get; init; }

    /// <summary>The server log's threshold (<c>--log-level</c>, <c>[logging] level</c>); requests are logged at Debug.</summary>
    public Microsoft.Extensions.Logging.LogLevel LogLevel { get; init; } = Microsoft.Extensions.Logging.LogLevel.Information;

    /// <summary>Adds logging providers (tests capture the log through it).</summary>
    public Action<Microsoft.Extensions.Logging.ILoggingBuilder>? ConfigureLogging { get; init; }

    /// <summary>Answers <c>POST /identify</c> (TMDB or TVmaze, composed by the caller); null = the endpoint says metadata is not configured.</summary>
    public Episodic.Core.Metadata.IEpisodeIdentifier? Identifier { get; init; }

    /// <summary>
    /// The review queue of the server's libraries (<c>serve --library</c>, else <c>[routing] tv_path</c>) behind
    /// <c>/review</c>; null = those endpoints say no library is configured.
    /// </summary>
    public Episodic.Automation.Review.ReviewDesk? Review { get; init; }

    /// <summary>The cache files the health page shows the sizes of; none = the page lists none.</summary>
    public IReadOnlyList<CacheLocation> Caches { get; init; } = [];

    /// <summary>Turns off ASP.NET Core's console logging (tests, embedding).</summary>
    public bool Quiet { get; init; }
}
