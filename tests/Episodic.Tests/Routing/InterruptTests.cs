using System.Text.RegularExpressions;
using Episodic.Cli;
using Xunit;

namespace Episodic.Tests.Routing;

/// <summary>A real SIGINT to a real <c>episodic route --apply</c> process mid-run: it stops cleanly, says so, loses nothing.</summary>
public sealed partial class InterruptTests
{
    private const int Files = 60;

    /// <summary>SIGINT is Ctrl+C; SIGTERM is what service managers and `kill` send to an unattended run. Both stop it the same way.</summary>
    [Theory]
    [InlineData(2, "SIGINT")]
    [InlineData(15, "SIGTERM")]
    public async Task A_signal_mid_apply_finishes_the_file_in_hand_exits_130_and_the_journal_resumes_and_undoes(int signal, string name)
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "SIGINT and SIGTERM are POSIX signals.");
        Assert.SkipWhen(CliProcess.Ignores(signal), $"this test process ignores {name} (started in the background by a non-interactive shell), so its children inherit that and cannot receive it; the SIGTERM case covers the same stop path.");
        // A quiet machine can finish a small run before the signal lands; then the same run is tried with bigger files.
        foreach (var megabytes in new[] { 1, 4 })
        {
            using var fx = new RoutingFixture();
            var (interrupted, downloads) = await InterruptRunAsync(fx, megabytes, signal);
            if (interrupted is null)
            {
                continue;
            }

            AssertInterruptedSafely(fx, interrupted.Value, downloads);
            await AssertResumesAndUndoesAsync(fx, interrupted.Value.Stderr, downloads);
            return;
        }

        Assert.Fail($"every run finished before {name} could reach it, even with 4 MB files");
    }

    /// <summary>Starts a copy run and interrupts it once a copy is journaled done; null when it ended first.</summary>
    private static async Task<((int Exit, string Stdout, string Stderr)? Run, Dictionary<string, string> Downloads)> InterruptRunAsync(RoutingFixture fx, int megabytes, int signal)
    {
        var chunk = new byte[megabytes << 20];
        for (var i = 1; i <= Files; i++)
        {
            Random.Shared.NextBytes(chunk);
            var path = Path.Join(fx.Downloads, $"Show.S{((i - 1) / 30) + 1:00}E{((i - 1) % 30) + 1:00}.mkv");
            File.WriteAllBytes(path, chunk);
        }

        var downloads = fx.Snapshot(fx.Downloads);
        var journals = Path.Join(fx.Library, ".episodic");

        // Copies (each flushed to disk) are slow enough to be caught mid-run; the signal goes once a copy is journaled done.
        using var child = CliProcess.Start(["route", fx.Downloads, "--library", fx.Library, "--mode", "copy", "--apply"], fx.Root);
        while (!child.HasExited && !(Directory.Exists(journals) && Directory.EnumerateFiles(journals, "journal-*.jsonl").Any(j => ReadShared(j).Contains("\"type\":\"done\",\"op\":\"copy\"", StringComparison.Ordinal))))
        {
            await Task.Delay(2, TestContext.Current.CancellationToken);
        }

        if (child.HasExited)
        {
            var early = await child.WaitAsync();
            Assert.True(early.Exit == 0, $"the run failed before it could be interrupted (exit {early.Exit}): {early.Stderr}");
            return (null, downloads);
        }

        child.Signal(signal);
        var interrupted = await child.WaitAsync();
        var said = InterruptedLine().Match(interrupted.Stderr);
        if ((interrupted.Exit == 0 && !said.Success) || (said.Success && said.Groups["done"].Value == Files.ToString(System.Globalization.CultureInfo.InvariantCulture)))
        {
            // The last copy was done before the signal arrived: nothing was left to interrupt.
            return (null, downloads);
        }

        return (interrupted, downloads);
    }

    private static void AssertInterruptedSafely(RoutingFixture fx, (int Exit, string Stdout, string Stderr) interrupted, Dictionary<string, string> downloads)
    {
        Assert.True(interrupted.Exit == ExitCodes.Interrupted, $"exit {interrupted.Exit}: {interrupted.Stderr}");
        var said = InterruptedLine().Match(interrupted.Stderr);
        Assert.True(said.Success, interrupted.Stderr);
        var done = int.Parse(said.Groups["done"].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(Files, int.Parse(said.Groups["total"].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.InRange(done, 1, Files - 1);
        var firstJournal = said.Groups["journal"].Value.Trim();
        Assert.True(File.Exists(firstJournal), firstJournal);

        // Nothing lost or half-written: the sources are untouched, every copy made is whole, no temp file is left.
        Assert.Equal(downloads, fx.Snapshot(fx.Downloads));
        var copies = fx.Snapshot(fx.Library);
        Assert.Equal(done, copies.Count);
        Assert.Equal(done, copies.Values.Distinct(StringComparer.Ordinal).Count());
        Assert.All(copies.Values, c => Assert.Contains(c, downloads.Values));
    }

    private static async Task AssertResumesAndUndoesAsync(RoutingFixture fx, string interruptedStderr, Dictionary<string, string> downloads)
    {
        var firstJournal = InterruptedLine().Match(interruptedStderr).Groups["journal"].Value.Trim();

        // Re-run: the rest is copied.
        var resumed = await CliProcess.RunAsync(["route", fx.Downloads, "--library", fx.Library, "--mode", "copy", "--apply"], fx.Root);
        Assert.True(resumed.Exit == 0, resumed.Stderr);
        Assert.Equal(Files, fx.Snapshot(fx.Library).Count);
        var secondJournal = JournalLine().Match(resumed.Stderr).Groups["journal"].Value.Trim();

        // Both runs undo back to an empty library.
        foreach (var journal in new[] { secondJournal, firstJournal })
        {
            var undone = await CliProcess.RunAsync(["undo", journal], fx.Root);
            Assert.True(undone.Exit == 0, $"undo {journal}: {undone.Stderr}");
        }

        Assert.Empty(fx.Snapshot(fx.Library));
        Assert.Equal(downloads, fx.Snapshot(fx.Downloads));
    }

    private static string ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"interrupted: (?<done>\d+) of (?<total>\d+) done; re-run to resume, or episodic undo (?<journal>\S+)")]
    private static partial Regex InterruptedLine();

    [GeneratedRegex(@"journal: (?<journal>\S+)")]
    private static partial Regex JournalLine();
}
