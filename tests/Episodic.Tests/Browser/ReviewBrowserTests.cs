using Microsoft.Playwright;
using Xunit;

namespace Episodic.Tests.Browser;

/// <summary>
/// The review page in headless Chromium against a real <c>episodic serve</c> with an API key: signing in, accepting
/// and skipping held files (checked on disk), a hostile file name shown as text, a forged POST, keyboard-only use.
/// </summary>
[Collection(BrowserGroup.Name)]
public sealed class ReviewBrowserTests(BrowserFixture browser)
{
    private const string Clean = "Some.Show.S01E02.720p.mkv";
    private const string Other = "Other.Show.S02E03.720p.mkv";
    private const string Third = "Third.Show.S03E04.1080p.mkv";

    [Fact]
    public async Task Signing_in_with_the_key_opens_the_review_page_and_a_wrong_key_is_refused()
    {
        await using var served = await ServedLibrary.StartAsync();
        await using var context = await Pages.ContextAsync(browser.Browser);
        var page = await context.NewPageAsync();

        await page.GotoAsync(served.Url("/"));
        Assert.Contains("/ui/signin", page.Url, StringComparison.Ordinal);
        await page.GetByLabel("API key").FillAsync("not-the-key");
        var refused = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync(),
            r => r.Request.Method == "POST" && r.Url.Contains("/ui/signin", StringComparison.Ordinal));
        Assert.Equal(401, refused.Status);
        Assert.Empty(await context.CookiesAsync([served.BaseUri.ToString()]) is var jar ? jar.Where(c => c.Name == "episodic_session") : []);

        var signedIn = await Pages.SignedInAsync(context, served, screenshot: "ui-signin");

