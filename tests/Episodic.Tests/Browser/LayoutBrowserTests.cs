using Microsoft.Playwright;
using Xunit;

namespace Episodic.Tests.Browser;

/// <summary>How the pages look in Chromium: a phone-width viewport without sideways scrolling, dark mode, the parse page.</summary>
[Collection(BrowserGroup.Name)]
public sealed class LayoutBrowserTests(BrowserFixture browser)
{
    private static readonly string[] Names =
    [
        "[SubsPlease] Sousou no Frieren - 26 (1080p) [B1F3C0DE].mkv",
        "The.Long.Running.Documentary.Series.With.A.Very.Long.Name.S12E04.Episode.Title.Goes.Here.2160p.WEB-DL.DDP5.1.Atmos.HDR.H.265-GROUP.mkv",
        "Some.Show.S01E02.720p.mkv",
    ];

    [Fact]
    public async Task At_375_pixels_wide_the_review_page_has_no_sideways_scroll()
    {
        await using var served = await ServedLibrary.StartAsync();
        await served.HoldAsync(Names);
        await using var context = await Pages.ContextAsync(browser.Browser, width: 375, height: 812);
        var page = await Pages.SignedInAsync(context, served);
        await Assertions.Expect(page.Locator(".item")).ToHaveCountAsync(Names.Length);
        await page.WaitForLoadStateAsync(LoadState.Load); // the stylesheet is applied before anything is measured

        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        var (scroll, client) = (widths[0], widths[1]);
        var wide = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('body *')]
              .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
              .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className ? '.' + e.className : ''))
            """);

        Assert.True(scroll <= client, $"the page is {scroll} px wide in a {client} px viewport; too wide: {string.Join(", ", wide.Take(10))}");
        await Pages.ScreenshotAsync(page, "ui-review-mobile");
    }

    [Fact]
    public async Task A_dark_color_scheme_changes_the_background()
    {
        await using var served = await ServedLibrary.StartAsync();
        await served.HoldAsync(Names);
        await using var context = await Pages.ContextAsync(browser.Browser, scheme: ColorScheme.Light);
        var page = await Pages.SignedInAsync(context, served);
        await Assertions.Expect(page.Locator(".item")).ToHaveCountAsync(Names.Length);
        await page.WaitForLoadStateAsync(LoadState.Load); // the stylesheet is applied before anything is measured
        var light = await Pages.BackgroundAsync(page);
        await Pages.ScreenshotAsync(page, "ui-review-light");

        await page.EmulateMediaAsync(new PageEmulateMediaOptions { ColorScheme = ColorScheme.Dark });

        var dark = await Pages.BackgroundAsync(page);
        Assert.NotEqual(light, dark);
        Assert.True(Luminance(dark) < Luminance(light), $"dark background {dark} is not darker than light {light}");
        await Pages.ScreenshotAsync(page, "ui-review-dark");
    }

    [Fact]
    public async Task The_parse_page_reads_each_name_into_a_row()
    {
        await using var served = await ServedLibrary.StartAsync();
        await using var context = await Pages.ContextAsync(browser.Browser);
        var page = await Pages.SignedInAsync(context, served);
        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Parse" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/ui/parse", StringComparison.Ordinal));

        await page.GetByLabel("Names").FillAsync(string.Join('\n', Names));
        await page.GetByRole(AriaRole.Button, new() { Name = "Parse", Exact = true }).ClickAsync();

        var rows = page.Locator("table#results tr.row");
        await Assertions.Expect(rows).ToHaveCountAsync(Names.Length);
        await Assertions.Expect(rows.Nth(0).Locator(".name")).ToHaveTextAsync(Names[0]);
        await Assertions.Expect(rows.Nth(2).Locator(".show")).ToHaveTextAsync("Some Show");
        await Assertions.Expect(rows.Nth(2).Locator(".season")).ToContainTextAsync("1");
        await Assertions.Expect(rows.Nth(2).Locator(".episodes")).ToContainTextAsync("2");
        await Pages.ScreenshotAsync(page, "ui-parse");
    }

    /// <summary>Relative luminance (0 black .. 1 white) of a CSS <c>rgb()</c>/<c>rgba()</c> colour as getComputedStyle gives it.</summary>
    private static double Luminance(string css)
    {
        var parts = css[(css.IndexOf('(', StringComparison.Ordinal) + 1)..css.IndexOf(')', StringComparison.Ordinal)]
            .Split(',', StringSplitOptions.TrimEntries)
            .Take(3)
            .Select(p => double.Parse(p, System.Globalization.CultureInfo.InvariantCulture) / 255)
            .Select(c => c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4))
            .ToArray();
        return (0.2126 * parts[0]) + (0.7152 * parts[1]) + (0.0722 * parts[2]);
    }
}
