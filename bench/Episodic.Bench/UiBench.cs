using System.Globalization;
using System.Text.Json;
using Episodic.Automation.Review;
using Episodic.Core.Parsing;
using Episodic.Routing.Apply;
using Episodic.Routing.Journal;
using Episodic.Routing.Planning;
using Episodic.Server;
using Microsoft.Playwright;

namespace Episodic.Bench;

/// <summary>
/// <c>--ui [--items 1000] [--runs 5]</c>: the review page with 1,000 held files, loaded in the machine's headless
/// Chromium (/usr/bin/chromium, driven by Playwright; nothing is downloaded). Each run is a fresh browser context (no
/// cache, no cookies) and reports the time to interactive — navigation start until the page's script has handled the
/// first <c>j</c>, which is pressed as soon as DOMContentLoaded fires and again every 20 ms until the current item
/// moves — and the bytes transferred on first load (HTML, CSS and JS, headers included, from Resource Timing).
/// Floors (issue 19): interactive under 1 s, transfer under 200 KB; the verdict uses the median run.
/// </summary>
public static class UiBench
{
    public const int DefaultItems = 1000;

    public const int DefaultRuns = 5;

    public const double InteractiveFloorMs = 1000;

    public const double TransferFloorBytes = 200 * 1024;

    private const string Chromium = "/usr/bin/chromium";

    /// <summary>Marks the first j keydown and the first aria-current change after it, in page time (ms since navigation start).</summary>
    private const string Probe = """
        (() => {
          const m = window.__episodicBench = { key: null, handled: null };
          addEventListener('keydown', e => { if (e.key === 'j' && m.key === null) m.key = performance.now(); }, true);
          new MutationObserver(records => {
            if (m.key !== null && m.handled === null &&
                records.some(r => r.target.getAttribute && r.target.getAttribute('aria-current') === 'true')) {
              m.handled = performance.now();
            }
          }).observe(document, { attributes: true, subtree: true, attributeFilter: ['aria-current'] });
        })();
        """;

    private const string Sizes = """
        () => {
          const nav = performance.getEntriesByType('navigation')[0];
          const entries = [nav, ...performance.getEntriesByType('resource')];
          return {
            dcl: nav.domContentLoadedEventEnd,
            entries: entries.map(e => ({ name: e.name, type: e.initiatorType, transfer: e.transferSize, body: e.encodedBodySize, decoded: e.decodedBodySize })),
          };
        }
        """;

