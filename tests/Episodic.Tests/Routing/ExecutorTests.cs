using Episodic.Routing.Apply;
using Episodic.Routing.Journal;
using Xunit;

namespace Episodic.Tests.Routing;

/// <summary>Applying plans on real files: moves, sidecars, collisions, CRC checks, modes and the journal.</summary>
public sealed class ExecutorTests
{
    [Fact]
    public async Task Moves_files_with_their_sidecars_and_journals_each_operation()
    {
        using var fx = new RoutingFixture();
        fx.Write("Show.S01E01.mkv");
        fx.Write("Show.S01E01.en.srt");
        fx.Write("Show.S01E01.nfo");
        fx.Write("junk.mkv");

        var summary = fx.Apply(await fx.PlanAsync());

        var season = Path.Join(fx.Library, "Show", "Season 01");
        Assert.True(File.Exists(Path.Join(season, "Show - S01E01.mkv")));
        Assert.True(File.Exists(Path.Join(season, "Show - S01E01.en.srt")));
        Assert.True(File.Exists(Path.Join(season, "Show - S01E01.nfo-orig")));
        Assert.Equal(["junk.mkv"], Directory.GetFiles(fx.Downloads).Select(Path.GetFileName));
        Assert.Equal(3, summary.Moved);
        Assert.Equal(1, summary.Skipped);
        Assert.True(summary.Bytes > 0);

        var journal = RouteJournal.Read(fx.Journal);
        var intents = journal.Where(e => e.Type == JournalRecordKind.Intent && e.Op != JournalOp.Mkdir).ToList();
        Assert.Equal(3, intents.Count);
        Assert.Equal(2, journal.Count(e => e.Type == JournalRecordKind.Intent && e.Op == JournalOp.Mkdir));
        Assert.All(intents, i => Assert.Contains(journal, d => d.Type == JournalRecordKind.Done && d.Id == i.Id));
        Assert.All(intents, i => Assert.True(i.Size > 0));
        Assert.Empty(RouteJournal.Pending(journal));
    }

    [Fact]
    public async Task Identical_content_at_the_destination_keeps_one_copy()
    {
        using var fx = new RoutingFixture();
        fx.Write("Show.S01E01.mkv", "same bytes");
        var existing = fx.Write("Show/Season 01/Show - S01E01.mkv", "same bytes", fx.Library);

        var summary = fx.Apply(await fx.PlanAsync());

        Assert.Equal(1, summary.AlreadyDone);
        Assert.Equal(0, summary.Conflicts);
        Assert.Empty(Directory.GetFiles(fx.Downloads));
        Assert.Equal("same bytes", File.ReadAllText(existing));
        Assert.Single(fx.Contents());
    }

    [Fact]
    public async Task Identical_content_in_copy_mode_leaves_the_source()
    {
        using var fx = new RoutingFixture();
        fx.Write("Show.S01E01.mkv", "same bytes");
        fx.Write("Show/Season 01/Show - S01E01.mkv", "same bytes", fx.Library);

        var summary = fx.Apply(await fx.PlanAsync(), new ApplyOptions { Mode = RouteMode.Copy });

        Assert.Equal(1, summary.AlreadyDone);
        Assert.Equal(2, fx.Contents().Count);
    }

