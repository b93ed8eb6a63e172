using System.Text.Json;
using Episodic.Cli;
using Xunit;

namespace Episodic.Tests.Routing;

/// <summary><c>episodic route</c> and <c>episodic undo</c> run in-process on real temp folders.</summary>
public sealed class RouteCliTests
{
    [Fact]
    public async Task Dry_run_prints_the_plan_and_moves_nothing()
    {
        using var fx = new RoutingFixture();
        fx.Write("the.office.us.s01e01.720p.mkv");
        fx.Write("random_video.mkv");
        fx.Folder("The Office (US)");
        var before = fx.Snapshot();

        var run = await Run(["route", fx.Downloads, "--library", fx.Library]);

        Assert.Equal(0, run.Exit);
        Assert.Contains("→ " + Path.Join(fx.Library, "The Office (US)", "Season 01", "The Office (US) - S01E01.mkv"), run.Stdout, StringComparison.Ordinal);
        Assert.Contains("existing folder 'The Office (US)'", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("skip", run.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"\b0\.9\d", run.Stdout);
        Assert.Contains("dry run", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, fx.Snapshot());
        Assert.False(Directory.Exists(Path.Join(fx.Library, ".episodic")));
    }

    [Fact]
    public async Task Dry_run_shows_the_real_actions_grouped_by_show_and_its_totals_match_what_apply_reports()
    {
        using var fx = new RoutingFixture();
        fx.Write("Show.S01E01.mkv", "one");
        fx.Write("Show.S01E01.en.srt", "subs");
        fx.Write("Show.S01E02.mkv", "two");
        fx.Write("Other.Show.S02E03.mkv", "three");
        fx.Write("random_video.mkv");
        fx.Write(Path.Join("Show", "Season 01", "Show - S01E02.mkv"), "a different file", fx.Library);

        var dry = await Run(["route", fx.Downloads, "--library", fx.Library, "--mode", "copy"]);
        var dryJson = await Run(["route", fx.Downloads, "--library", fx.Library, "--mode", "copy", "-f", "json"]);
        var applied = await Run(["route", fx.Downloads, "--library", fx.Library, "--mode", "copy", "--apply", "-f", "json"]);

        Assert.Equal(0, dry.Exit);
        var lines = dry.Stdout.Split('\n').Select(l => l.TrimEnd()).ToList();
        Assert.Contains(lines, l => l.TrimStart().StartsWith("copy ", StringComparison.Ordinal) && l.Contains("Show.S01E01.mkv", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.TrimStart().StartsWith("conflict ", StringComparison.Ordinal) && l.Contains("Show.S01E02.mkv", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.TrimStart().StartsWith("move ", StringComparison.Ordinal));
        Assert.Contains("en.srt (copy)", dry.Stdout, StringComparison.Ordinal);

        // New show folders are listed first; each show is a group headed by its folder; skipped files come last.
        Assert.Equal("new show folders (1):", lines[0]);
        Assert.Equal("  + " + Path.Join(fx.Library, "Other Show"), lines[1]);
        var otherGroup = lines.IndexOf(Path.Join(fx.Library, "Other Show"));
        var showGroup = lines.IndexOf(Path.Join(fx.Library, "Show"));
        var skipped = lines.IndexOf("not routed");
        Assert.True(otherGroup > 1 && showGroup > otherGroup && skipped > showGroup, dry.Stdout);

        // The totals come after the plan, and they are the numbers --apply then reports.
        var totals = lines.Last(l => l.Length > 0);
        Assert.StartsWith("dry run, --apply would report: copied 3, ", totals.Replace("moved 0, ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        using var forecast = JsonDocument.Parse(dryJson.Stdout);
        using var report = JsonDocument.Parse(applied.Stdout);
        var expected = forecast.RootElement.GetProperty("forecast");
        var actual = report.RootElement.GetProperty("summary");
        foreach (var counter in new[] { "moved", "copied", "linked", "skipped", "conflicts", "already_done", "failed", "bytes" })
        {
            Assert.Equal(expected.GetProperty(counter).GetInt64(), actual.GetProperty(counter).GetInt64());
        }

        Assert.Equal(3, actual.GetProperty("copied").GetInt32());
        Assert.Equal(1, actual.GetProperty("conflicts").GetInt32());
    }

    [Fact]
    public async Task Json_plan_is_one_document()
    {
        using var fx = new RoutingFixture();
        fx.Write("Show.S01E01.mkv");

        var run = await Run(["route", fx.Downloads, "--library", fx.Library, "--format", "json"]);

        Assert.Equal(0, run.Exit);
        using var doc = JsonDocument.Parse(run.Stdout);
        var item = Assert.Single(doc.RootElement.GetProperty("plan").EnumerateArray().ToList());
        Assert.Equal("move", item.GetProperty("action").GetString());
        Assert.EndsWith("Show - S01E01.mkv", item.GetProperty("destination").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Apply_moves_prints_the_summary_and_undo_puts_everything_back()
    {
        using var fx = new RoutingFixture();
        fx.Write("Show.S01E01.mkv");
        fx.Write("Show.S01E02.mkv");
        fx.Write("[Grp] Anime - 03 [ABCDEF12].mkv");
        var before = fx.Snapshot();

        var run = await Run(["route", fx.Downloads, "--library", fx.Library, "--anime-library", fx.Anime, "--apply", "--create-library"]);

        Assert.Equal(0, run.Exit);
        Assert.Contains("moved 3,", run.Stdout, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(fx.Downloads));
        Assert.True(File.Exists(Path.Join(fx.Anime, "Anime", "Anime - Episode 003.mkv")));
        var journal = Assert.Single(Directory.GetFiles(Path.Join(fx.Library, ".episodic"), "journal-*.jsonl"));
        Assert.Contains(journal, run.Stderr, StringComparison.Ordinal);
        // The totals line on stdout names the journal too (issue 18 item 7): what changed, and how to take it back.
        Assert.Single(run.Stdout.Split('\n'), l => l.StartsWith("moved 3,", StringComparison.Ordinal) && l.TrimEnd().EndsWith($"; journal {journal}", StringComparison.Ordinal));

        var undo = await Run(["undo", journal]);

        Assert.Equal(0, undo.Exit);
        Assert.Contains("restored 3", undo.Stdout, StringComparison.Ordinal);
        Assert.Equal(before, fx.Snapshot());
    }

    [Fact]
    public async Task Config_routing_section_is_read_and_flags_win()
    {
        using var fx = new RoutingFixture();
        fx.Write("[Grp] Anime - 03 [ABCDEF12].mkv");
        var ini = Path.Join(fx.Root, "episodic.ini");
        File.WriteAllText(ini, $"[routing]\ntv_path = {fx.Library}\nanime_tv_path = {fx.Anime}\nrename = keep\n");

        var fromConfig = await Run(["route", fx.Downloads, "--config", ini]);
        var flagWins = await Run(["route", fx.Downloads, "--config", ini, "--rename", "template"]);

        Assert.Equal(0, fromConfig.Exit);
        Assert.Contains(Path.Join(fx.Anime, "Anime", "[Grp] Anime - 03 [ABCDEF12].mkv"), fromConfig.Stdout, StringComparison.Ordinal);
        Assert.Contains(Path.Join(fx.Anime, "Anime", "Anime - Episode 003.mkv"), flagWins.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anime_and_daily_templates_are_read_from_routing_and_flags_win_and_a_template_that_misreads_is_refused()
    {
        using var fx = new RoutingFixture();
        fx.Write("[Grp] Anime - 03 [ABCDEF12].mkv");
        fx.Write("The.Daily.Show.2024.01.15.720p.WEB.mkv");
        var ini = Path.Join(fx.Root, "episodic.ini");
        File.WriteAllText(ini, $"[routing]\ntv_path = {fx.Library}\nanime_tv_path = {fx.Anime}\nanime_template = {{show}}/Ep {{absolute:00}} - {{show}}{{ext}}\ndaily_template = {{show}}/{{air_date}} {{show}}{{ext}}\n");

        var fromConfig = await Run(["route", fx.Downloads, "--config", ini]);
        var flagWins = await Run(["route", fx.Downloads, "--config", ini, "--anime-template", "{show}/{show} - ep{absolute:0000}{ext}"]);
        var refused = await Run(["route", fx.Downloads, "--config", ini, "--anime-template", "{show}/{show} - {absolute:000}{ext}"]);

        Assert.True(fromConfig.Exit == 0, fromConfig.Stderr);
        Assert.Contains(Path.Join(fx.Anime, "Anime", "Ep 03 - Anime.mkv"), fromConfig.Stdout, StringComparison.Ordinal);
        Assert.Contains(Path.Join(fx.Library, "The Daily Show", "2024-01-15 The Daily Show.mkv"), fromConfig.Stdout, StringComparison.Ordinal);
        Assert.Contains(Path.Join(fx.Anime, "Anime", "Anime - ep0003.mkv"), flagWins.Stdout, StringComparison.Ordinal);
        Assert.Equal(2, refused.Exit);
        Assert.Contains("--anime-template", refused.Stderr, StringComparison.Ordinal);
        Assert.Contains("reads back as season", refused.Stderr, StringComparison.Ordinal);
        Assert.Equal("", refused.Stdout);
    }

    [Fact]
    public async Task Crc_mismatch_exits_5_and_missing_source_exits_2()
    {
        using var fx = new RoutingFixture();
        fx.Write("[Grp] Anime - 03 [DEADBEEF].mkv");

        var mismatch = await Run(["route", fx.Downloads, "--library", fx.Library, "--apply", "--verify-crc", "--journal", fx.Journal]);
        var missing = await Run(["route", Path.Join(fx.Root, "nope"), "--library", fx.Library]);
        var noJournal = await Run(["undo", Path.Join(fx.Root, "nope.jsonl")]);

        Assert.Equal(5, mismatch.Exit);
        Assert.Contains("CRC32 mismatch", mismatch.Stderr, StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(fx.Downloads));
        Assert.Equal(2, missing.Exit);
        Assert.Contains("nope", missing.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, noJournal.Exit);
    }

    [Fact]
    public async Task Rerunning_after_a_crash_resumes_the_unfinished_default_journal()
    {
        using var fx = new RoutingFixture();
        var source = fx.Write("Show.S01E01.mkv", "episode one");
        fx.Write("Show.S01E02.mkv", "episode two");

        // The state a crash leaves between "renamed the verified copy into place" and "deleted the source".
        var destination = fx.Write("Show/Season 01/Show - S01E01.mkv", "episode one", fx.Library);
        var journal = Path.Join(fx.Library, ".episodic", "journal-20260101-000000-000.jsonl");
        using (var j = Episodic.Routing.Journal.RouteJournal.Create(journal, Episodic.Routing.Journal.JournalHeader.For(fx.Library, null, [fx.Downloads])))
        {
            j.Write(new Episodic.Routing.Journal.JournalEntry { Type = Episodic.Routing.Journal.JournalRecordKind.Intent, Op = Episodic.Routing.Journal.JournalOp.Move, Id = "crashed", Source = source, Destination = destination, Size = 11 });
        }

        var run = await Run(["route", fx.Downloads, "--library", fx.Library, "--apply"]);

        Assert.Equal(0, run.Exit);
        Assert.Contains("resumed the interrupted run recorded in " + journal, run.Stderr, StringComparison.Ordinal);
        Assert.Contains("recovered 1", run.Stdout, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(fx.Downloads));
        Assert.Equal(["episode one", "episode two"], fx.Contents());

        // The crashed run's journal undoes its file (and, having no end record, says it ends early: exit 5); this
        // run's own journal, which ends properly, undoes the other.
        var own = Assert.Single(Directory.GetFiles(Path.Join(fx.Library, ".episodic"), "journal-*.jsonl"), p => p != journal);
        var crashed = await Run(["undo", journal]);
        Assert.Equal(5, crashed.Exit);
        Assert.Contains("the journal ends early", crashed.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, (await Run(["undo", own])).Exit);
        Assert.Equal(["episode one", "episode two"], fx.Contents());
        Assert.Equal(2, Directory.GetFiles(fx.Downloads).Length);
    }

    internal static async Task<(int Exit, string Stdout, string Stderr)> Run(string[] args)
    {
        using var input = new StringReader("");
        using var output = new StringWriter();
        using var error = new StringWriter();
        var environment = new Dictionary<string, string?>();
        var exit = await CliApp.RunAsync(args, input, output, error, stderrIsTerminal: false, environment, TestContext.Current.CancellationToken);
        return (exit, output.ToString(), error.ToString());
    }
}
