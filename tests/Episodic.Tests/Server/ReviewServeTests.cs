using System.Text.Json;
using Episodic.Cli;
using Episodic.Tests.Automation;
using Episodic.Tests.Browser;
using Episodic.Tests.Routing;
using Xunit;

namespace Episodic.Tests.Server;

/// <summary><c>serve --library LIB --library LIB2</c>: the CLI wires every library's review queue behind <c>GET /review</c>.</summary>
public sealed class ReviewServeTests
{
    [Fact]
    public async Task Serve_with_two_libraries_lists_the_held_items_of_both()
    {
        using var first = new RoutingFixture();
        using var second = new RoutingFixture();
        foreach (var fx in new[] { first, second })
        {
            fx.Write("Release Folder/episode five 720p.mkv", "five");
            ReviewDeskTests.Hold(fx, await fx.PlanAsync());
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var stderr = new StringWriter();
        var serve = CliApp.RunAsync(
            ["serve", "--urls", "http://127.0.0.1:0", "--library", first.Library, "--library", second.Library],
            new StringReader(""),
            new StringWriter(),
            TextWriter.Synchronized(stderr),
            environment: new Dictionary<string, string?>(),
            cancellationToken: stop.Token);
        try
        {
            var url = await ServedLibrary.ListeningUrlAsync(stderr, serve);
            using var client = new HttpClient();
            var text = await client.GetStringAsync(new Uri(new Uri(url), "/review"), TestContext.Current.CancellationToken);

            var paths = JsonDocument.Parse(text).RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("path").GetString()).Order(StringComparer.Ordinal).ToArray();
            string[] expected = [.. new[] { first, second }.Select(fx => Path.Join(fx.Downloads, "Release Folder", "episode five 720p.mkv")).Order(StringComparer.Ordinal)];
            Assert.Equal(expected, paths);
        }
        finally
        {
            await stop.CancelAsync();
            Assert.Equal(CliApp.ExitOk, await serve);
        }
    }
}
