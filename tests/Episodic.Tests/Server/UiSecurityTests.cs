using System.Net;
using Episodic.Server;
using Xunit;

namespace Episodic.Tests.Server;

/// <summary>The pages' safety over real HTTP: sign-in cookie, redirects, the X-Api-Key header, the CSP, antiforgery.</summary>
public sealed class UiSecurityTests
{
    private const string Key = "ui-test-key-0123456789abcdef";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string[] Pages = ["/", "/ui/review", "/ui/parse", "/ui/history", "/ui/health", "/ui/assets/app.js"];

    [Fact]
    public async Task Signing_in_sets_an_httponly_strict_session_cookie_that_is_not_the_key_and_a_wrong_key_is_401()
    {
        await using var server = await RunningServer.StartAsync(new ServerOptions { ApiKey = Key });
        using var ui = new UiClient(server.Client.BaseAddress!);

        var (form, html) = await ui.GetAsync("/ui/signin?returnUrl=%2Fui%2Fparse");
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Contains("<label for=\"api-key\">API key</label>", html, StringComparison.Ordinal);
        using var wrong = await ui.PostAsync("/ui/signin", [new("apiKey", "not-the-key"), new("returnUrl", "/ui/parse")]);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.False(wrong.Headers.Contains("Set-Cookie") && wrong.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("episodic_session=", StringComparison.Ordinal)));

        using var right = await ui.PostAsync("/ui/signin", [new("apiKey", Key), new("returnUrl", "/ui/parse")]);
        Assert.Equal(HttpStatusCode.SeeOther, right.StatusCode);
        Assert.Equal("/ui/parse", right.Headers.Location!.OriginalString);
        var cookie = Assert.Single(right.Headers.GetValues("Set-Cookie"), c => c.StartsWith("episodic_session=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Key, cookie, StringComparison.Ordinal);

        var (page, _) = await ui.GetAsync("/ui/parse");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);

        using var signOut = await ui.PostAsync("/ui/signout", []);
        Assert.Equal(HttpStatusCode.SeeOther, signOut.StatusCode);
        var (after, _) = await ui.GetAsync("/ui/parse");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
    }

    [Fact]
    public async Task Without_signing_in_pages_redirect_to_sign_in_posts_are_401_and_the_header_key_works()
    {
        await using var server = await RunningServer.StartAsync(new ServerOptions { ApiKey = Key });
        using var ui = new UiClient(server.Client.BaseAddress!);

        foreach (var path in Pages)
        {
            var (response, _) = await ui.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/ui/signin?returnUrl=" + Uri.EscapeDataString(path), response.Headers.Location!.OriginalString, StringComparison.Ordinal);
            var (withHeader, _) = await ui.GetAsync(path, Key);
            Assert.Equal(HttpStatusCode.OK, withHeader.StatusCode);
        }

        var (css, _) = await ui.GetAsync("/ui/assets/app.css");
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        _ = await ui.GetAsync("/ui/signin");
        using var post = await ui.PostAsync("/ui/parse", [new("names", "Show.S01E01.mkv")]);
        Assert.Equal(HttpStatusCode.Unauthorized, post.StatusCode);

        // The JSON API stays header-only: the page's cookie does not open it.
        using var api = await server.GetAsync("/review");
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
    }

    [Fact]
    public async Task Every_page_carries_the_content_security_policy_without_unsafe_inline()
    {
        await using var server = await RunningServer.StartAsync();
        using var ui = new UiClient(server.Client.BaseAddress!);

        foreach (var path in Pages.Append("/ui/signin").Append("/ui/assets/app.css"))
        {
            var (response, html) = await ui.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
            Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
            Assert.DoesNotContain("style=", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Assets_are_embedded_and_revalidate_by_etag()
    {
        await using var server = await RunningServer.StartAsync();
        using var ui = new UiClient(server.Client.BaseAddress!);

        var (js, body) = await ui.GetAsync("/ui/assets/app.js");
        Assert.Equal("text/javascript", js.Content.Headers.ContentType!.MediaType);
        Assert.Contains("keydown", body, StringComparison.Ordinal);
        var etag = js.Headers.ETag!.Tag;
        using var again = new HttpRequestMessage(HttpMethod.Get, "/ui/assets/app.js");
        again.Headers.TryAddWithoutValidation("If-None-Match", etag);
        using var revalidated = await server.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
    }

    [Fact]
    public async Task A_post_without_an_antiforgery_token_is_400()
    {
        await using var server = await RunningServer.StartAsync(new ServerOptions { ApiKey = Key });
        using var ui = new UiClient(server.Client.BaseAddress!);
        _ = await ui.GetAsync("/ui/signin");

        using var signIn = await ui.PostAsync("/ui/signin", [new("apiKey", Key)], withToken: false);
        using var forged = await ui.PostAsync("/ui/signin", [new("apiKey", Key), new("__RequestVerificationToken", "forged")], withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, signIn.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.False(signIn.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("episodic_session=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Sign_in_only_returns_to_local_pages()
    {
        await using var server = await RunningServer.StartAsync(new ServerOptions { ApiKey = Key });
        using var ui = new UiClient(server.Client.BaseAddress!);
        _ = await ui.GetAsync("/ui/signin");

        using var away = await ui.PostAsync("/ui/signin", [new("apiKey", Key), new("returnUrl", "//evil.example/")]);

        Assert.Equal(HttpStatusCode.SeeOther, away.StatusCode);
        Assert.Equal("/", away.Headers.Location!.OriginalString);
    }
}
