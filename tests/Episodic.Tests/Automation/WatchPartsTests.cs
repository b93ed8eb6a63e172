using Episodic.Automation.Watch;
using Xunit;

namespace Episodic.Tests.Automation;

/// <summary>The watcher's parts on real files: the partial-name table, the settle clock and the /proc open-file check.</summary>
public sealed class WatchPartsTests
{
    [Theory]
    [InlineData("Show.S01E01.mkv.part", true)]
    [InlineData("Show.S01E01.mkv.!QB", true)]
    [InlineData("Show.S01E01.mkv.crdownload", true)]
    [InlineData("_UNPACK_Show.S01E01/Show.S01E01.mkv", true)]
    [InlineData("_FAILED_Show.S01E01/x/Show.S01E01.mkv", true)]
    [InlineData("Show.S01E01.mkv", false)]
    [InlineData("Show.Part.2.S01E01.mkv", false)]
    [InlineData("Release_UNPACK_/Show.S01E01.mkv", false)]
    public void Partial_names_are_those_of_the_table_only(string relative, bool partial)
    {
        var root = Path.Join(Path.GetTempPath(), "watch-root");
        Assert.Equal(partial, PartialNames.Match(Path.Join(root, relative.Replace('/', Path.DirectorySeparatorChar)), root) is not null);
    }

    [Fact]
    public void A_file_is_ready_once_still_for_the_settle_time_by_mtime_and_by_observation_and_is_not_handed_over_twice()
    {
        var dir = Directory.CreateTempSubdirectory("episodic-watch-");
        var path = Path.Join(dir.FullName, "Show.S01E01.mkv");
        File.WriteAllText(path, "a");
        var tracker = new SettleTracker(TimeSpan.FromSeconds(2));
        var t0 = DateTimeOffset.UtcNow;

        // Just written: its mtime says it has been still for under the settle time.
        tracker.Observe(path, t0);
        Assert.Empty(tracker.Ready(t0.AddSeconds(0.5)));

        // It grows, with an old mtime (as unrar and cp -p set it): seen different at t0+1, so ready only at t0+3.
        File.AppendAllText(path, "b");
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(-1));
        Assert.Empty(tracker.Ready(t0.AddSeconds(1)));
        Assert.Empty(tracker.Ready(t0.AddSeconds(2.5)));
        Assert.Equal([path], tracker.Ready(t0.AddSeconds(3.1)));

        // Handed over: the same stamp is not ready again; a changed file is.
        tracker.Handled(path);
        tracker.Observe(path, t0.AddSeconds(5));
        Assert.Empty(tracker.Ready(t0.AddSeconds(10)));
        File.AppendAllText(path, "c");
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(-1));
        tracker.Observe(path, t0.AddSeconds(11));
        Assert.Equal([path], tracker.Ready(t0.AddSeconds(11.1)));
        dir.Delete(recursive: true);
    }

    [Fact]
    public async Task A_file_another_process_holds_open_for_writing_is_seen_and_one_open_for_reading_is_not()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "/proc is Linux's.");
        var dir = Directory.CreateTempSubdirectory("episodic-watch-");
        var full = Path.Join(dir.FullName, "Show.S01E01.mkv");
        File.WriteAllText(full, "a");
        foreach (var (redirect, open) in new[] { (">>", true), ("<", false) })
        {
            using var holder = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("sh", ["-c", $"exec 3{redirect}\"$1\"; echo ok; exec sleep 30", "sh", full]) { RedirectStandardOutput = true })!;
            Assert.Equal("ok", await holder.StandardOutput.ReadLineAsync(TestContext.Current.CancellationToken));
            Assert.Equal(open, OpenForWriting.Among([full]).Contains(full));
            holder.Kill();
            await holder.WaitForExitAsync(TestContext.Current.CancellationToken);
        }

        dir.Delete(recursive: true);
    }
}