    public static async Task<bool> RunAsync(TextWriter output, int items = DefaultItems, int runs = DefaultRuns)
    {
        if (!File.Exists(Chromium))
        {
            output.WriteLine($"no Chromium at {Chromium}: install Debian's chromium package");
            return false;
        }

        var root = Directory.CreateTempSubdirectory("episodic-ui-bench-");
        try
        {
            // The bench signs its queue with a key of its own, never the user's.
            Environment.SetEnvironmentVariable(JournalKey.FileVariable, Path.Join(root.FullName, "journal.key"));
            var routing = new RoutingOptions { LibraryRoot = Path.Join(root.FullName, "library"), MinConfidence = 0.999 };
            var held = await HoldAsync(Path.Join(root.FullName, "downloads"), routing, items).ConfigureAwait(false);
            var desk = new ReviewDesk(new ReviewDeskOptions { Libraries = [routing with { MinConfidence = RoutingOptions.DefaultMinConfidence }] });
            var app = EpisodicServer.Build(new ServerOptions { Urls = "http://127.0.0.1:0", Quiet = true, Review = desk });
            await using (app.ConfigureAwait(false))
            {
                await app.StartAsync().ConfigureAwait(false);
                var url = app.Urls.First() + "/";
                output.WriteLine($"serve on {url} (no API key, loopback) with {held} held files; Chromium {Chromium}, headless");
                using var playwright = await Playwright.CreateAsync().ConfigureAwait(false);
                await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
                {
                    ExecutablePath = Chromium,
                    Headless = true,
                    Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
                }).ConfigureAwait(false);

                var results = new List<(double Interactive, double Dcl, long Transfer)>();
                for (var run = 0; run <= runs; run++)
                {
                    var (interactive, dcl, transfer, lines) = await MeasureAsync(browser, url).ConfigureAwait(false);
                    if (run == 0)
                    {
                        output.WriteLine($"warm-up (server JIT): interactive {interactive:N0} ms, DOMContentLoaded {dcl:N0} ms, {transfer:N0} bytes; first load:");
                        foreach (var line in lines)
                        {
                            output.WriteLine("  " + line);
                        }

                        continue;
                    }

                    results.Add((interactive, dcl, transfer));
                    output.WriteLine($"run {run}: interactive {interactive:N0} ms (DOMContentLoaded {dcl:N0} ms), transferred {transfer:N0} bytes");
                }

                var medianInteractive = Median.Of(results.Select(r => r.Interactive));
                var medianTransfer = Median.Of(results.Select(r => (double)r.Transfer));
                var ok = medianInteractive < InteractiveFloorMs && medianTransfer < TransferFloorBytes;
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"median: interactive {medianInteractive:N0} ms (floor < {InteractiveFloorMs:N0} ms), transferred {medianTransfer / 1024:N1} KB (floor < {TransferFloorBytes / 1024:N0} KB): {(ok ? "PASS" : "FAIL")}"));
                return ok;
            }
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    /// <summary>Writes release files (corpus names, then numbered ones) and holds <paramref name="count"/> of them as <c>route --hold</c> would.</summary>
    private static async Task<int> HoldAsync(string downloads, RoutingOptions routing, int count)
    {
        Directory.CreateDirectory(downloads);
        Directory.CreateDirectory(routing.LibraryRoot);
        var names = CorpusNames.All
            .Where(n => n.IndexOfAny(['/', '\\', '\0']) < 0 && n.Length < 200 && n.EndsWith(".mkv", StringComparison.OrdinalIgnoreCase))
            .Concat(Enumerable.Range(0, count).Select(i => $"Synthetic.Series.{i:0000}.S01E{(i % 24) + 1:00}.1080p.WEB-DL.mkv"))
            .Distinct(StringComparer.Ordinal)
            .Take(count + 100);
        foreach (var name in names)
        {
            await File.WriteAllTextAsync(Path.Join(downloads, name), name).ConfigureAwait(false);
        }

        var plan = await RoutePlanner.PlanAsync([downloads], routing, RuleParser.Default.Parse).ConfigureAwait(false);
        using var store = ReviewStore.Open(routing.LibraryRoot);
        return HeldFiles.Of(plan, null, new HoldContext("ui bench", RouteMode.Move)).Take(count).Select(store.Hold).Count(i => i is not null);
    }

    private static async Task<(double Interactive, double Dcl, long Transfer, List<string> Lines)> MeasureAsync(IBrowser browser, string url)
    {
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } }).ConfigureAwait(false);
        await context.AddInitScriptAsync(Probe).ConfigureAwait(false);
        var page = await context.NewPageAsync().ConfigureAwait(false);
        await page.GotoAsync(url, new PageGotoOptions { WaitUntil = WaitUntilState.DOMContentLoaded, Timeout = 60_000 }).ConfigureAwait(false);
        double? handled = null;
        for (var attempt = 0; attempt < 500 && handled is null; attempt++)
        {
            await page.Keyboard.PressAsync("j").ConfigureAwait(false);
            handled = await page.EvaluateAsync<double?>("() => window.__episodicBench.handled").ConfigureAwait(false);
            if (handled is null)
            {
                await Task.Delay(20).ConfigureAwait(false);
                handled = await page.EvaluateAsync<double?>("() => window.__episodicBench.handled").ConfigureAwait(false);
            }
        }

        if (handled is null)
        {
            throw new InvalidOperationException("the page never moved aria-current on j (is the review page's script there?)");
        }

        await page.WaitForLoadStateAsync(LoadState.Load).ConfigureAwait(false);
        var sizes = await page.EvaluateAsync<JsonElement>(Sizes).ConfigureAwait(false);
        long transfer = 0;
        var lines = new List<string>();
        foreach (var entry in sizes.GetProperty("entries").EnumerateArray())
        {
            var bytes = entry.GetProperty("transfer").GetInt64();
            transfer += bytes;
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"{entry.GetProperty("type").GetString(),-10} {bytes,9:N0} bytes on the wire, {entry.GetProperty("decoded").GetInt64(),9:N0} decoded  {entry.GetProperty("name").GetString()}"));
        }

        return (handled.Value, sizes.GetProperty("dcl").GetDouble(), transfer, lines);
    }
}
