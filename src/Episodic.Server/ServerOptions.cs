using Episodic.Llm.Pipeline;
using Microsoft.Extensions.Configuration;

namespace Episodic.Server;

/// <summary>How <see cref="EpisodicServer.Build"/> sets up the HTTP service.</summary>
public sealed record ServerOptions
{
    public const int DefaultMaxBatch = 500;

    public const long DefaultMaxBodyBytes = 1024 * 1024;

    public const string DefaultUrls = "http://127.0.0.1:5080";

    /// <summary>Where to listen, ASP.NET Core style: one URL or several separated by ';'. Port 0 picks a free port.</summary>
    public string Urls { get; init; } = DefaultUrls;

    /// <summary>
    /// When set, every request except <c>GET /health/live</c> must carry it in the <c>X-Api-Key</c> header. Required
    /// when any URL is not a loopback address.
    /// </summary>
    public string? ApiKey { get; init; }

    /// <summary>Most names accepted by one <c>/parse/batch</c> or <c>/route/plan</c> request.</summary>
    public int MaxBatch { get; init; } = DefaultMaxBatch;

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

    /// <summary>Configuration warnings (a chain member that is not usable, ...).</summary>
    public Action<string>? Warn { get; init; }

    /// <summary>Turns off ASP.NET Core's console logging (tests, embedding).</summary>
    public bool Quiet { get; init; }
}