        Assert.Equal(served.Url("/"), signedIn.Url);
        await Assertions.Expect(signedIn.Locator("#empty")).ToContainTextAsync("Nothing is waiting for review");
        var session = Assert.Single(await context.CookiesAsync([served.BaseUri.ToString()]), c => c.Name == "episodic_session");
        Assert.True(session.HttpOnly);
        Assert.Equal(SameSiteAttribute.Strict, session.SameSite);
    }

    [Fact]
    public async Task Accepting_a_held_item_files_it_in_the_library_and_says_where()
    {
        await using var served = await ServedLibrary.StartAsync();
        var held = await served.HoldAsync(Clean);
        var item = held[Clean];
        await using var context = await Pages.ContextAsync(browser.Browser);
        var page = await Pages.SignedInAsync(context, served);
        var row = Pages.Item(page, item.Id);
        await Assertions.Expect(row.Locator(".file")).ToContainTextAsync(Clean);

        await Pages.Button(row, "Accept").ClickAsync();

        var destination = Path.Join(served.Files.Library, "Some Show", "Season 01", "Some Show - S01E02.mkv");
        await Assertions.Expect(page.Locator("#status")).ToContainTextAsync("Filed");
        await Assertions.Expect(page.Locator("#status")).ToContainTextAsync(destination);
        Assert.True(File.Exists(destination), served.Log);
        Assert.False(File.Exists(item.Path));
        Assert.Empty(served.Queue());
        await Assertions.Expect(Pages.Item(page, item.Id)).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Skipping_a_held_item_leaves_the_file_where_it_is_and_drops_it_from_the_list()
    {
        await using var served = await ServedLibrary.StartAsync();
        var held = await served.HoldAsync(Clean, Other);
        await using var context = await Pages.ContextAsync(browser.Browser);
        var page = await Pages.SignedInAsync(context, served);

        await Pages.Button(Pages.Item(page, held[Clean].Id), "Skip").ClickAsync();

        await Assertions.Expect(Pages.Item(page, held[Clean].Id)).ToHaveCountAsync(0);
        await Assertions.Expect(Pages.Item(page, held[Other].Id)).ToHaveCountAsync(1);
        Assert.True(File.Exists(held[Clean].Path));
        Assert.Equal([held[Other].Id], served.Queue().Select(i => i.Id));
        Assert.Empty(Directory.GetFiles(served.Files.Library, "*.mkv", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task A_hostile_file_name_is_shown_as_text_and_runs_nothing()
    {
        const string hostile = "<img src=x onerror=alert(1)>.S01E01.mkv";
        await using var served = await ServedLibrary.StartAsync();
        var held = await served.HoldAsync(hostile);
        await using var context = await Pages.ContextAsync(browser.Browser);
        var dialogs = new List<string>();
        context.Page += (_, p) => p.Dialog += (_, d) =>
        {
            dialogs.Add(d.Message);
            _ = d.DismissAsync();
        };
        var page = await Pages.SignedInAsync(context, served);

        var row = Pages.Item(page, held[hostile].Id);
        await Assertions.Expect(row.Locator(".file")).ToContainTextAsync(hostile);
        await page.WaitForLoadStateAsync(LoadState.Load);
        Assert.Equal(0, await page.Locator("img[src='x']").CountAsync());
        Assert.Equal(0, await page.Locator("[onerror]").CountAsync());
        Assert.Empty(dialogs);
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused_and_moves_nothing()
    {
        await using var served = await ServedLibrary.StartAsync();
        var held = await served.HoldAsync(Clean);
        var item = held[Clean];
        await using var context = await Pages.ContextAsync(browser.Browser);
        var page = await Pages.SignedInAsync(context, served);
        var token = await page.Locator("input[name='__RequestVerificationToken']").First.InputValueAsync();
        Assert.False(string.IsNullOrEmpty(token));

        // Signed in (the session cookie goes with it), but no token: what a cross-site form or a script would send.
        var forged = await context.APIRequest.PostAsync(served.Url("/ui/review/accept"), new APIRequestContextOptions
        {
            Form = Form(("ids", item.Id)),
            MaxRedirects = 0,
        });
        Assert.Equal(400, forged.Status);
        Assert.True(File.Exists(item.Path));
        Assert.Equal([item.Id], served.Queue().Select(i => i.Id));

        // The same request with the page's token is taken: the 400 was the missing token, not the session.
        var genuine = await context.APIRequest.PostAsync(served.Url("/ui/review/accept"), new APIRequestContextOptions
        {
            Form = Form(("ids", item.Id), ("__RequestVerificationToken", token)),
            MaxRedirects = 0,
        });
        Assert.Equal(303, genuine.Status);
        Assert.False(File.Exists(item.Path));
        Assert.Empty(served.Queue());

        IFormData Form(params (string Name, string Value)[] fields)
        {
            var form = context.APIRequest.CreateFormData();
            foreach (var (name, value) in fields)
            {
                form.Append(name, value);
            }

            return form;
        }
    }

    [Fact]
    public async Task The_keyboard_alone_moves_between_items_and_accepts_the_current_one()
    {
        await using var served = await ServedLibrary.StartAsync();
        var held = await served.HoldAsync(Clean, Other, Third);
        await using var context = await Pages.ContextAsync(browser.Browser);
        var page = await Pages.SignedInAsync(context, served);
        var current = page.Locator(".item[aria-current='true']");
        await Assertions.Expect(page.Locator(".item")).ToHaveCountAsync(3);

        // Two steps down and one up: whichever item the page starts on (none or the first), no step leaves the list.
        await page.Keyboard.PressAsync("j");
        await Assertions.Expect(current).ToHaveCountAsync(1);
        var first = await current.GetAttributeAsync("data-item-id");
        await page.Keyboard.PressAsync("j");
        await Assertions.Expect(current).Not.ToHaveAttributeAsync("data-item-id", first!);
        var second = await current.GetAttributeAsync("data-item-id");
        await page.Keyboard.PressAsync("k");
        await Assertions.Expect(current).ToHaveAttributeAsync("data-item-id", first!);
        Assert.True(await current.EvaluateAsync<bool>("e => e === document.activeElement || e.contains(document.activeElement)"));

        await page.Keyboard.PressAsync("Enter");

        var accepted = held.Values.Single(i => i.Id == first);
        await Assertions.Expect(page.Locator("#status")).ToContainTextAsync("Filed");
        Assert.False(File.Exists(accepted.Path));
        var kept = held.Values.Where(i => i.Id != first).ToList();
        Assert.All(kept, i => Assert.True(File.Exists(i.Path)));
        Assert.Equal(kept.Select(i => i.Id).Order(StringComparer.Ordinal), served.Queue().Select(i => i.Id).Order(StringComparer.Ordinal));
        Assert.Contains(second, kept.Select(i => i.Id));
    }
}
