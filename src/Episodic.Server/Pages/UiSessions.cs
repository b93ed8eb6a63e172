using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Episodic.Server.Pages;

/// <summary>
/// Sign-in sessions of the pages: the cookie carries a random 256-bit token, never the API key; the server keeps only
/// the token's SHA-256 (a stolen memory dump or log line holds nothing to replay) with its expiry. Keys are compared
/// in constant time on their hashes, so neither the key nor its length leaks. Sessions live in memory: a restart signs
/// everyone out, which is what a key change should do anyway.
/// </summary>
internal sealed class UiSessions(byte[]? keyHash, TimeProvider time)
{
    public const string CookieName = "episodic_session";

    /// <summary>How long a sign-in lasts without use.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(12);

    private const int MaxSessions = 10_000;

    private readonly ConcurrentDictionary<string, DateTimeOffset> _sessions = new(StringComparer.Ordinal);

    /// <summary>True when the server has an API key, so the pages need a sign-in.</summary>
    public bool Required => keyHash is not null;

    /// <summary>Whether <paramref name="key"/> is the server's API key (constant time).</summary>
    public bool KeyMatches(string? key) =>
        keyHash is not null && ApiKeyMiddleware.KeyMatches(key, keyHash);

    /// <summary>Whether the request is signed in: a live session cookie, or the API key in the X-Api-Key header.</summary>
    public bool IsSignedIn(HttpRequest request)
    {
        var header = request.Headers[ApiKeyMiddleware.HeaderName];
        if (header.Count == 1 && KeyMatches(header[0]))
        {
            return true;
        }

        return request.Cookies.TryGetValue(CookieName, out var token) && token is { Length: > 0 } && IsLive(token);
    }

    /// <summary>Starts a session and sets its cookie (HttpOnly, SameSite=Strict, Path=/).</summary>
    public void SignIn(HttpResponse response)
    {
        Sweep();
        var token = System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        _sessions[Digest(token)] = time.GetUtcNow() + Lifetime;
        var options = CookieOptionsFor(response.HttpContext.Request);
        options.MaxAge = Lifetime;
        response.Cookies.Append(CookieName, token, options);
    }

    /// <summary>Ends the request's session (if any) and clears the cookie.</summary>
    public void SignOut(HttpContext context)
    {
        if (context.Request.Cookies.TryGetValue(CookieName, out var token) && token is { Length: > 0 })
        {
            _sessions.TryRemove(Digest(token), out _);
        }

        context.Response.Cookies.Delete(CookieName, CookieOptionsFor(context.Request));
    }

    /// <summary>The one set of cookie flags, so signing in and out cannot drift apart.</summary>
    private static CookieOptions CookieOptionsFor(HttpRequest request) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Path = "/",
        Secure = request.IsHttps,
        IsEssential = true,
    };

    private bool IsLive(string token)
    {
        var digest = Digest(token);
        if (!_sessions.TryGetValue(digest, out var expires))
        {
            return false;
        }

        var now = time.GetUtcNow();
        if (expires <= now)
        {
            _sessions.TryRemove(digest, out _);
            return false;
        }

        _sessions[digest] = now + Lifetime;
        return true;
    }

    /// <summary>Drops expired sessions, and the oldest when there are too many (a sign-in loop cannot grow memory without bound).</summary>
    private void Sweep()
    {
        var now = time.GetUtcNow();
        foreach (var (digest, expires) in _sessions)
        {
            if (expires <= now)
            {
                _sessions.TryRemove(digest, out _);
            }
        }

        if (_sessions.Count >= MaxSessions)
        {
            foreach (var (digest, _) in _sessions.OrderBy(s => s.Value).Take(_sessions.Count - MaxSessions + 1))
            {
                _sessions.TryRemove(digest, out _);
            }
        }
    }

    private static string Digest(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
