using Episodic.Automation.History;
using Episodic.Routing.Apply;
using Episodic.Routing.Journal;
using Episodic.Routing.Library;
using Episodic.Tests.Routing;
using Xunit;

namespace Episodic.Tests.Automation;

/// <summary>Run history read from real journals: newest first, the command, counts, states, and the newest run to undo.</summary>
public sealed class RunHistoryTests
{
    [Fact]
    public async Task Runs_are_listed_newest_first_with_command_counts_and_state()
    {
        using var fx = new RoutingFixture();
        var folder = LibraryLock.FolderOf(fx.Library);
        fx.Write("Alpha.S01E01.mkv");
        fx.Write("Alpha.S01E01.en.srt", "sub");
        var first = RouteExecutor.Apply(await fx.PlanAsync(), RouteJournal.NewPath(folder, DateTimeOffset.UtcNow), new ApplyOptions { Command = "route --apply" }, cancellationToken: TestContext.Current.CancellationToken);
        await Task.Delay(20, TestContext.Current.CancellationToken);
        fx.Write("Beta.S02E03.mkv");
        var second = RouteExecutor.Apply(await fx.PlanAsync(), RouteJournal.NewPath(folder, DateTimeOffset.UtcNow), new ApplyOptions { Command = "hook qbittorrent", Mode = RouteMode.Copy }, cancellationToken: TestContext.Current.CancellationToken);
        File.WriteAllText(Path.Join(folder, "journal-20200101-000000-000-abcdef.jsonl"), "{\"planted\":true}\n");

        var runs = RunHistory.List(fx.Library);

        Assert.Equal(3, runs.Count);
        Assert.Equal(second.JournalPath, runs[0].Journal);
        Assert.Equal("hook qbittorrent", runs[0].Command);
        Assert.Equal(1, runs[0].Copied);
        Assert.Equal(RunState.Complete, runs[0].State);
        Assert.Equal(first.JournalPath, runs[1].Journal);
        Assert.Equal(2, runs[1].Moved);
        Assert.Equal(2, runs[1].FoldersCreated);
        Assert.True(runs[1].Bytes > 0);
        Assert.Equal([fx.Downloads], runs[1].Sources);
        Assert.Equal(RunState.Unreadable, runs[2].State);
        Assert.NotNull(runs[2].Problem);

        Assert.Equal(second.JournalPath, RunHistory.Last(fx.Library)!.Journal);
        RunHistory.Undo(second.JournalPath!, TimeSpan.Zero, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(first.JournalPath, RunHistory.Last(fx.Library)!.Journal);
        Assert.Equal(RunState.Undone, RunHistory.List(fx.Library)[0].State);
    }

    [Fact]
    public void A_library_without_journals_has_no_history()
    {
        using var fx = new RoutingFixture();
        Assert.Empty(RunHistory.List(fx.Library));
        Assert.Null(RunHistory.Last(fx.Library));
        Assert.False(Directory.Exists(LibraryLock.FolderOf(fx.Library)));
    }
}
