using Episodic.Tests.Routing;
using Xunit;

namespace Episodic.Tests.Automation;

/// <summary>
/// The real <c>episodic watch</c> as a second process over real folders: a growing file is left alone until it
/// settles, partial names never move, what arrived while it was stopped is picked up, and SIGTERM exits 0 with
/// every file either still in the downloads or whole in the library.
/// </summary>
public sealed class WatchCliTests
{

    /// <summary>One name per kind of partial marker in the table: none of these may ever reach the library.</summary>
    private static readonly string[] Partials =
    [
        "Show.S01E02.mkv.part", "Show.S01E03.mkv.!qB", "Show.S01E04.mkv.crdownload", "Show.S01E05.mkv.tmp",
        Path.Join("_UNPACK_Show.S01E06", "Show.S01E06.mkv"), Path.Join("_FAILED_Show.S01E07", "Show.S01E07.mkv"),
    ];

    [Fact]
    public async Task A_growing_file_waits_until_it_settles_partials_never_move_and_SIGTERM_exits_0()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "SIGTERM is a POSIX signal.");
        using var fx = new RoutingFixture();
        foreach (var partial in Partials)
        {
            fx.Write(partial, "partial", fx.Downloads);
        }

        using var watcher = CliProcess.Start(["watch", fx.Downloads, "--library", fx.Library, "--settle", "1s"], fx.Root);
        var growing = Path.Join(fx.Downloads, "Show.S01E01.mkv");
        var destination = Path.Join(fx.Library, "Show", "Season 01", "Show - S01E01.mkv");

        // Appended every 300 ms for 3 s: never still for the settle time, so never routed while it grows.
        var lastWrite = DateTime.UtcNow;
        await using (var stream = new FileStream(growing, FileMode.CreateNew, FileAccess.Write, FileShare.ReadWrite))
        {
            for (var i = 0; i < 10; i++)
            {
                await stream.WriteAsync(new byte[4096], TestContext.Current.CancellationToken);
                await stream.FlushAsync(TestContext.Current.CancellationToken);
                lastWrite = DateTime.UtcNow;
                await Task.Delay(300, TestContext.Current.CancellationToken);
                Assert.False(File.Exists(destination), $"routed while still being written (after {i + 1} appends)");
                Assert.True(File.Exists(growing));
            }
        }

        Assert.True(await WatchHelpers.EventuallyAsync(() => File.Exists(destination), TimeSpan.FromSeconds(5)), "not routed within 5 s of its last write");
        Assert.Equal(40960, new FileInfo(destination).Length);
        Assert.False(File.Exists(growing));
        Assert.True(DateTime.UtcNow - lastWrite >= TimeSpan.FromSeconds(1), "routed before the settle time had passed since the last write");

        // A rescan-free second of quiet more: the partials are still where the clients left them.
        await Task.Delay(1500, TestContext.Current.CancellationToken);
        foreach (var partial in Partials)
        {
            Assert.True(File.Exists(Path.Join(fx.Downloads, partial)), $"{partial} was moved");
        }

        Assert.Equal(["Show - S01E01.mkv"], WatchHelpers.Videos(fx.Library).Select(Path.GetFileName));
        watcher.Signal(WatchHelpers.SigTerm);
        var (exit, _, stderr) = await watcher.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(0, exit);
        Assert.Single(stderr.Split('\n'), l => l.Contains("moved '", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Files_dropped_while_stopped_are_routed_on_restart_and_a_SIGTERM_mid_batch_leaves_nothing_half_moved()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "SIGTERM is a POSIX signal.");
        using var fx = new RoutingFixture();
        var chunk = new byte[1 << 20];
        for (var e = 1; e <= 12; e++)
        {
            Random.Shared.NextBytes(chunk);
            Directory.CreateDirectory(fx.Downloads);
            await File.WriteAllBytesAsync(Path.Join(fx.Downloads, $"Show.S02E{e:00}.mkv"), chunk, TestContext.Current.CancellationToken);
        }

        File.SetLastWriteTimeUtc(Path.Join(fx.Downloads, "Show.S02E01.mkv"), DateTime.UtcNow.AddMinutes(-5));
        var before = fx.Snapshot(fx.Downloads).Values.Order(StringComparer.Ordinal).ToList();

        // Copies are slow enough to be caught mid-batch; SIGTERM goes once the first file is in the library.
        using (var first = CliProcess.Start(["watch", fx.Downloads, "--library", fx.Library, "--settle", "500ms", "--mode", "copy", "--create-library"], fx.Root))
        {
            Assert.True(await WatchHelpers.EventuallyAsync(() => WatchHelpers.Videos(fx.Library).Count > 0, TimeSpan.FromSeconds(15)), "nothing routed from the initial scan");
            first.Signal(WatchHelpers.SigTerm);
            var (exit, _, stderr) = await first.WaitAsync(TimeSpan.FromSeconds(20));
            Assert.True(exit == 0, stderr);
        }

        // Nothing half-done: every library file is whole (one of the originals), no temporary file is left.
        var routed = WatchHelpers.Videos(fx.Library);
        Assert.All(routed, f => Assert.Contains(RoutingFixture.Fingerprint(f), before));
        Assert.DoesNotContain(Directory.EnumerateFiles(fx.Library, "*", SearchOption.AllDirectories), f => !f.Contains(".episodic", StringComparison.Ordinal) && !f.EndsWith(".mkv", StringComparison.Ordinal));

        // Stopped: a new download arrives; the restart routes it and everything the first run did not reach.
        await File.WriteAllTextAsync(Path.Join(fx.Downloads, "Show.S02E13.mkv"), "late", TestContext.Current.CancellationToken);
        using var second = CliProcess.Start(["watch", fx.Downloads, "--library", fx.Library, "--settle", "500ms", "--mode", "copy"], fx.Root);
        Assert.True(await WatchHelpers.EventuallyAsync(() => WatchHelpers.Videos(fx.Library).Count == 13, TimeSpan.FromSeconds(20)), $"only {WatchHelpers.Videos(fx.Library).Count} of 13 routed after the restart");
        second.Signal(WatchHelpers.SigTerm);
        var (secondExit, _, secondErr) = await second.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.True(secondExit == 0, secondErr);
        Assert.Equal(before.Append(RoutingFixture.Fingerprint(Path.Join(fx.Downloads, "Show.S02E13.mkv"))).Order(StringComparer.Ordinal), WatchHelpers.Videos(fx.Library).Select(RoutingFixture.Fingerprint).Order(StringComparer.Ordinal));
    }
}
