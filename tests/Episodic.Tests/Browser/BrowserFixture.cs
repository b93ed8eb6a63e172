using Microsoft.Playwright;
using Xunit;

namespace Episodic.Tests.Browser;

/// <summary>
/// One headless Chromium for all browser tests: the machine's own build (<c>/usr/bin/chromium</c>, Debian's package),
/// driven by Playwright's bundled driver; no browser is ever downloaded. Starting Chromium costs a second or two, so the
/// tests share it and each opens its own context (own cookies, own cache, own viewport). Where Chromium is missing the
/// tests skip and say why, unless <c>EPISODIC_REQUIRE_BROWSER=1</c> (CI), where they fail.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    /// <summary>Where Debian's chromium package puts the browser.</summary>
    public const string DefaultChromium = "/usr/bin/chromium";

    /// <summary>Another Chromium to drive instead of <see cref="DefaultChromium"/>.</summary>
    public const string ChromiumVariable = "EPISODIC_CHROMIUM";

    /// <summary>Set to 1 where a missing browser is a failure, not a skip (CI installs it).</summary>
    public const string RequireVariable = "EPISODIC_REQUIRE_BROWSER";

    private readonly string _chromium;
    private readonly bool _required;
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private string? _missing;

    public BrowserFixture()
        : this(ChromiumPath, Environment.GetEnvironmentVariable(RequireVariable) == "1")
    {
    }

    /// <summary>A fixture for another Chromium path and requirement (the tests of the skip itself).</summary>
    internal BrowserFixture(string chromium, bool required)
    {
        _chromium = chromium;
        _required = required;
    }

    /// <summary>The flags the browser runs with: no sandbox or GPU (a container without either), no first-run or background network traffic.</summary>
    public static IReadOnlyList<string> Flags { get; } =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    /// <summary>The running browser; skips the calling test (or fails it under <see cref="RequireVariable"/>) when there is none.</summary>
    public IBrowser Browser
    {
        get
        {
            if (_browser is not null)
            {
                return _browser;
            }

            var (message, fails) = Missing!.Value;
            if (fails)
            {
                Assert.Fail(message);
            }

            Assert.Skip(message);
            return null!;
        }
    }

    /// <summary>Why there is no browser, and whether that fails the test rather than skips it; null when the browser runs.</summary>
    internal (string Message, bool Fails)? Missing => _browser is not null
        ? null
        : _required
            ? ($"{_missing} ({RequireVariable}=1 makes this a failure)", true)
            : ($"{_missing}; install Debian's chromium package to run the browser tests", false);

    /// <summary>The Chromium to drive: <see cref="ChromiumVariable"/>, else <see cref="DefaultChromium"/>.</summary>
    public static string ChromiumPath => Environment.GetEnvironmentVariable(ChromiumVariable) is { Length: > 0 } path ? path : DefaultChromium;

    public async ValueTask InitializeAsync()
    {
        // The served library runs in this test process, beside test classes that block pool threads on child processes
        // and files. With the pool's default minimum (one thread per core) its requests waited for thread injection, and
        // twice in full CI runs a sign-in outlasted the 30 s browser timeout. More ready threads keep the server answering.
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, 32), Math.Max(io, 32));
        if (!File.Exists(_chromium))
        {
            _missing = $"no Chromium at {_chromium}";
            return;
        }

        _playwright = await Playwright.CreateAsync();
        _browser = await LaunchAsync(_playwright, _chromium);
    }

    /// <summary>Starts the machine's Chromium headless; Playwright gives it a fresh temporary profile (user-data-dir) every launch.</summary>
    public static Task<IBrowser> LaunchAsync(IPlaywright playwright, string chromium) =>
        playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = Flags,
            Timeout = 60_000,
        });

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
    }
}

/// <summary>The browser tests run one after another (they share <see cref="BrowserFixture"/> and the machine's 2 cores).</summary>
[CollectionDefinition(Name)]
public sealed class BrowserGroup : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
