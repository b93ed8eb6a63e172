using Episodic.Automation.History;
using Episodic.Automation.Review;
using Episodic.Core.Metadata;
using Episodic.Routing.Apply;
using Episodic.Routing.Journal;
using Episodic.Routing.Planning;
using Episodic.Tests.Fakes;
using Episodic.Tests.Metadata;
using Episodic.Tests.Routing;
using Xunit;

namespace Episodic.Tests.Automation;

/// <summary>Accept and skip on real files: the journaled path route takes, the person's overrides, conflicts, gone files, metadata candidates.</summary>
public sealed class ReviewDeskTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Accepting_a_low_confidence_name_files_it_through_a_journal_that_undo_reverses()
    {
        using var fx = new RoutingFixture();
        var source = fx.Write("Some.Show.S01E02.720p.mkv");
        var plan = await fx.PlanAsync(fx.Options with { MinConfidence = 0.999 });
        Assert.Equal(HoldReason.LowConfidence, plan.Items[0].Hold!.Reason);
        Hold(fx, plan);
        var desk = Desk(fx.Options);
        var item = Assert.Single(desk.List());

        var outcome = await desk.AcceptAsync(item.Id, null, Ct);

        Assert.Equal(AcceptStatus.Filed, outcome.Status);
        var expected = Path.Join(fx.Library, "Some Show", "Season 01", "Some Show - S01E02.mkv");
        Assert.Equal(expected, outcome.Destination);
        Assert.True(File.Exists(expected));
        Assert.False(File.Exists(source));
        Assert.Empty(desk.List());
        Assert.StartsWith(Path.Join(fx.Library, ".episodic", "journal-"), outcome.Journal, StringComparison.Ordinal);

        var run = RunHistory.Last(fx.Library)!;
        Assert.Equal(outcome.Journal, run.Journal);
        Assert.Equal($"review accept {item.Id}", run.Command);
        Assert.Equal(1, run.Moved);
        RunHistory.Undo(run.Journal, TimeSpan.Zero, cancellationToken: Ct);
        Assert.True(File.Exists(source));
        Assert.False(File.Exists(expected));
        Assert.Equal(RunState.Undone, RunHistory.List(fx.Library)[0].State);
    }

    [Fact]
    public async Task Accepting_with_a_show_season_and_episode_files_it_by_the_persons_reading()
    {
        using var fx = new RoutingFixture();
        var source = fx.Write("Release Folder/episode five 720p.mkv");
        fx.Write("Release Folder/episode five 720p.en.srt", "subtitle");
        var plan = await fx.PlanAsync();
        Assert.NotNull(plan.Items[0].Hold);
        Hold(fx, plan);
        var desk = Desk(fx.Options);

        var outcome = await desk.AcceptAsync(desk.List()[0].Id, new ReviewOverrides { Show = "Other Show (2010)", Season = 2, Episodes = [5] }, Ct);

        Assert.Equal(AcceptStatus.Filed, outcome.Status);
        var folder = Path.Join(fx.Library, "Other Show (2010)", "Season 02");
        Assert.Equal(Path.Join(folder, "Other Show (2010) - S02E05.mkv"), outcome.Destination);
        Assert.Equal("subtitle", File.ReadAllText(Path.Join(folder, "Other Show (2010) - S02E05.en.srt")));
        Assert.False(File.Exists(source));
    }

    [Fact]
    public async Task A_conflict_is_held_and_accepting_it_files_it_beside_the_other_file_never_over_it()
    {
        using var fx = new RoutingFixture();
        var existing = fx.Write("Some Show/Season 01/Some Show - S01E02.mkv", "the library's own copy", fx.Library);
        var source = fx.Write("Some.Show.S01E02.mkv", "a different download");
        var plan = await fx.PlanAsync();
        var summary = fx.Apply(plan);
        var conflict = Assert.Single(summary.Held);
        Assert.Equal(HoldReason.Conflict, conflict.Hold.Reason);
        Hold(fx, plan, summary);
        var desk = Desk(fx.Options);
        var item = Assert.Single(desk.List());
        Assert.Equal(existing, item.Destination);

        var outcome = await desk.AcceptAsync(item.Id, null, Ct);

        Assert.Equal(AcceptStatus.Filed, outcome.Status);
        Assert.Equal(Path.Join(fx.Library, "Some Show", "Season 01", "Some Show - S01E02 (2).mkv"), outcome.Destination);
        Assert.Equal("the library's own copy", File.ReadAllText(existing));
        Assert.Equal("a different download", File.ReadAllText(outcome.Destination!));
        Assert.False(File.Exists(source));
    }

    [Fact]
    public async Task A_gone_file_leaves_the_queue_and_skip_keeps_the_file_where_it_is()
    {
        using var fx = new RoutingFixture();
        var gone = fx.Write("Gone Folder/gone file.mkv");
        var kept = fx.Write("Kept Folder/kept file.mkv");
        Hold(fx, await fx.PlanAsync());
        var desk = Desk(fx.Options);
        var items = desk.List();
        Assert.Equal(2, items.Count);
        File.Delete(gone);

        var accepted = await desk.AcceptAsync(items.Single(i => i.Path == gone).Id, null, Ct);
        Assert.Equal(AcceptStatus.NotFound, accepted.Status);
        Assert.True(desk.Skip(items.Single(i => i.Path == kept).Id));

        Assert.Empty(desk.List());
        Assert.True(File.Exists(kept));
        Assert.Equal(AcceptStatus.NotFound, (await desk.AcceptAsync("nope00", null, Ct)).Status);
        Assert.Equal(AcceptStatus.Refused, (await desk.AcceptAsync(items[0].Id, new ReviewOverrides { Show = " " }, Ct)).Status);
    }

    [Fact]
    public async Task An_ambiguous_show_is_held_with_its_candidates_and_accepting_a_candidate_id_files_it_under_that_show()
    {
        using var fx = new RoutingFixture();
        using var server = new FakeTvmazeServer(MetadataFixture.Shows());
        using var cache = new TempCache();
        using var host = MetadataFixture.Host(server, cache.Path);
        var routing = fx.Options with { Identifier = host.Identifier };
        fx.Write("The.Office.S01E02.720p.mkv");
        var plan = await fx.PlanAsync(routing);
        Assert.Equal(HoldReason.ShowAmbiguous, plan.Items[0].Hold!.Reason);
        Hold(fx, plan);
        var desk = Desk(routing);
        var item = Assert.Single(desk.List());
        Assert.Equal(IdentifyStatus.Ambiguous, item.MetadataStatus);
        Assert.Contains(item.Candidates, c => c.Id.ToString() == "tvmaze:1795" && c.Year == 2001);
        Assert.Contains(item.Candidates, c => c.Id.ToString() == "tvmaze:526" && c.Year == 2005);

        var refused = await desk.AcceptAsync(item.Id, new ReviewOverrides { ShowId = new ShowId(MetadataProvider.Tmdb, 2316) }, Ct);
        Assert.Equal(AcceptStatus.Refused, refused.Status);
        Assert.Contains("tmdb is not configured", refused.Message, StringComparison.Ordinal);
        Assert.Single(desk.List());

        var outcome = await desk.AcceptAsync(item.Id, new ReviewOverrides { ShowId = new ShowId(MetadataProvider.Tvmaze, 1795) }, Ct);

        Assert.Equal(AcceptStatus.Filed, outcome.Status);
        Assert.StartsWith(Path.Join(fx.Library, "The Office (2001)", "Season 01", "The Office (2001) - S01E02"), outcome.Destination, StringComparison.Ordinal);
    }

    internal static IReadOnlyList<ReviewItem> Hold(RoutingFixture fx, RoutePlan plan, global::Episodic.Routing.Reporting.RouteSummary? summary = null)
    {
        using var store = ReviewStore.Open(fx.Library);
        return HeldFiles.Record(store, plan, summary, new HoldContext("test", RouteMode.Move));
    }

    /// <summary>Holds "episode five 720p.mkv" (no show, no numbers) as route --apply --hold would, and returns its path.</summary>
    internal static async Task<string> HoldUnnamedAsync(RoutingFixture fx)
    {
        var source = fx.Write("Release Folder/episode five 720p.mkv", "five");
        var plan = await fx.PlanAsync();
        Assert.NotNull(plan.Items[0].Hold);
        Hold(fx, plan);
        return source;
    }

    internal static ReviewDesk Desk(RoutingOptions routing) => new(new ReviewDeskOptions { Libraries = [routing], LockWait = TimeSpan.FromSeconds(30) });
}
