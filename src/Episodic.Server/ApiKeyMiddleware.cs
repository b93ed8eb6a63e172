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

    private bool Matches(Microsoft.Extensions.Primitives.StringValues given)
    {
        if (given.Count != 1 || given[0] is not { Length: > 0 } value)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(Hash(value), expectedHash);
    }
}
