using System.Text.Json;
using Episodic.Tests.Fakes;
using Episodic.Tests.Routing;
using Xunit;

namespace Episodic.Tests.Automation;

/// <summary>
/// The real <c>episodic watch</c> as a second process: a name it cannot settle is held in the review queue (not only
/// logged), once, even when a restart offers it again; every batch that changed the library asks the media server
/// (an in-process Jellyfin fake) once, and a batch that changed nothing does not.
/// </summary>
public sealed class WatchReviewTests
{
    private const string JellyfinKey = "jellyfin-key-6666SECRET";
    private const string HeldLine = "held for review '";

    [Fact]
    public async Task Unsettled_names_are_held_once_across_batches_and_restarts_and_each_changing_batch_refreshes_once()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "SIGTERM is a POSIX signal.");
        using var fx = new RoutingFixture();
        using var jellyfin = new FakeJellyfinServer(JellyfinKey);
        var config = Path.Join(fx.Root, "watch.ini");
        File.WriteAllText(config, $"[jellyfin]\nurl = {jellyfin.Url}\n");
        var environment = new Dictionary<string, string> { ["JELLYFIN_API_KEY"] = JellyfinKey };
        string[] watch = ["watch", fx.Downloads, "--config", config, "--library", fx.Library, "--settle", "500ms", "--create-library"];
        var odd = fx.Write("holiday clip.mkv");
        fx.Write("Show.S01E01.mkv");

        string firstErr;
        using (var first = CliProcess.Start(watch, fx.Root, environment))
        {
            Assert.True(await WatchHelpers.EventuallyAsync(() => WatchHelpers.Videos(fx.Library).Count == 1 && jellyfin.Requests.Count == 1, TimeSpan.FromSeconds(20)), "the first batch was not routed and refreshed");

            // A later batch: the held file is not offered or held again; the batch changed the library, so one more refresh.
            fx.Write("Show.S01E02.mkv");
            Assert.True(await WatchHelpers.EventuallyAsync(() => WatchHelpers.Videos(fx.Library).Count == 2 && jellyfin.Requests.Count == 2, TimeSpan.FromSeconds(20)), "the second batch was not routed and refreshed");
            first.Signal(WatchHelpers.SigTerm);
            var (exit, _, stderr) = await first.WaitAsync(TimeSpan.FromSeconds(20));
            Assert.True(exit == 0, stderr);
            firstErr = stderr;
        }

        Assert.Single(firstErr.Split('\n'), l => l.Contains(HeldLine, StringComparison.Ordinal));
        var held = Assert.Single(await ListAsync(fx));
        Assert.Equal(odd, held.GetProperty("path").GetString());
        Assert.Equal("watch", held.GetProperty("held_by").GetString());
        Assert.True(File.Exists(odd), "a held file stays where it is");

        // A restart offers the held file again with a new episode: the episode is filed, the held item is left as it was.
        fx.Write("Show.S01E03.mkv");
        using var second = CliProcess.Start(watch, fx.Root, environment);
        Assert.True(await WatchHelpers.EventuallyAsync(() => WatchHelpers.Videos(fx.Library).Count == 3 && jellyfin.Requests.Count == 3, TimeSpan.FromSeconds(20)), "the restart did not route the new episode");
        second.Signal(WatchHelpers.SigTerm);
        var (secondExit, _, secondErr) = await second.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.True(secondExit == 0, secondErr);
        Assert.DoesNotContain(HeldLine, secondErr, StringComparison.Ordinal);
        var still = Assert.Single(await ListAsync(fx));
        Assert.Equal(held.GetProperty("id").GetString(), still.GetProperty("id").GetString());
        Assert.Equal(3, jellyfin.Requests.Count);
        Assert.All(jellyfin.Requests, r => Assert.Equal("/Library/Media/Updated", r.Path));
    }

    private static async Task<JsonElement[]> ListAsync(RoutingFixture fx)
    {
        var list = await CliProcess.RunAsync(["review", "--library", fx.Library, "-f", "json"], fx.Root);
        Assert.True(list.Exit == 0, list.Stderr);
        return [.. JsonDocument.Parse(list.Stdout).RootElement.GetProperty("items").EnumerateArray()];
    }
}
