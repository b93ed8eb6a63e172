using System.Globalization;
using Episodic.Core.Text;
using Microsoft.Extensions.Configuration;

namespace Episodic.Metadata.Configuration;

/// <summary>
/// Reads <see cref="MetadataSettings"/> from the layered configuration the LLM settings use (INI file, environment:
/// <c>TMDB_API_KEY</c>, <c>EPISODIC_TMDB__BASE_URL</c>, <c>EPISODIC_TVMAZE__BASE_URL</c>, ...). Keys arrive folded
/// (<c>api_key</c> → <c>apikey</c>). Every problem is reported at once, each naming the key and the fix.
/// </summary>
public static class MetadataConfiguration
{
    /// <summary>The keys of <c>[tmdb]</c>, <c>[tvmaze]</c> and <c>[metadata]</c> (<c>[aliases]</c> takes any key).</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> KnownKeys { get; } = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase)
    {
        ["tmdb"] = ["api_key", "base_url", "language", "requests_per_second"],
        ["tvmaze"] = ["base_url", "requests_per_second"],
        ["metadata"] = ["cache_path", "max_retries", "timeout"],
    };

    /// <summary>The settings and every problem found; the settings are usable only when the list is empty.</summary>
    public static (MetadataSettings Settings, IReadOnlyList<string> Problems) Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var problems = new List<string>();
        var tmdb = configuration.GetSection("tmdb");
        var tvmaze = configuration.GetSection("tvmaze");
        var metadata = configuration.GetSection("metadata");
        var settings = new MetadataSettings
        {
            TmdbApiKey = tmdb["apikey"] is { Length: > 0 } key && key.Trim().Length > 0 ? key.Trim() : null,
            TmdbBaseUrl = Url(tmdb["baseurl"], "[tmdb] base_url", "EPISODIC_TMDB__BASE_URL", MetadataDefaults.TmdbBaseUrl, problems),
            TmdbLanguage = tmdb["language"] is { Length: > 0 } language ? language.Trim() : MetadataDefaults.TmdbLanguage,
            TmdbRequestsPerSecond = Rate(tmdb["requestspersecond"], "[tmdb] requests_per_second", MetadataDefaults.TmdbRequestsPerSecond, problems),
            TvmazeBaseUrl = Url(tvmaze["baseurl"], "[tvmaze] base_url", "EPISODIC_TVMAZE__BASE_URL", MetadataDefaults.TvmazeBaseUrl, problems),
            TvmazeRequestsPerSecond = Rate(tvmaze["requestspersecond"], "[tvmaze] requests_per_second", MetadataDefaults.TvmazeRequestsPerSecond, problems),
            Aliases = AliasTable.From(configuration.GetSection("aliases").GetChildren().Select(c => KeyValuePair.Create(c.Key, c.Value)), problems),
            CachePath = metadata["cachepath"] is { Length: > 0 } path ? path.Trim() : null,
            MaxRetries = Retries(metadata["maxretries"], problems),
            AttemptTimeout = Timeout(metadata["timeout"], problems),
        };
        return (settings, problems);
    }

    private static Uri Url(string? value, string key, string env, Uri fallback, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return fallback;
        }

        if (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) || !string.IsNullOrEmpty(uri.Query))
        {
            problems.Add($"{key} = {SafeUrl.Of(value)} is not an http(s) URL without a query; set it (or {env}) to e.g. {fallback.AbsoluteUri.TrimEnd('/')}");
            return fallback;
        }

        // A trailing slash makes relative paths ("search/tv") extend the base path instead of replacing its last segment.
        return uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
    }

    private static int Retries(string? value, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return MetadataDefaults.MaxRetries;
        }

        if (int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= 10)
        {
            return n;
        }

        problems.Add($"[metadata] max_retries = {value.Trim()} must be a whole number from 0 to 10, e.g. {MetadataDefaults.MaxRetries}");
        return MetadataDefaults.MaxRetries;
    }

    /// <summary>
    /// <c>[metadata] timeout</c>: how long one request may take before it counts as an outage, in seconds ("10", "2.5",
    /// "10s") or milliseconds ("500ms"); from 0.1 s to 300 s.
    /// </summary>
    private static TimeSpan Timeout(string? value, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return MetadataDefaults.AttemptTimeout;
        }

        var text = value.Trim().ToLowerInvariant();
        var (number, scale) = text.EndsWith("ms", StringComparison.Ordinal) ? (text[..^2], 0.001) : text.EndsWith('s') ? (text[..^1], 1.0) : (text, 1.0);
        if (double.TryParse(number.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var n) && n * scale is >= 0.1 and <= 300)
        {
            return TimeSpan.FromSeconds(n * scale);
        }

        problems.Add($"[metadata] timeout = {value.Trim()} must be a time from 0.1s to 300s, e.g. timeout = {MetadataDefaults.AttemptTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)}s");
        return MetadataDefaults.AttemptTimeout;
    }

    private static double Rate(string? value, string key, double fallback, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return fallback;
        }

        if (double.TryParse(value.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var rate) && rate > 0 && rate <= 1000)
        {
            return rate;
        }

        problems.Add($"{key} = {value.Trim()} must be a number of requests per second between 0 and 1000, e.g. {fallback.ToString(CultureInfo.InvariantCulture)}");
        return fallback;
    }
}
