using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Episodic.Server;

/// <summary>
/// Requires the <c>X-Api-Key</c> header on every API request (not the liveness probe; the pages have their own gate). The comparison takes the same
/// time whatever the key given (both sides are hashed first, so not even the length leaks); the key is never logged
/// or echoed.
/// </summary>
internal sealed class ApiKeyMiddleware(RequestDelegate next, byte[] expectedHash)
{
    public const string HeaderName = "X-Api-Key";

    public static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    public Task InvokeAsync(HttpContext context)
    {
        // The pages answer for themselves (Pages.UiGate): a sign-in cookie or this header.
        if (context.Request.Path.StartsWithSegments(EpisodicServer.LivePath, StringComparison.OrdinalIgnoreCase) || Pages.UiGate.IsUiPath(context.Request.Path) || Matches(context.Request.Headers[HeaderName]))
        {
            return next(context);
        }

        context.Response.Headers.WWWAuthenticate = "ApiKey header=\"" + HeaderName + "\"";
        return Problems.Create(
            StatusCodes.Status401Unauthorized,
            "Missing or wrong API key",
            $"This server requires its API key in the {HeaderName} header.").ExecuteAsync(context);
    }

    private bool Matches(Microsoft.Extensions.Primitives.StringValues given) => given.Count == 1 && KeyMatches(given[0], expectedHash);

    /// <summary>Whether <paramref name="key"/> hashes to <paramref name="expectedHash"/>, in constant time: the one
    /// comparison the API and the pages' sign-in share.</summary>
    internal static bool KeyMatches(string? key, byte[] expectedHash) =>
        !string.IsNullOrEmpty(key) && CryptographicOperations.FixedTimeEquals(Hash(key), expectedHash);
}
