using Microsoft.AspNetCore.Http;

namespace Episodic.Server.Pages;

/// <summary>
/// The pages' front door: every page and asset response gets the Content-Security-Policy (no inline script or style,
/// so injected markup could not run even if it got through) and its companions; with an API key, nothing but the
/// sign-in page and its stylesheet is served to a request that is not signed in (a page GET is sent to sign in,
/// anything else gets 401). The JSON API is not a page: <see cref="ApiKeyMiddleware"/> keeps it header-only.
/// </summary>
internal sealed class UiGate(RequestDelegate next, UiSessions sessions)
{
    public const string ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    /// <summary>The page paths: <c>/</c> and everything under <c>/ui</c>.</summary>
    public static bool IsUiPath(PathString path) => path == "/" || path.StartsWithSegments("/ui", StringComparison.OrdinalIgnoreCase);

    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!IsUiPath(request.Path))
        {
            return next(context);
        }

        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        if (!sessions.Required || IsPublic(request.Path) || sessions.IsSignedIn(request))
        {
            return next(context);
        }

        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
        {
            context.Response.Redirect("/ui/signin?returnUrl=" + Uri.EscapeDataString(request.Path + request.QueryString));
            return Task.CompletedTask;
        }

        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        return Task.CompletedTask;
    }

    /// <summary>What a visitor who has not signed in may read: the sign-in form (and its post) and the stylesheet it uses.</summary>
    private static bool IsPublic(PathString path) =>
        path.Equals("/ui/signin", StringComparison.OrdinalIgnoreCase) || path.Equals(UiAssets.CssPath, StringComparison.OrdinalIgnoreCase);
}
