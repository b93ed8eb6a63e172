using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Episodic.Core.Metadata;
using Episodic.Core.Text;
using Polly.CircuitBreaker;
using Polly.RateLimiting;
using Polly.Timeout;

namespace Episodic.Metadata.Http;

/// <summary>
/// GETs one provider resource through the cache: a fresh cached body answers without the network; otherwise the
/// typed client's resilient HttpClient is asked and a 2xx body is stored with its TTL. Failures become a
/// <see cref="MetadataProviderException"/> whose message names the provider, the status and the provider's own
/// explanation (TMDB <c>status_message</c>, TVmaze <c>message</c>), never the key or the query string.
/// </summary>
public sealed class ResponseFetcher(MetadataProvider provider, MetadataCache cache, bool offline, TimeProvider time)
{
    private int _networkRequests;

    public MetadataProvider Provider => provider;

    /// <summary>Requests sent to the network (a retried request counts once); cache hits are not counted.</summary>
    public int NetworkRequests => Volatile.Read(ref _networkRequests);

    /// <summary>
    /// The resource at <paramref name="relative"/> (path and query, no credential), deserialised; null for a 404 when
    /// <paramref name="notFoundIsNull"/>.
    /// </summary>
    internal async Task<T?> GetAsync<T>(HttpClient http, string relative, TimeSpan ttl, JsonTypeInfo<T> type, bool notFoundIsNull, CancellationToken cancellationToken)
        where T : class
    {
        var key = ShowId.NameOf(provider) + ":" + relative;
        var name = ShowId.NameOf(provider);
        var cached = cache.Get(key, time.GetUtcNow(), allowExpired: offline);
        if (cached is not null)
        {
            return cached.Length == 0 ? null : Deserialize(cached, type, relative);
        }

        if (offline)
        {
            throw new MetadataProviderException(provider, MetadataFailure.Offline, $"offline: {name} has nothing cached for {PathOf(relative)}");
        }

        Interlocked.Increment(ref _networkRequests);
        HttpResponseMessage response;
        try
        {
            response = await http.GetAsync(new Uri(relative, UriKind.Relative), HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutRejectedException or BrokenCircuitException or RateLimiterRejectedException
            || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new MetadataProviderException(provider, MetadataFailure.Unavailable, $"{name} is unreachable at {SafeUrl.Of(http.BaseAddress)} ({SafeUrl.Scrub(Describe(ex))})", ex);
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                var value = Deserialize(body, type, relative);
                cache.Put(key, body, time.GetUtcNow(), ttl);
                return value;
            }

            var status = (int)response.StatusCode;
            var explanation = ErrorMessage(body);
            var failure = response.StatusCode switch
            {
                HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => MetadataFailure.Unauthorized,
                HttpStatusCode.NotFound => MetadataFailure.NotFound,
                _ => MetadataFailure.Unavailable,
            };
            if (failure == MetadataFailure.NotFound && notFoundIsNull)
            {
                // A 404 is an answer too ("no episodes on that date"); remember it like one.
                cache.Put(key, "", time.GetUtcNow(), ttl);
                return null;
            }

            var hint = failure == MetadataFailure.Unauthorized && provider == MetadataProvider.Tmdb ? "; check [tmdb] api_key or TMDB_API_KEY" : "";
            throw new MetadataProviderException(provider, failure, $"{name} answered {status} for {PathOf(relative)}{(explanation is null ? "" : ": " + explanation)}{hint}");
        }
    }

    private T Deserialize<T>(string body, JsonTypeInfo<T> type, string relative)
    {
        try
        {
            return JsonSerializer.Deserialize(body, type) ?? throw new JsonException("null");
        }
        catch (JsonException ex)
        {
            throw new MetadataProviderException(provider, MetadataFailure.BadResponse, $"{ShowId.NameOf(provider)} sent an unreadable answer for {PathOf(relative)} ({ex.Message})", ex);
        }
    }

    /// <summary>The path alone: queries hold search terms at most, but only the path is needed to say what failed.</summary>
    private static string PathOf(string relative) => relative.Split('?')[0];

    private static string Describe(Exception ex) => ex switch
    {
        TimeoutRejectedException or TaskCanceledException => "timed out",
        BrokenCircuitException => "too many recent failures; not asked again for a while",
        RateLimiterRejectedException => "rate limit queue full",
        _ => ex.InnerException?.Message ?? ex.Message,
    };

    /// <summary>TMDB's status_message or TVmaze's message/name from an error body; null when there is none.</summary>
    private static string? ErrorMessage(string body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            foreach (var field in new[] { "status_message", "message", "name" })
            {
                if (root.TryGetProperty(field, out var v) && v.ValueKind == JsonValueKind.String && v.GetString() is { Length: > 0 } text)
                {
                    return text.Length > 200 ? text[..200] : text;
                }
            }
        }
        catch (JsonException)
        {
        }

        return null;
    }
}
