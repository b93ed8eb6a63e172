using Episodic.Core.Metadata;

namespace Episodic.Metadata.Configuration;

/// <summary>
/// Everything the metadata layer is configured with: <c>[tmdb]</c>, <c>[tvmaze]</c>, <c>[aliases]</c> and
/// <c>[metadata]</c>. Defaults are declared once in <see cref="MetadataDefaults"/>.
/// </summary>
public sealed record MetadataSettings
{
    /// <summary>The TMDB v3 key or v4 read token; null = TMDB cannot be used. Never printed.</summary>
    public string? TmdbApiKey { get; init; }

    public Uri TmdbBaseUrl { get; init; } = MetadataDefaults.TmdbBaseUrl;

    /// <summary>TMDB's <c>language</c> parameter (names and episode titles), e.g. en-US.</summary>
    public string TmdbLanguage { get; init; } = MetadataDefaults.TmdbLanguage;

    public double TmdbRequestsPerSecond { get; init; } = MetadataDefaults.TmdbRequestsPerSecond;

    public Uri TvmazeBaseUrl { get; init; } = MetadataDefaults.TvmazeBaseUrl;

    public double TvmazeRequestsPerSecond { get; init; } = MetadataDefaults.TvmazeRequestsPerSecond;

    /// <summary>User overrides: folded show name (<see cref="AliasTable.KeyOf"/>) → provider id.</summary>
    public AliasTable Aliases { get; init; } = AliasTable.Empty;

    /// <summary>The SQLite cache file; null = the platform cache directory.</summary>
    public string? CachePath { get; init; }

    /// <summary>Answer from the cache only; a miss is <see cref="IdentifyStatus.ProviderUnavailable"/>, never a network call.</summary>
    public bool Offline { get; init; }

    /// <summary><c>[metadata] timeout</c>: per-attempt timeout of one HTTP request; a provider slower than this is an outage.</summary>
    public TimeSpan AttemptTimeout { get; init; } = MetadataDefaults.AttemptTimeout;

    /// <summary>Retries after 429/5xx/network errors; 429 waits as long as Retry-After says.</summary>
    public int MaxRetries { get; init; } = MetadataDefaults.MaxRetries;

    /// <summary>A show chosen below this confidence is reported, not accepted.</summary>
    public double MinConfidence { get; init; } = MetadataDefaults.MinConfidence;

    /// <summary>The base URL of a provider.</summary>
    public Uri BaseUrlOf(MetadataProvider provider) => provider == MetadataProvider.Tmdb ? TmdbBaseUrl : TvmazeBaseUrl;

    /// <summary>The request rate limit of a provider.</summary>
    public double RequestsPerSecondOf(MetadataProvider provider) => provider == MetadataProvider.Tmdb ? TmdbRequestsPerSecond : TvmazeRequestsPerSecond;
}

/// <summary>Documented defaults, declared once.</summary>
public static class MetadataDefaults
{
    /// <summary>TMDB API v3 root.</summary>
    public static readonly Uri TmdbBaseUrl = new("https://api.themoviedb.org/3/");

    /// <summary>TVmaze API root.</summary>
    public static readonly Uri TvmazeBaseUrl = new("https://api.tvmaze.com/");

    public const string TmdbLanguage = "en-US";

    /// <summary>TMDB asks clients to stay below about 40 requests per second.</summary>
    public const double TmdbRequestsPerSecond = 20;

    /// <summary>TVmaze allows at least 20 calls every 10 seconds per address.</summary>
    public const double TvmazeRequestsPerSecond = 2;

    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(10);

    /// <summary>A whole request with its retries; bounds a long Retry-After.</summary>
    public static readonly TimeSpan TotalTimeout = TimeSpan.FromSeconds(90);

    public const int MaxRetries = 6;

    /// <summary>Search results and show details change rarely.</summary>
    public static readonly TimeSpan SearchTtl = TimeSpan.FromDays(7);

    public static readonly TimeSpan ShowTtl = TimeSpan.FromDays(3);

    /// <summary>Episode lists of running shows gain episodes and titles weekly.</summary>
    public static readonly TimeSpan RunningEpisodesTtl = TimeSpan.FromHours(6);

    public static readonly TimeSpan EndedEpisodesTtl = TimeSpan.FromDays(30);

    /// <summary>Below this a show match is not accepted (same floor as routing's default).</summary>
    public const double MinConfidence = 0.7;

    /// <summary>Confidence of the best-ranked candidate when several fit and no model chose.</summary>
    public const double MostLikelyConfidence = 0.55;
}
