using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Episodic.Server.Pages;

/// <summary>
/// The web UI's routes (minimal APIs, no MVC or Razor: nothing reflective for the native AOT build). Every POST is
/// checked against ASP.NET Core's antiforgery token before its handler runs; a post without a valid one gets 400 and
/// changes nothing. Pages live at <c>/</c> and under <c>/ui</c>, so they never clash with the JSON API.
/// </summary>
internal static class UiEndpoints
{
    public const string AntiforgeryField = "__RequestVerificationToken";

    /// <summary>Antiforgery with an in-memory key ring (tokens, like sessions, end with the process; nothing written to the profile).</summary>
    public static void AddUi(IServiceCollection services)
    {
        services.AddDataProtection();
        services.Configure<KeyManagementOptions>(o => o.XmlRepository = new MemoryKeyRing());
        services.AddAntiforgery(o =>
        {
            o.FormFieldName = AntiforgeryField;
            o.Cookie.Name = "episodic_af";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.HttpOnly = true;
            o.SuppressXFrameOptionsHeader = true; // the CSP's frame-ancestors 'none' says it
        });
    }

    public static void MapUi(WebApplication app, UiState ui)
    {
        app.MapGet("/", (HttpContext c) => ReviewPage.Render(ui, c)).ExcludeFromDescription();
        app.MapGet("/ui/review", (HttpContext c) => ReviewPage.Render(ui, c)).ExcludeFromDescription();
        app.MapGet("/ui/review/search", (Func<HttpContext, Task<IResult>>)(c => SearchPage.RenderAsync(ui, c))).ExcludeFromDescription();
        app.MapGet("/ui/parse", (HttpContext c) => ParsePage.Render(ui, c)).ExcludeFromDescription();
        app.MapGet("/ui/history", (HttpContext c) => HistoryPage.Render(ui, c)).ExcludeFromDescription();
        app.MapGet("/ui/history/undo", (HttpContext c) => HistoryPage.Confirm(ui, c)).ExcludeFromDescription();
        app.MapGet("/ui/health", (Func<HttpContext, Task<IResult>>)(c => HealthPage.RenderAsync(ui, c))).ExcludeFromDescription();
        app.MapGet("/ui/signin", (HttpContext c) => SignInPage.Render(ui, c)).ExcludeFromDescription();
        app.MapGet(UiAssets.CssPath, (HttpContext c) => UiAssets.Css.WriteAsync(c)).ExcludeFromDescription();
        app.MapGet(UiAssets.JsPath, (HttpContext c) => UiAssets.Js.WriteAsync(c)).ExcludeFromDescription();

        Post(app, "/ui/signin", c => SignInPage.PostAsync(ui, c));
        Post(app, "/ui/signout", c => SignInPage.SignOutAsync(ui, c));
        Post(app, "/ui/review/accept", c => ReviewPage.PostAsync(ui, c, skip: false));
        Post(app, "/ui/review/skip", c => ReviewPage.PostAsync(ui, c, skip: true));
        Post(app, "/ui/parse", c => ParsePage.PostAsync(ui, c));
        Post(app, "/ui/history/undo", c => HistoryPage.PostAsync(ui, c));
    }

    private static void Post(WebApplication app, string path, Func<HttpContext, Task<IResult>> handler) =>
        app.MapPost(path, async (HttpContext context) =>
        {
            var antiforgery = context.RequestServices.GetRequiredService<IAntiforgery>();
            if (!context.Request.HasFormContentType || !await antiforgery.IsRequestValidAsync(context).ConfigureAwait(false))
            {
                return Results.Text("The form is stale or did not come from this site: reload the page and try again.\n", "text/plain; charset=utf-8", null, StatusCodes.Status400BadRequest);
            }

            return await handler(context).ConfigureAwait(false);
        }).ExcludeFromDescription();
}
