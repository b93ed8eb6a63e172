using Episodic.Routing.Apply;
using Episodic.Routing.Journal;
using Xunit;

namespace Episodic.Tests.Routing;

/// <summary>Never lose a file: crash part-way, resume from the journal, undo to a byte-identical tree.</summary>
public sealed class CrashResumeUndoTests
{
    private const int Files = 6;

    private static void WriteEpisodes(RoutingFixture fx)
    {
        for (var e = 1; e <= Files; e++)
        {
            fx.Write($"Show.S01E{e:00}.mkv");
        }

        fx.Write("Show.S01E01.en.srt");
        fx.Write("Show.S01E04.srt");
    }

    [Fact]
    public async Task Undo_restores_a_byte_identical_tree_and_removes_the_folders_it_made()
    {
        using var fx = new RoutingFixture();
        WriteEpisodes(fx);
        fx.Write("[Grp] Anime - 07 [ABCDEF12].mkv");
        fx.Folder("Keep Me");
        var before = fx.Snapshot();

        var summary = fx.Apply(await fx.PlanAsync());
        Assert.Equal(Files + 3, summary.Moved);
        Assert.NotEqual(before, fx.Snapshot());

        var undo = RouteUndo.Undo(fx.Journal, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(Files + 3, undo.Restored);
        Assert.Equal(0, undo.Failed);
        Assert.Equal(before, fx.Snapshot());
        Assert.Equal(["Keep Me"], Directory.GetDirectories(fx.Library).Select(Path.GetFileName));
        Assert.False(Directory.Exists(Path.Join(fx.Anime, "Anime")));

        var again = RouteUndo.Undo(fx.Journal, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(0, again.Restored + again.Failed);
        Assert.Equal(before, fx.Snapshot());
    }

    [Fact]
    public async Task Undo_of_copy_and_dedup_never_removes_the_only_copy()
    {
        using var fx = new RoutingFixture();
        fx.Write("Show.S01E01.mkv", "dup");
        fx.Write("Show/Season 01/Show - S01E01.mkv", "dup", fx.Library);
        fx.Write("Show.S01E02.mkv");
        var before = fx.Snapshot();

        fx.Apply(await fx.PlanAsync());
        var undo = RouteUndo.Undo(fx.Journal, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(2, undo.Restored);
        Assert.Equal(before, fx.Snapshot());

        using var copy = new RoutingFixture();
        var source = copy.Write("Show.S01E01.mkv", "copied");
        copy.Apply(await copy.PlanAsync(), new ApplyOptions { Mode = RouteMode.Copy });
        File.Delete(source);
        var kept = RouteUndo.Undo(copy.Journal, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Single(copy.Contents());
        Assert.Contains(kept.Problems, p => p.StartsWith("kept", StringComparison.Ordinal));
    }

    public static TheoryData<int, bool, bool> CrashPoints()
    {
        var data = new TheoryData<int, bool, bool>();
        foreach (var crossDevice in new[] { false, true })
        {
            // Cross-device moves take 3 primitives each (copy, rename, delete), so crash points land inside one.
            foreach (var n in crossDevice ? new[] { 0, 4, 5, 10 } : new[] { 0, 2, 5 })
            {
                data.Add(n, false, crossDevice);
                data.Add(n, true, crossDevice);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CrashPoints))]
    public async Task Crash_after_n_operations_then_resume_then_undo_loses_and_duplicates_nothing(int crashAt, bool afterOperation, bool crossDevice)
    {
        using var fx = new RoutingFixture();
        WriteEpisodes(fx);
        var before = fx.Snapshot();
        var contents = fx.Contents();

        var crashing = new CrashingOps(crashAt, afterOperation, crossDevice);
        var first = await fx.PlanAsync();
        await Assert.ThrowsAsync<SimulatedCrashException>(() => Task.Run(() => RouteExecutor.Apply(first, fx.Journal, new ApplyOptions { Ops = crashing }, cancellationToken: TestContext.Current.CancellationToken)));
        Assert.True(crashing.Crashed);
        AssertNothingLost(fx, contents);

        // Re-running the same route: a fresh plan of what is still in the downloads, the same journal.
        var resumed = RouteExecutor.Apply(await fx.PlanAsync(), fx.Journal, new ApplyOptions { Ops = new FileOps { ForceCrossDevice = crossDevice } }, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(0, resumed.Failed);
        Assert.Empty(Directory.GetFiles(fx.Downloads));
        Assert.Equal(Files + 2, Directory.GetFiles(fx.Library, "*", SearchOption.AllDirectories).Length);
        Assert.Equal(contents, fx.Contents());
        Assert.Empty(RouteJournal.Pending(RouteJournal.Read(fx.Journal)));

        var undo = RouteUndo.Undo(fx.Journal, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(0, undo.Failed);
        Assert.Equal(before, fx.Snapshot());
    }

    [Fact]
    public async Task Undo_straight_after_a_crash_restores_everything()
    {
        using var fx = new RoutingFixture();
        WriteEpisodes(fx);
        var before = fx.Snapshot();

        var crashing = new CrashingOps(4, afterOperation: true, crossDevice: true);
        await Assert.ThrowsAsync<SimulatedCrashException>(async () => RouteExecutor.Apply(await fx.PlanAsync(), fx.Journal, new ApplyOptions { Ops = crashing }, cancellationToken: TestContext.Current.CancellationToken));

        var undo = RouteUndo.Undo(fx.Journal, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(0, undo.Failed);
        Assert.Equal(before, fx.Snapshot());
    }

    [Fact]
    public async Task Interrupted_undo_can_be_rerun()
    {
        using var fx = new RoutingFixture();
        WriteEpisodes(fx);
        var before = fx.Snapshot();
        var contents = fx.Contents();
        fx.Apply(await fx.PlanAsync(), new ApplyOptions { Ops = new FileOps { ForceCrossDevice = true } });

        var crashing = new CrashingOps(4, afterOperation: true, crossDevice: true);
        Assert.Throws<SimulatedCrashException>(() => RouteUndo.Undo(fx.Journal, crashing, cancellationToken: TestContext.Current.CancellationToken));
        AssertNothingLost(fx, contents);

        var undo = RouteUndo.Undo(fx.Journal, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(0, undo.Failed);
        Assert.Equal(before, fx.Snapshot());
    }

    [Fact]
    public async Task Journal_with_a_torn_last_line_is_still_read()
    {
        using var fx = new RoutingFixture();
        fx.Write("Show.S01E01.mkv");
        fx.Apply(await fx.PlanAsync());
        File.AppendAllText(fx.Journal, "{\"type\":\"intent\",\"op\":\"mo");

        Assert.NotEmpty(RouteJournal.Read(fx.Journal));
        Assert.Equal(1, RouteUndo.Undo(fx.Journal, cancellationToken: TestContext.Current.CancellationToken).Restored);
    }

    /// <summary>Every original content is present exactly once, or (mid-copy) at worst twice as source and complete copy.</summary>
    private static void AssertNothingLost(RoutingFixture fx, List<string> contents)
    {
        var now = fx.Contents();
        Assert.Equal(contents, now.Distinct().Order(StringComparer.Ordinal).ToList());
        Assert.True(now.Count - contents.Count <= 1, "at most the one file in flight exists twice");
        Assert.DoesNotContain(Directory.GetFiles(fx.Root, "*", SearchOption.AllDirectories), f => f.EndsWith(".srt.mkv", StringComparison.Ordinal));
    }
}
