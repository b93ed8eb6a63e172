using Episodic.Automation.Review;
using Episodic.Core.Metadata;
using Episodic.Core.Parsing;
using Episodic.Routing.Apply;
using Episodic.Routing.Journal;
using Episodic.Routing.Planning;
using Episodic.Tests.Routing;
using Xunit;

namespace Episodic.Tests.Automation;

/// <summary>The review queue's SQLite store on real files: round trip, one row per path, gone files, skips and signed rows.</summary>
public sealed class ReviewStoreTests
{
    [Fact]
    public void A_held_item_reads_back_with_every_field_and_a_short_id()
    {
        using var fx = new RoutingFixture();
        var item = Item(fx, fx.Write("Some.Show.S01E02.mkv")) with
        {
            MetadataStatus = IdentifyStatus.Ambiguous,
            ProposedShow = new ReviewShow(new ShowId(MetadataProvider.Tvmaze, 526), "The Office", 2005),
            Candidates = [new ReviewShow(new ShowId(MetadataProvider.Tvmaze, 526), "The Office", 2005), new ReviewShow(new ShowId(MetadataProvider.Tvmaze, 1795), "The Office", 2001)],
            Mode = RouteMode.Hardlink,
            Reason = HoldReason.ShowAmbiguous,
        };
        using var store = ReviewStore.Open(fx.Library);
        var held = store.Hold(item)!;

        Assert.Matches("^[2-9a-z]{6}$", held.Id);
        var listed = Assert.Single(store.List());
        Assert.Equal(held.Id, listed.Id);
        Assert.Equal(item.Path, listed.Path);
        Assert.Equal(HoldReason.ShowAmbiguous, listed.Reason);
        Assert.Equal(item.Detail, listed.Detail);
        Assert.Equal(item.Proposal.ShowName, listed.Proposal.ShowName);
        Assert.Equal(item.Proposal.Episodes, listed.Proposal.Episodes);
        Assert.Equal(IdentifyStatus.Ambiguous, listed.MetadataStatus);
        Assert.Equal("tvmaze:526", listed.ProposedShow!.Id.ToString());
        Assert.Equal(["tvmaze:526", "tvmaze:1795"], listed.Candidates.Select(c => c.Id.ToString()));
        Assert.Equal(2001, listed.Candidates[1].Year);
        Assert.Equal(RouteMode.Hardlink, listed.Mode);
        Assert.Equal(item.Size, listed.Size);
        Assert.Equal(item.Modified.ToUnixTimeMilliseconds(), listed.Modified.ToUnixTimeMilliseconds());
        Assert.Equal(held.Path, store.Find(held.Id.ToUpperInvariant())!.Path);
        Assert.True(File.Exists(Path.Join(fx.Library, ".episodic", ReviewStore.FileName)));
    }

    [Fact]
    public void Holding_the_same_file_again_keeps_its_id_and_takes_the_new_reason()
    {
        using var fx = new RoutingFixture();
        var path = fx.Write("Some.Show.S01E02.mkv");
        using var store = ReviewStore.Open(fx.Library);
        var first = store.Hold(Item(fx, path))!;
        var second = store.Hold(Item(fx, path) with { Reason = HoldReason.Conflict, Detail = "a different file is already there", Destination = Path.Join(fx.Library, "x.mkv") })!;

        Assert.Equal(first.Id, second.Id);
        var listed = Assert.Single(store.List());
        Assert.Equal(HoldReason.Conflict, listed.Reason);
        Assert.Equal(Path.Join(fx.Library, "x.mkv"), listed.Destination);
        Assert.Equal(first.HeldAt.ToUnixTimeMilliseconds(), listed.HeldAt.ToUnixTimeMilliseconds());
    }

    [Fact]
    public void A_held_file_that_is_gone_leaves_the_queue_by_itself()
    {
        using var fx = new RoutingFixture();
        var kept = fx.Write("Kept.Show.S01E01.mkv");
        var gone = fx.Write("Gone.Show.S01E01.mkv");
        using var store = ReviewStore.Open(fx.Library);
        store.Hold(Item(fx, kept));
        var goneItem = store.Hold(Item(fx, gone))!;
        File.Delete(gone);

        Assert.Equal([kept], store.List().Select(i => i.Path));
        Assert.Null(store.Find(goneItem.Id));

        // Recreated at the same path, it is a new file for the next run to judge, not the old row.
        fx.Write("Gone.Show.S01E01.mkv");
        Assert.Single(store.List());
    }

    [Fact]
    public void A_skipped_file_is_not_listed_nor_held_again_until_it_changes()
    {
        using var fx = new RoutingFixture();
        var path = fx.Write("Some.Show.S01E02.mkv");
        using var store = ReviewStore.Open(fx.Library);
        var held = store.Hold(Item(fx, path))!;

        Assert.True(store.Skip(held.Id));
        Assert.False(store.Skip(held.Id));
        Assert.Empty(store.List());
        Assert.True(store.IsSkipped(path, new FileInfo(path).Length, new FileInfo(path).LastWriteTimeUtc));
        Assert.Null(store.Hold(Item(fx, path)));
        Assert.Empty(store.List());

        File.AppendAllText(path, "more bytes: a new download under the same name");
        var again = store.Hold(Item(fx, path));
        Assert.NotNull(again);
        Assert.Equal(held.Id, again.Id);
        Assert.Single(store.List());
    }

    [Fact]
    public void A_row_not_signed_with_the_users_key_is_never_listed_or_found()
    {
        using var fx = new RoutingFixture();
        var planted = fx.Write("Planted.Show.S01E01.mkv");
        string id;
        using (var attacker = ReviewStore.Open(fx.Library, JournalKey.FromBytes(new byte[32])))
        {
            id = attacker.Hold(Item(fx, planted))!.Id;
        }

        using var store = ReviewStore.Open(fx.Library);
        Assert.Empty(store.List());
        Assert.Null(store.Find(id));
        Assert.Equal([planted], store.Untrusted);
    }

    [Fact]
    public void A_symlink_in_place_of_the_queue_file_is_refused()
    {
        using var fx = new RoutingFixture();
        var target = fx.Write("elsewhere.db", "not a queue");
        Directory.CreateDirectory(Path.Join(fx.Library, ".episodic"));
        File.CreateSymbolicLink(ReviewStore.PathOf(fx.Library), target);

        var ex = Assert.Throws<IOException>(() => ReviewStore.Open(fx.Library));
        Assert.Contains("symbolic link", ex.Message, StringComparison.Ordinal);
        Assert.Equal("not a queue", File.ReadAllText(target));
    }

    internal static ReviewItem Item(RoutingFixture fx, string path)
    {
        var info = new FileInfo(path);
        return new ReviewItem
        {
            Path = path,
            Library = fx.Library,
            SourceRoot = fx.Downloads,
            Size = info.Length,
            Modified = info.LastWriteTimeUtc,
            Reason = HoldReason.LowConfidence,
            Detail = "confidence 0.50 is below the floor 0.70",
            Proposal = RuleParser.Default.Parse(Path.GetFileName(path)),
            HeldBy = "test",
        };
    }
}
