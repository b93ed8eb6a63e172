using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;

namespace Episodic.Server.Pages;

/// <summary>Which page the navigation marks as current.</summary>
internal enum NavItem
{
    None,
    Review,
    Parse,
    History,
    Health,
}

/// <summary>
/// The frame every page shares: the document head (stylesheet and script by URL only — the policy allows no inline
/// code), the navigation, a sign-out button when the server has a key, and the antiforgery field forms embed.
/// </summary>
internal sealed class Layout
{
    private readonly string _token;

    private Layout(HttpContext context, string token, bool signOut)
    {
        Context = context;
        _token = token;
        SignOut = signOut;
    }

    public HttpContext Context { get; }

    /// <summary>Signed in with a key (so there is something to sign out of).</summary>
    public bool SignOut { get; }

    /// <summary>Starts a page for <paramref name="context"/>: issues its antiforgery token (and cookie).</summary>
    public static Layout For(HttpContext context, UiSessions sessions)
    {
        var antiforgery = context.RequestServices.GetService(typeof(IAntiforgery)) as IAntiforgery
            ?? throw new InvalidOperationException("antiforgery is not registered");
        var tokens = antiforgery.GetAndStoreTokens(context);
        return new Layout(context, tokens.RequestToken ?? "", sessions.Required);
    }

    /// <summary>The hidden antiforgery field every POST form carries.</summary>
    public void Antiforgery(HtmlWriter w) =>
        w.Hidden(UiEndpoints.AntiforgeryField, _token);

    /// <summary>Head, navigation and the start of <c>main</c>.</summary>
    public HtmlWriter Start(string title, NavItem active)
    {
        var w = new HtmlWriter();
        w.Open("!DOCTYPE html").Void();
        w.Open("html").Attr("lang", "en").Open("head");
        w.Open("meta").Attr("charset", "utf-8").Void();
        w.Open("meta").Attr("name", "viewport").Attr("content", "width=device-width,initial-scale=1").Void();
        w.Element("title", title + " · Episodic");
        w.Open("link").Attr("rel", "stylesheet").Attr("href", UiAssets.CssPath + "?v=" + UiAssets.Css.Version).Void();
        w.Open("script").Attr("src", UiAssets.JsPath + "?v=" + UiAssets.Js.Version).Flag("defer").Close("script");
        w.Close("head").Open("body");
        if (active != NavItem.None)
        {
            w.Open("nav").Attr("aria-label", "Pages");
            Link(w, "/", "Review", active == NavItem.Review);
            Link(w, "/ui/parse", "Parse", active == NavItem.Parse);
            Link(w, "/ui/history", "History", active == NavItem.History);
            Link(w, "/ui/health", "Health", active == NavItem.Health);
            if (SignOut)
            {
                w.Open("form").Attr("method", "post").Attr("action", "/ui/signout");
                Antiforgery(w);
                w.Open("button").Attr("type", "submit").Text("Sign out").Close("button").Close("form");
            }

            w.Close("nav");
        }

        w.Open("main");
        w.Element("h1", title);
        return w;
    }

    /// <summary>The <c>#status</c> region with the lines of the last action (empty when none).</summary>
    public static void Status(HtmlWriter w, IReadOnlyList<string> lines)
    {
        w.Open("div").Attr("id", "status").Attr("role", "status");
        foreach (var line in lines)
        {
            w.Element("p", line);
        }

        w.Close("div");
    }

    /// <summary>Ends the page and makes the response (HTML, never cached: it carries an antiforgery token).</summary>
    public static IResult End(HtmlWriter w, int status = StatusCodes.Status200OK)
    {
        w.Close("main").Close("body").Close("html");
        return Results.Content(w.ToString(), "text/html; charset=utf-8", Encoding.UTF8, status);
    }

    private static void Link(HtmlWriter w, string href, string text, bool current) =>
        w.Open("a").Attr("href", href).Attr("aria-current", current ? "page" : null).Text(text).Close("a");
}
