using Microsoft.AspNetCore.Http;

namespace Episodic.Server.Pages;

/// <summary>
/// Sign-in with the server's API key: a correct key starts a session (<see cref="UiSessions"/>) and goes back to the
/// page asked for — only a local path, so the form cannot be used to bounce a person to another site; a wrong key
/// gets the form again with 401. The key itself is never stored, echoed or logged.
/// </summary>
internal static class SignInPage
{
    public static IResult Render(UiState ui, HttpContext context) => Form(ui, context, context.Request.Query["returnUrl"], null, StatusCodes.Status200OK);

    public static async Task<IResult> PostAsync(UiState ui, HttpContext context)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        var returnUrl = form["returnUrl"].ToString();
        if (!ui.Sessions.Required)
        {
            return new SeeOther("/");
        }

        if (!ui.Sessions.KeyMatches(form["apiKey"].ToString().Trim()))
        {
            return Form(ui, context, returnUrl, "That is not the server's API key.", StatusCodes.Status401Unauthorized);
        }

        ui.Sessions.SignIn(context.Response);
        return new SeeOther(returnUrl.Length > 0 ? returnUrl : "/");
    }

    public static async Task<IResult> SignOutAsync(UiState ui, HttpContext context)
    {
        _ = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        ui.Sessions.SignOut(context);
        return new SeeOther("/ui/signin");
    }

    private static IResult Form(UiState ui, HttpContext context, string? returnUrl, string? error, int status)
    {
        var layout = Layout.For(context, ui.Sessions);
        var w = layout.Start("Sign in", NavItem.None);
        Layout.Status(w, error is null ? [] : [error]);
        w.Open("form").Attr("method", "post").Attr("action", "/ui/signin");
        layout.Antiforgery(w);
        w.Hidden("returnUrl", new SeeOther(returnUrl ?? "/").Location);
        w.Open("div").Attr("class", "bar");
        w.Open("label").Attr("for", "api-key").Text("API key").Close("label");
        w.Open("input").Attr("id", "api-key").Attr("name", "apiKey").Attr("type", "password").Attr("autocomplete", "current-password").Flag("required").Flag("autofocus").Void();
        w.Open("button").Attr("type", "submit").Attr("class", "go").Text("Sign in").Close("button");
        w.Close("div").Close("form");
        return Layout.End(w, status);
    }
}
