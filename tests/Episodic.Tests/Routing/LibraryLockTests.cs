using System.Diagnostics;
using Episodic.Routing.Library;
using Xunit;

namespace Episodic.Tests.Routing;

/// <summary>One writer per library, checked with a real second process (the built CLI).</summary>
public sealed class LibraryLockTests
{
    [Fact]
    public async Task A_second_process_refuses_at_once_naming_the_holder_then_waits_with_wait()
    {
        using var fx = new RoutingFixture();
        fx.Write("Show.S01E01.mkv");
        var before = fx.Snapshot();

        var held = LibraryLock.Acquire([fx.Library], TimeSpan.Zero, "test", TestContext.Current.CancellationToken);
        var clock = Stopwatch.StartNew();
        var refused = await RunCli(["route", fx.Downloads, "--library", fx.Library, "--apply"], fx.Root);
        var refusedAfter = clock.Elapsed;

        Assert.True(refused.Exit == 7, $"exit {refused.Exit}, expected 7 (library busy): {refused.Stderr}");
        Assert.Contains($"pid {Environment.ProcessId} since", refused.Stderr, StringComparison.Ordinal);
        Assert.Contains("--wait", refused.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, fx.Snapshot());
        Assert.True(refusedAfter < TimeSpan.FromSeconds(20), $"refused after {refusedAfter}");

        var waiting = RunCli(["route", fx.Downloads, "--library", fx.Library, "--apply", "--wait", "30s"], fx.Root);
        await Task.Delay(1500, TestContext.Current.CancellationToken);
        Assert.False(waiting.IsCompleted, "the waiting run must not proceed while the lock is held");
        held.Dispose();
        var waited = await waiting;

        Assert.True(waited.Exit == 0, $"exit {waited.Exit}: {waited.Stderr}");
        Assert.Empty(Directory.GetFiles(fx.Downloads));
    }

    [Fact]
    public void The_lock_excludes_a_second_holder_and_is_free_again_after_release()
    {
        using var fx = new RoutingFixture();
        using (LibraryLock.Acquire([fx.Library], TimeSpan.Zero, "first", TestContext.Current.CancellationToken))
        {
            var busy = Assert.Throws<LibraryBusyException>(() => LibraryLock.Acquire([fx.Library], TimeSpan.FromMilliseconds(250), "second", TestContext.Current.CancellationToken));
            Assert.Contains("(first)", busy.Holder, StringComparison.Ordinal);
        }

        using var again = LibraryLock.Acquire([fx.Library], TimeSpan.Zero, "third", TestContext.Current.CancellationToken);
        Assert.Contains("(third)", File.ReadAllText(Path.Join(fx.Library, ".episodic", LibraryLock.HolderFileName)), StringComparison.Ordinal);
    }

    private static Task<(int Exit, string Stdout, string Stderr)> RunCli(string[] args, string workingDirectory) => CliProcess.RunAsync(args, workingDirectory);
}