    [Fact]
    public async Task Different_content_is_never_overwritten_and_skipped_by_default()
    {
        using var fx = new RoutingFixture();
        var source = fx.Write("Show.S01E01.mkv", "new release");
        fx.Write("Show.S01E01.srt", "subs");
        var existing = fx.Write("Show/Season 01/Show - S01E01.mkv", "old release", fx.Library);

        var summary = fx.Apply(await fx.PlanAsync());

        Assert.Equal(1, summary.Conflicts);
        Assert.Equal("old release", File.ReadAllText(existing));
        Assert.Equal("new release", File.ReadAllText(source));
        Assert.True(File.Exists(Path.Join(fx.Downloads, "Show.S01E01.srt")), "the sidecar stays with its video");
        Assert.Contains(summary.Problems, p => p.StartsWith("conflict:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Suffix_mode_files_beside_the_existing_one_with_its_sidecars()
    {
        using var fx = new RoutingFixture();
        fx.Write("Show.S01E01.mkv", "new release");
        fx.Write("Show.S01E01.en.srt", "subs");
        var existing = fx.Write("Show/Season 01/Show - S01E01.mkv", "old release", fx.Library);

        var summary = fx.Apply(await fx.PlanAsync(), new ApplyOptions { OnConflict = OnConflict.Suffix });

        var season = Path.GetDirectoryName(existing)!;
        Assert.Equal(1, summary.Conflicts);
        Assert.Equal("old release", File.ReadAllText(existing));
        Assert.Equal("new release", File.ReadAllText(Path.Join(season, "Show - S01E01 (2).mkv")));
        Assert.Equal("subs", File.ReadAllText(Path.Join(season, "Show - S01E01 (2).en.srt")));
        Assert.Empty(Directory.GetFiles(fx.Downloads));
    }

    [Fact]
    public async Task Two_sources_for_one_destination_never_overwrite_each_other()
    {
        using var fx = new RoutingFixture();
        fx.Write("a/Show.S01E01.mkv", "release A");
        fx.Write("b/Show.S01E01.mkv", "release B");

        var summary = fx.Apply(await fx.PlanAsync());

        Assert.Equal(1, summary.Moved);
        Assert.Equal(1, summary.Conflicts);
        Assert.Equal(["release A", "release B"], fx.Contents());
    }

    [Fact]
    public async Task Crc_match_is_verified_and_mismatch_is_not_moved()
    {
        using var fx = new RoutingFixture();
        const string good = "good anime bytes";
        var goodName = $"[Grp] Good Show - 01 [{RoutingFixture.CrcTag(good)}].mkv";
        fx.Write(goodName, good);
        var bad = fx.Write("[Grp] Bad Show - 01 [DEADBEEF].mkv", "corrupted download");

        var summary = fx.Apply(await fx.PlanAsync(), new ApplyOptions { VerifyCrc = true });

        Assert.Equal(1, summary.Verified);
        Assert.Equal(1, summary.CrcMismatches);
        Assert.Equal(1, summary.Moved);
        Assert.True(File.Exists(Path.Join(fx.Anime, "Good Show", "Good Show - Episode 001.mkv")));
        Assert.True(File.Exists(bad));
        Assert.Contains(summary.Problems, p => p.Contains("DEADBEEF", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Copy_mode_leaves_sources_and_hardlink_mode_links()
    {
        using var fx = new RoutingFixture();
        var source = fx.Write("Show.S01E01.mkv");

        var copied = fx.Apply(await fx.PlanAsync(), new ApplyOptions { Mode = RouteMode.Copy });
        Assert.Equal(1, copied.Copied);
        Assert.True(File.Exists(source));

        using var fx2 = new RoutingFixture();
        var source2 = fx2.Write("Show.S01E01.mkv", "linked");
        var linked = fx2.Apply(await fx2.PlanAsync(), new ApplyOptions { Mode = RouteMode.Hardlink });
        Assert.Equal(1, linked.Linked + linked.Copied);
        var destination = Path.Join(fx2.Library, "Show", "Season 01", "Show - S01E01.mkv");
        Assert.Equal("linked", File.ReadAllText(destination));
        if (linked.Linked == 1)
        {
            // A hard link is the same file: a write through one name shows through the other.
            File.AppendAllText(source2, "+");
            Assert.Equal("linked+", File.ReadAllText(destination));
        }
    }

    [Fact]
    public async Task A_failing_file_does_not_stop_the_others_and_keeps_its_source()
    {
        using var fx = new RoutingFixture();
        fx.Write("Alpha.S01E01.mkv");
        var failing = fx.Write("Beta.S01E01.mkv");
        fx.Write("Gamma.S01E01.mkv");

        var summary = RouteExecutor.Apply(await fx.PlanAsync(), fx.Journal, new ApplyOptions { Ops = new FailingOps("Beta") }, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(1, summary.Failed);
        Assert.Equal(2, summary.Moved);
        Assert.True(File.Exists(failing));
        Assert.Contains(RouteJournal.Read(fx.Journal), e => e.Type == JournalRecordKind.Failed);
    }

    [Fact]
    public void Cross_device_move_copies_verifies_renames_then_deletes()
    {
        using var fx = new RoutingFixture();
        var other = Directory.CreateTempSubdirectory("episodic-other-device-");
        try
        {
            const string content = "payload across devices";
            var source = fx.Write($"[G] X - 01 [{RoutingFixture.CrcTag(content)}].mkv", content);
            var destination = Path.Join(other.FullName, "X - 001.mkv");

            RouteExecutor.MoveAcrossDevices(source, destination);

            Assert.False(File.Exists(source));
            Assert.Equal(content, File.ReadAllText(destination));
            Assert.Equal(["X - 001.mkv"], Directory.GetFiles(other.FullName).Select(Path.GetFileName));
        }
        finally
        {
            other.Delete(recursive: true);
        }
    }

    [Fact]
    public void Cross_device_move_never_replaces_an_existing_destination_and_cleans_its_temp()
    {
        using var fx = new RoutingFixture();
        var source = fx.Write("a.mkv", "new");
        var destination = fx.Write("b.mkv", "old", fx.Library);

        Assert.ThrowsAny<IOException>(() => RouteExecutor.MoveAcrossDevices(source, destination));

        Assert.Equal("new", File.ReadAllText(source));
        Assert.Equal("old", File.ReadAllText(destination));
        Assert.Equal(["b.mkv"], Directory.GetFiles(fx.Library).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Forced_cross_device_route_applies_with_verification()
    {
        using var fx = new RoutingFixture();
        fx.Write("Show.S01E01.mkv");
        fx.Write("Show.S01E01.srt");
        var before = fx.Contents();

        var summary = fx.Apply(await fx.PlanAsync(), new ApplyOptions { Ops = new FileOps { ForceCrossDevice = true } });

        Assert.Equal(2, summary.Moved);
        Assert.Equal(before, fx.Contents());
        Assert.Empty(Directory.GetFiles(fx.Downloads));
        Assert.DoesNotContain(Directory.GetFiles(fx.Root, "*", SearchOption.AllDirectories), f => f.Contains(".episodic-tmp-", StringComparison.Ordinal));
    }
    [Fact]
    public async Task Hardlink_across_devices_falls_back_to_a_verified_copy_with_a_note()
    {
        using var fx = new RoutingFixture();
        var source = fx.Write("Show.S01E01.mkv", "seeding");

        var summary = RouteExecutor.Apply(await fx.PlanAsync(), fx.Journal, new ApplyOptions { Mode = RouteMode.Hardlink, Ops = new NoLinkOps() }, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(1, summary.Copied);
        Assert.Equal(0, summary.Linked);
        Assert.Equal("seeding", File.ReadAllText(source));
        Assert.Equal("seeding", File.ReadAllText(Path.Join(fx.Library, "Show", "Season 01", "Show - S01E01.mkv")));
        Assert.Contains(summary.Notes, n => n.Contains("copied instead", StringComparison.Ordinal));
    }

    [Fact]
    public void A_new_journal_is_timestamped_unique_and_unfinished_ones_are_found()
    {
        using var fx = new RoutingFixture();
        var folder = Path.Join(fx.Library, ".episodic");
        var now = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

        var fresh = RouteJournal.NewPath(folder, now);
        Assert.StartsWith(Path.Join(folder, "journal-20260102-030405-000-"), fresh, StringComparison.Ordinal);
        Assert.NotEqual(fresh, RouteJournal.NewPath(folder, now));
        Assert.Empty(RouteJournal.Unfinished(folder));

        using (var journal = RouteJournal.Create(fresh, JournalHeader.For(fx.Library, null, [fx.Downloads])))
        {
            journal.Write(new JournalEntry { Type = JournalRecordKind.Intent, Op = JournalOp.Move, Id = "x", Source = Path.Join(fx.Downloads, "a.mkv"), Destination = Path.Join(fx.Library, "b.mkv") });
        }

        Assert.Equal([fresh], RouteJournal.Unfinished(folder));
    }

    [Fact]
    public async Task A_destination_differing_only_in_case_is_never_treated_as_a_duplicate_to_delete()
    {
        using var fx = new RoutingFixture();
        var source = fx.Write("Show/Season 01/Show - s01e01.mkv", "the only copy", fx.Library);

        var summary = fx.Apply(await fx.PlanAsync(null, fx.Library));

        Assert.Equal(1, summary.AlreadyDone);
        Assert.Equal("the only copy", File.ReadAllText(source));
        Assert.Single(fx.Contents());
    }

    [Fact]
    public void Folders_in_one_temp_tree_share_a_device_so_moves_are_renames()
    {
        using var fx = new RoutingFixture();

        Assert.True(new FileOps().SameDevice(Path.Join(fx.Downloads, "a.mkv"), Path.Join(fx.Library, "b.mkv")));
        Assert.False(new FileOps { ForceCrossDevice = true }.SameDevice(Path.Join(fx.Downloads, "a.mkv"), Path.Join(fx.Library, "b.mkv")));
    }

    private sealed class NoLinkOps : FileOps
    {
        public override void HardLink(string source, string destination) => throw new CrossDeviceException("EXDEV (simulated)");
    }
}
