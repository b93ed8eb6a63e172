using Episodic.Automation.Review;
using Episodic.Cli;
using Episodic.Tests.Automation;
using Episodic.Tests.Routing;
using Xunit;

namespace Episodic.Tests.Browser;

/// <summary>
/// A real <c>episodic serve --api-key KEY --library LIB</c> (the CLI's own command, in this process, on a loopback
/// port the OS picks) over a library on disk whose review queue holds the files a test asks for. Each test gets its
/// own, so one test's accepts never change what another sees.
/// </summary>
internal sealed class ServedLibrary : IAsyncDisposable
{
    /// <summary>Planning with this bar holds even clean names as low confidence, as a cautious library would.</summary>
    private const double HoldEverything = 0.999;

    private readonly CancellationTokenSource _stop;
    private readonly Task<int> _serve;
    private readonly StringWriter _stderr;

    private ServedLibrary(RoutingFixture files, string apiKey, Uri baseUri, CancellationTokenSource stop, Task<int> serve, StringWriter stderr)
    {
        Files = files;
        ApiKey = apiKey;
        BaseUri = baseUri;
        _stop = stop;
        _serve = serve;
        _stderr = stderr;
    }

    /// <summary>The downloads folder, the library and their temp root.</summary>
    public RoutingFixture Files { get; }

    public string ApiKey { get; }

    /// <summary>Where the server listens, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseUri { get; }

    /// <summary>An absolute URL on the server.</summary>
    public string Url(string path) => new Uri(BaseUri, path).ToString();

    /// <summary>Starts serve over a fresh library; <paramref name="apiKey"/> null serves without a key (loopback only, no sign-in).</summary>
    public static async Task<ServedLibrary> StartAsync(string? apiKey = "browser-test-key-0123456789")
    {
        var files = new RoutingFixture();
        var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var stderr = new StringWriter();
        string[] args = ["serve", "--urls", "http://127.0.0.1:0", "--library", files.Library, "--log-level", "warning"];
        if (apiKey is not null)
        {
            args = [.. args, "--api-key", apiKey];
        }

        var serve = CliApp.RunAsync(args, new StringReader(""), new StringWriter(), TextWriter.Synchronized(stderr), environment: new Dictionary<string, string?>(), cancellationToken: stop.Token);
        try
        {
            var url = await ListeningUrlAsync(stderr, serve);
            return new ServedLibrary(files, apiKey ?? "", new Uri(url), stop, serve, stderr);
        }
        catch
        {
            await stop.CancelAsync();
            stop.Dispose();
            files.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Writes each file into the downloads folder and holds it for review the way <c>route --hold</c> does (plan, then
    /// record what the plan could not settle); returns the held items by the name they were written as.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, ReviewItem>> HoldAsync(params string[] relativeNames)
    {
        var paths = relativeNames.ToDictionary(n => n, n => Files.Write(n), StringComparer.Ordinal);
        var plan = await Files.PlanAsync(Files.Options with { MinConfidence = HoldEverything }, [.. paths.Values]);
        var byPath = ReviewDeskTests.Hold(Files, plan).ToDictionary(i => i.Path, StringComparer.Ordinal);
        return paths.ToDictionary(p => p.Key, p => byPath.TryGetValue(p.Value, out var item) ? item : throw new InvalidOperationException($"'{p.Key}' was not held: {string.Join(", ", plan.Items.Select(i => $"{i.Source} {i.Action}"))}"), StringComparer.Ordinal);
    }

    /// <summary>What the library's queue holds now, read from disk (not through the server).</summary>
    public IReadOnlyList<ReviewItem> Queue()
    {
        using var store = ReviewStore.Open(Files.Library);
        return store.List();
    }

    /// <summary>What serve wrote to stderr so far (for failure messages).</summary>
    public string Log => _stderr.ToString();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            Assert.Equal(CliApp.ExitOk, await _serve);
        }
        finally
        {
            _stop.Dispose();
            Files.Dispose();
        }
    }

    /// <summary>The URL serve says it listens on (its stderr line), once it has started.</summary>
    internal static async Task<string> ListeningUrlAsync(StringWriter stderr, Task<int> serve)
    {
        const string marker = "listening on ";
        for (var i = 0; i < 600 && !serve.IsCompleted; i++)
        {
            var text = stderr.ToString();
            if (text.IndexOf(marker, StringComparison.Ordinal) is var at and >= 0)
            {
                return text[(at + marker.Length)..].Split(' ')[0];
            }

            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        throw new InvalidOperationException($"serve did not start: {stderr}");
    }
}
