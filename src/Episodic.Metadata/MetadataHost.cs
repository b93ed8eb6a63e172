using System.Diagnostics;
using Episodic.Core.Metadata;
using Episodic.Core.Text;
using Episodic.Metadata.Configuration;
using Episodic.Metadata.Http;
using Episodic.Metadata.Identify;
using Episodic.Metadata.Providers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Episodic.Metadata;

/// <summary>
/// The metadata composition root: typed HTTP clients through IHttpClientFactory with the resilience pipeline and a
/// per-provider rate limiter, the SQLite cache, the provider and the identifier. One per command run or server.
/// </summary>
public sealed class MetadataHost : IDisposable
{
    private readonly ServiceProvider _services;
    private readonly IDisposable _limiter;

    private MetadataHost(ServiceProvider services, IDisposable limiter, MetadataCache cache, IMetadataProvider provider, EpisodeIdentifier identifier)
    {
        _services = services;
        _limiter = limiter;
        Cache = cache;
        Provider = provider;
        Identifier = identifier;
    }

    public MetadataCache Cache { get; }

    public IMetadataProvider Provider { get; }

    public EpisodeIdentifier Identifier { get; }

    /// <summary>Requests sent to the provider so far in this run.</summary>
    public int NetworkRequests => Provider.NetworkRequests;

    /// <summary>Builds the stack for <paramref name="provider"/>.</summary>
    /// <exception cref="MetadataConfigurationException">TMDB without a key.</exception>
    public static MetadataHost Create(MetadataSettings settings, MetadataProvider provider, IShowPicker? picker = null, ILogger? logger = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (provider == MetadataProvider.Tmdb && settings.TmdbApiKey is null)
        {
            throw new MetadataConfigurationException("TMDB needs a key: set [tmdb] api_key (a v3 key or a v4 read token) or TMDB_API_KEY, or use --metadata tvmaze, which needs none");
        }

        time ??= TimeProvider.System;
        var cache = new MetadataCache(settings.CachePath ?? MetadataCache.DefaultPath());
        var fetcher = new ResponseFetcher(provider, cache, settings.Offline, time);
        var limiter = MetadataResilience.Limiter(settings.RequestsPerSecondOf(provider));
        var services = new ServiceCollection();
        services.AddSingleton(settings);
        services.AddSingleton(time);
        IHttpClientBuilder builder;
        if (provider == MetadataProvider.Tmdb)
        {
            services.AddSingleton(new TmdbFetcher(fetcher));
            builder = services.AddHttpClient<TmdbClient>(http => Prepare(http, settings.TmdbBaseUrl))
                .AddHttpMessageHandler(() => new TmdbAuthHandler(settings.TmdbApiKey));
        }
        else
        {
            services.AddSingleton(new TvmazeFetcher(fetcher));
            builder = services.AddHttpClient<TvmazeClient>(http => Prepare(http, settings.TvmazeBaseUrl));
        }

        builder.AddResilienceHandler(ShowId.NameOf(provider), pipeline => MetadataResilience.Configure(pipeline, settings, limiter));
        var sp = services.BuildServiceProvider();
        IMetadataProvider p = provider == MetadataProvider.Tmdb
            ? new TmdbProvider(sp.GetRequiredService<TmdbClient>, fetcher)
            : new TvmazeProvider(sp.GetRequiredService<TvmazeClient>, fetcher);
        return new MetadataHost(sp, limiter, cache, p, new EpisodeIdentifier(p, settings, picker, logger));
    }

    /// <summary>
    /// Asks the provider one cheap uncached question (a search) and says whether it answered, accepted the key, and
    /// how long it took. Never throws for provider trouble.
    /// </summary>
    public static async Task<MetadataProbe> ProbeAsync(MetadataSettings settings, MetadataProvider provider, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var endpoint = SafeUrl.Of(settings.BaseUrlOf(provider));
        if (provider == MetadataProvider.Tmdb && settings.TmdbApiKey is null)
        {
            return new MetadataProbe(provider, endpoint, false, false, TimeSpan.Zero, "not configured: set [tmdb] api_key or TMDB_API_KEY");
        }

        using var host = Create(settings with { CachePath = ":memory:", Offline = false, MaxRetries = 1 }, provider);
        var watch = Stopwatch.StartNew();
        try
        {
            _ = await host.Provider.SearchAsync("Doctor Who", null, cancellationToken).ConfigureAwait(false);
            return new MetadataProbe(provider, endpoint, true, true, watch.Elapsed, "ok");
        }
        catch (MetadataProviderException ex)
        {
            var reachable = ex.Failure is not MetadataFailure.Unavailable;
            var authenticated = ex.Failure is not (MetadataFailure.Unauthorized or MetadataFailure.Unavailable);
            return new MetadataProbe(provider, endpoint, reachable, authenticated, watch.Elapsed, SafeUrl.Scrub(ex.Message));
        }
    }

    public void Dispose()
    {
        _services.Dispose();
        _limiter.Dispose();
        Cache.Dispose();
    }

    private static void Prepare(HttpClient http, Uri baseUrl)
    {
        http.BaseAddress = baseUrl;

        // The resilience pipeline owns timeouts (per attempt and in total); HttpClient's own would cut retries short.
        http.Timeout = Timeout.InfiniteTimeSpan;
        http.DefaultRequestHeaders.UserAgent.ParseAdd("Episodic/0.1");
        http.DefaultRequestHeaders.Accept.ParseAdd("application/json");
    }
}

/// <summary>One row of <c>episodic check</c> for a metadata provider.</summary>
public sealed record MetadataProbe(MetadataProvider Provider, string Endpoint, bool Reachable, bool Authenticated, TimeSpan Latency, string Verdict)
{
    public bool Healthy => Reachable && Authenticated;
}
