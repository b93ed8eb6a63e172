using Microsoft.Playwright;
using Xunit;

namespace Episodic.Tests.Browser;

/// <summary>What the browser tests do on the pages, by the markup hooks the UI contract fixes (labels, roles, data attributes).</summary>
internal static class Pages
{
    /// <summary>Set to 1 to have the tests save their screenshots into docs/images/ (for docs/ui.md).</summary>
    public const string ScreenshotsVariable = "EPISODIC_SCREENSHOTS";

    /// <summary>How long one wait in a page may take on a loaded 2-core machine before the test fails.</summary>
    public const float Timeout = 60_000;

    /// <summary>A fresh context (own cookies and cache) with a desktop viewport unless told otherwise.</summary>
    public static async Task<IBrowserContext> ContextAsync(IBrowser browser, int width = 1024, int height = 720, ColorScheme scheme = ColorScheme.Light)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            ColorScheme = scheme,
            Locale = "en-US",
        });
        context.SetDefaultTimeout(Timeout);
        context.SetDefaultNavigationTimeout(Timeout);
        return context;
    }

    /// <summary>Opens the review page as a person would: it sends them to sign in, they type the key and land on it.</summary>
    public static async Task<IPage> SignedInAsync(IBrowserContext context, ServedLibrary served, string? screenshot = null)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(served.Url("/"));
        Assert.Contains("/ui/signin", page.Url, StringComparison.Ordinal);
        await page.GetByLabel("API key").FillAsync(served.ApiKey);
        if (screenshot is not null)
        {
            await ScreenshotAsync(page, screenshot);
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        // The parsed document, not the default Load (every subresource): a full CI run once timed out here waiting for
        // Load. What the tests read afterwards goes through locators and Expect, which wait for the content; a test that
        // measures styles waits for Load itself.
        await page.WaitForURLAsync(url => !url.Contains("/ui/signin", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        return page;
    }

    /// <summary>The held item <paramref name="id"/> on the review page.</summary>
    public static ILocator Item(IPage page, string id) => page.Locator($".item[data-item-id='{id}']");

    /// <summary>The item's own button (Accept or Skip), by its accessible name.</summary>
    public static ILocator Button(ILocator item, string name) => item.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    /// <summary>The background colour the page shows (the body's, else the root element's when the body is transparent).</summary>
    public static Task<string> BackgroundAsync(IPage page) => page.EvaluateAsync<string>("""
        () => {
          const transparent = c => c === 'transparent' || c === 'rgba(0, 0, 0, 0)';
          const body = getComputedStyle(document.body).backgroundColor;
          return transparent(body) ? getComputedStyle(document.documentElement).backgroundColor : body;
        }
        """);

    /// <summary>Saves a PNG of the viewport into docs/images/NAME.png when <see cref="ScreenshotsVariable"/> is 1.</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable(ScreenshotsVariable) != "1")
        {
            return;
        }

        var path = Path.Join(TestPaths.RepoRoot, "docs", "images", name + ".png");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, Animations = ScreenshotAnimations.Disabled });
    }
}
