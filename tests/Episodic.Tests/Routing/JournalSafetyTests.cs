using System.Text;
using Episodic.Routing.Apply;
using Episodic.Routing.Journal;
using Xunit;

namespace Episodic.Tests.Routing;

/// <summary>Journals that are planted, damaged, empty or foreign are refused; the checks never cost a file.</summary>
public sealed class JournalSafetyTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string JournalFolder(RoutingFixture fx) => Path.Join(fx.Library, ".episodic");

    private static async Task<string> ApplyTwoFiles(RoutingFixture fx)
    {
        fx.Write("Show.S01E01.mkv");
        fx.Write("Show.S01E02.mkv");
        var run = await RouteCliTests.Run(["route", fx.Downloads, "--library", fx.Library, "--apply"]);
        Assert.Equal(0, run.Exit);
        return Assert.Single(Directory.GetFiles(JournalFolder(fx), "journal-*.jsonl"));
    }

    [Fact]
    public async Task Every_line_carries_a_sequence_number_and_mac_after_a_header_naming_the_roots()
    {
        using var fx = new RoutingFixture();
        var journal = await ApplyTwoFiles(fx);
        var lines = File.ReadAllLines(journal);

        Assert.StartsWith("{\"episodic_journal\":4,\"seq\":0,", lines[0], StringComparison.Ordinal);
        Assert.StartsWith($"{{\"seq\":{lines.Length - 1},\"type\":\"end\",\"op\":\"run\",", lines[^1], StringComparison.Ordinal);
        Assert.Contains(System.Text.Json.JsonEncodedText.Encode(fx.Downloads).ToString(), lines[0], StringComparison.Ordinal);
        for (var i = 0; i < lines.Length; i++)
        {
            Assert.Contains($"\"seq\":{i},", lines[i], StringComparison.Ordinal);
            Assert.Matches("\"mac\":\"[0-9a-f]{64}\"}$", lines[i]);
        }

        var file = JournalFile.Load(journal);
        Assert.True(file.IsValid);
        Assert.Equal(fx.Library, file.Header!.Library);
    }

    [Fact]
    public async Task Undo_refuses_a_garbled_middle_line_with_its_number_and_force_undoes_the_rest()
    {
        using var fx = new RoutingFixture();
        var journal = await ApplyTwoFiles(fx);
        var afterApply = fx.Snapshot();
        var lines = File.ReadAllLines(journal);
        var target = Array.FindIndex(lines, l => l.Contains("\"type\":\"done\",\"op\":\"move\"", StringComparison.Ordinal));
        lines[target] = lines[target].Replace("Show - S01E0", "Show - S01E9", StringComparison.Ordinal);
        File.WriteAllLines(journal, lines);

        var refused = await RouteCliTests.Run(["undo", journal]);

        Assert.Equal(6, refused.Exit);
        Assert.Contains($"line {target + 1}: the MAC does not match", refused.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", refused.Stderr, StringComparison.Ordinal);
        Assert.Equal(afterApply, fx.Snapshot());

        var forced = await RouteCliTests.Run(["undo", journal, "--force"]);

        Assert.True(5 == forced.Exit, forced.Stdout + forced.Stderr);
        Assert.Contains($"not undone: line {target + 1}", forced.Stderr, StringComparison.Ordinal);
        Assert.True(2 == Directory.GetFiles(fx.Downloads).Length, forced.Stdout + forced.Stderr + File.ReadAllText(journal));
    }

    [Theory]
    [InlineData("", "the journal is empty")]
    [InlineData("# my notes\nnot json at all\n", "not an Episodic journal")]
    [InlineData("{\"type\":\"intent\",\"op\":\"move\",\"id\":\"a\",\"src\":\"/x\",\"dst\":\"/y\"}\n", "not an Episodic journal")]
    public async Task Undo_refuses_empty_and_foreign_files(string content, string reason)
    {
        using var fx = new RoutingFixture();
        File.WriteAllText(fx.Journal, content);

        var run = await RouteCliTests.Run(["undo", fx.Journal]);

        Assert.Equal(6, run.Exit);
        Assert.Contains("line 1: " + reason, run.Stderr, StringComparison.Ordinal);
        Assert.Single(run.Stderr.Trim().Split('\n'));
    }

    [Fact]
    public async Task A_missing_line_breaks_the_sequence_and_is_refused()
    {
        using var fx = new RoutingFixture();
        var journal = await ApplyTwoFiles(fx);
        var lines = File.ReadAllLines(journal).ToList();
        lines.RemoveAt(2);
        File.WriteAllLines(journal, lines);

        var file = JournalFile.Load(journal);

        // The line after the gap no longer chains on the line before it; its sequence number would say the same.
        Assert.False(file.IsValid);
        Assert.Equal(3, file.Problems[0].Line);
        Assert.Contains("the MAC does not match", file.Problems[0].Reason, StringComparison.Ordinal);
        Assert.Throws<JournalRejectedException>(() => RouteUndo.Undo(journal, cancellationToken: Ct));
    }

    [Fact]
    public async Task A_planted_journal_cannot_make_undo_move_files_outside_its_roots()
    {
        using var fx = new RoutingFixture();
        var precious = fx.Write("precious.mkv", "precious", fx.Library);
        var outside = Path.Join(fx.Root, "elsewhere", "stolen.mkv");
        var planted = Path.Join(JournalFolder(fx), "journal-planted.jsonl");
        using (var j = RouteJournal.Create(planted, JournalHeader.For(fx.Library, null, [fx.Downloads])))
        {
            j.Write(new JournalEntry { Type = JournalRecordKind.Intent, Op = JournalOp.Move, Id = "evil", Source = outside, Destination = precious });
            j.Write(new JournalEntry { Type = JournalRecordKind.Done, Op = JournalOp.Move, Id = "evil", Source = outside, Destination = precious });
        }

        var run = await RouteCliTests.Run(["undo", planted]);

        Assert.Equal(6, run.Exit);
        Assert.Contains("outside the roots the header names", run.Stderr, StringComparison.Ordinal);
        Assert.Equal("precious", File.ReadAllText(precious));
        Assert.False(File.Exists(outside));
    }

    [Fact]
    public async Task A_planted_unfinished_journal_never_makes_apply_delete_a_file_it_names()
    {
        using var fx = new RoutingFixture();
        var victim = fx.Write("victim.txt", "keep me", fx.Root);
        var inLibrary = fx.Write("Show/keep.mkv", "keep me too", fx.Library);
        var planted = Path.Join(JournalFolder(fx), "journal-00000000-000000-000-planted.jsonl");
        using (var j = RouteJournal.Create(planted, JournalHeader.For(fx.Library, null, [fx.Downloads])))
        {
            // Not our temp pattern, and outside the roots: both lines fail the checks, so the journal is left alone.
            j.Write(new JournalEntry { Type = JournalRecordKind.Intent, Op = JournalOp.Move, Id = "a", Source = Path.Join(fx.Downloads, "x.mkv"), Destination = Path.Join(fx.Library, "Show", "x.mkv"), Temp = inLibrary });
            j.Write(new JournalEntry { Type = JournalRecordKind.Intent, Op = JournalOp.Copy, Id = "b", Source = Path.Join(fx.Downloads, "y.mkv"), Destination = Path.Join(fx.Root, "y.mkv"), Temp = victim });
        }

        fx.Write("Show.S01E01.mkv");
        var run = await RouteCliTests.Run(["route", fx.Downloads, "--library", fx.Library, "--apply"]);

        Assert.Equal(0, run.Exit);
        Assert.Contains($"left the journal '{planted}' alone", run.Stderr, StringComparison.Ordinal);
        Assert.Equal("keep me", File.ReadAllText(victim));
        Assert.Equal("keep me too", File.ReadAllText(inLibrary));
    }

    [Fact]
    public void Only_our_own_temp_names_beside_the_destination_pass()
    {
        var dst = Path.Join(Path.GetTempPath(), "lib", "Show", "a.mkv");
        var own = Path.Join(Path.GetDirectoryName(dst), ".episodic-tmp-" + Guid.NewGuid().ToString("N"));

        Assert.True(JournalScope.IsOwnTemp(own, dst));
        Assert.False(JournalScope.IsOwnTemp(Path.Join(Path.GetTempPath(), Path.GetFileName(own)), dst));
        Assert.False(JournalScope.IsOwnTemp(Path.Join(Path.GetDirectoryName(dst), ".episodic-tmp-../../etc"), dst));
        Assert.False(JournalScope.IsOwnTemp(Path.Join(Path.GetDirectoryName(dst), "a.mkv"), dst));
        Assert.False(JournalScope.Under(Path.Join(Path.GetTempPath(), "lib", "..", "etc"), [Path.Join(Path.GetTempPath(), "lib")]));
    }

    [Fact]
    public async Task A_run_that_changes_nothing_leaves_no_journal()
    {
        using var fx = new RoutingFixture();
        await ApplyTwoFiles(fx);

        var again = await RouteCliTests.Run(["route", fx.Downloads, "--library", fx.Library, "--apply"]);

        Assert.Equal(0, again.Exit);
        Assert.Contains("nothing was changed: no journal was written", again.Stderr, StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(JournalFolder(fx), "journal-*.jsonl"));
    }

    [Fact]
    public async Task A_folder_made_just_before_a_kill_is_removed_by_undo()
    {
        using var fx = new RoutingFixture();
        fx.Write("Show.S01E01.mkv");
        var before = fx.Snapshot();

        Assert.Throws<SimulatedCrashException>(() => RouteExecutor.Apply(fx.PlanAsync().Result, fx.Journal, new ApplyOptions { Ops = new MkdirCrashOps() }, cancellationToken: Ct));
        Assert.True(Directory.Exists(Path.Join(fx.Library, "Show")));

        var undo = RouteUndo.Undo(fx.Journal, cancellationToken: Ct);

        Assert.Equal(0, undo.Failed);
        Assert.Empty(Directory.GetDirectories(fx.Library));
        Assert.Equal(before, fx.Snapshot());
        await Task.CompletedTask;
    }

    [Fact]
    public async Task Cancelling_finishes_the_file_in_hand_and_reports_how_far_it_got()
    {
        using var fx = new RoutingFixture();
        for (var e = 1; e <= 4; e++)
        {
            fx.Write($"Show.S01E{e:00}.mkv");
        }

        using var cts = new CancellationTokenSource();
        var plan = await fx.PlanAsync();
        var summary = RouteExecutor.Apply(plan, fx.Journal, null, new Cancel(cts, atItem: 2), cts.Token);

        // Ctrl+C arrives as the third file starts: it is finished, the fourth is not touched.
        Assert.True(summary.Interrupted);
        Assert.Equal(3, summary.Completed);
        Assert.Equal(4, summary.Total);
        Assert.Single(Directory.GetFiles(fx.Downloads));
        Assert.Equal(3, RouteUndo.Undo(fx.Journal, cancellationToken: Ct).Restored);
        Assert.Equal(4, Directory.GetFiles(fx.Downloads).Length);
    }

    [Fact]
    public async Task Ctrl_c_before_anything_happened_exits_130_in_one_line()
    {
        using var fx = new RoutingFixture();
        fx.Write("Show.S01E01.mkv");
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await Episodic.Cli.CliApp.RunAsync(["route", fx.Downloads, "--library", fx.Library, "--apply"], new StringReader(""), output, error, false, new Dictionary<string, string?>(), cts.Token);

        Assert.Equal(130, exit);
        Assert.Equal("episodic: interrupted", error.ToString().Trim());
        Assert.Single(Directory.GetFiles(fx.Downloads));
    }

    [Fact]
    public void A_torn_header_only_journal_is_appended_to_cleanly()
    {
        using var fx = new RoutingFixture();
        using (var j = RouteJournal.Create(fx.Journal, JournalHeader.For(fx.Library, null, [fx.Downloads])))
        {
            j.Write(new JournalEntry { Type = JournalRecordKind.Intent, Op = JournalOp.Mkdir, Id = "m", Destination = Path.Join(fx.Library, "A") });
        }

        File.AppendAllText(fx.Journal, "{\"seq\":2,\"type\":\"do", Encoding.UTF8);
        var torn = JournalFile.Load(fx.Journal);
        Assert.True(torn.IsValid);
        Assert.True(torn.TornTail);

        using (var j = RouteJournal.Append(torn))
        {
            j.Write(new JournalEntry { Type = JournalRecordKind.Abandoned, Op = JournalOp.Mkdir, Id = "m", Destination = Path.Join(fx.Library, "A") });
        }

        var after = JournalFile.Load(fx.Journal);
        Assert.True(after.IsValid);
        Assert.False(after.TornTail);
        Assert.Equal([1L, 2L], after.Entries.Select(e => e.Seq));
    }

    private sealed class MkdirCrashOps : FileOps
    {
        public override void CreateDirectory(string path)
        {
            base.CreateDirectory(path);
            throw new SimulatedCrashException();
        }
    }

    private sealed class Cancel(CancellationTokenSource cts, int atItem) : IProgress<RouteProgress>
    {
        public void Report(RouteProgress value)
        {
            if (value.Completed == atItem)
            {
                cts.Cancel();
            }
        }
    }
}
