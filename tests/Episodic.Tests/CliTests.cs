using System.Text.Json;
using Episodic.Cli;
using Xunit;

namespace Episodic.Tests;

/// <summary>The CLI run in-process against captured streams.</summary>
public sealed class CliTests
{
    private static readonly string[] JsonFields =
    [
        "input", "show_name", "year", "season", "episode", "episodes", "absolute_episodes", "air_date", "full_season",
        "special", "crc32", "release_group", "version", "confidence", "source", "reasoning",
    ];

    [Fact]
    public async Task Missing_path_exits_2_with_a_message_naming_it_and_still_parses_the_rest()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"episodic-missing-{Guid.NewGuid():N}");
        var run = await Run(["parse", missing, "-", "--format", "jsonl"], stdin: "Show.S01E02.mkv\n");

        Assert.Equal(2, run.Exit);
        Assert.Contains(missing, run.Stderr, StringComparison.Ordinal);
        Assert.Single(run.Stderr.Trim().Split('\n'));
        Assert.Single(Lines(run.Stdout));
    }

    [Fact]
    public async Task A_bare_name_that_is_not_a_path_is_parsed_as_a_name()
    {
        var run = await Run(["parse", "Show.Name.S01E07.720p.WEB.mkv", "[Grp] Other Show - 12 [1080p].mkv", "--format", "jsonl"]);

        Assert.Equal(0, run.Exit);
        Assert.Equal("", run.Stderr);
        var lines = Lines(run.Stdout);
        Assert.Equal(2, lines.Count);
        using var first = JsonDocument.Parse(lines[0]);
        Assert.Equal("Show Name", first.RootElement.GetProperty("show_name").GetString());
        Assert.Equal(7, first.RootElement.GetProperty("episode").GetInt32());
        using var second = JsonDocument.Parse(lines[1]);
        Assert.Equal(12, second.RootElement.GetProperty("episode").GetInt32());
        Assert.Equal("Grp", second.RootElement.GetProperty("release_group").GetString());
    }

    [Fact]
    public async Task Stdin_jsonl_writes_one_object_per_line_with_the_exact_fields()
    {
        string[] names = ["Show.Name.S01E02.720p.HDTV.x264-GRP.mkv", "[Group] Other Show - 03 [ABCDEF12].mkv", "readme"];
        var run = await Run(["parse", "-", "--format", "jsonl"], stdin: string.Join("\n", names) + "\n");

        Assert.Equal(0, run.Exit);
        var lines = Lines(run.Stdout);
        Assert.Equal(names.Length, lines.Count);
        for (var i = 0; i < lines.Count; i++)
        {
            using var doc = JsonDocument.Parse(lines[i]);
            Assert.Equal(JsonFields, doc.RootElement.EnumerateObject().Select(p => p.Name).ToArray());
            Assert.Equal(names[i], doc.RootElement.GetProperty("input").GetString());
        }
    }

    [Fact]
    public async Task Json_format_is_one_array()
    {
        var run = await Run(["parse", "-", "--format", "json"], stdin: "a.S01E01.mkv\nb.S01E02.mkv\n");

        Assert.Equal(0, run.Exit);
        using var doc = JsonDocument.Parse(run.Stdout);
        Assert.Equal(2, doc.RootElement.GetArrayLength());
    }

    [Fact]
    public async Task Folder_scan_finds_videos_and_subtitles_relative_to_the_root_parent_and_ignores_other_files()
    {
        var temp = Directory.CreateTempSubdirectory("episodic-cli-");
        try
        {
            var root = Path.Combine(temp.FullName, "Library");
            var season = Path.Combine(root, "Show Name", "Season 2");
            Directory.CreateDirectory(season);
            foreach (var f in new[] { "05.mkv", "05.srt", "06.MP4", "notes.txt", "cover.jpg" })
            {
                await File.WriteAllBytesAsync(Path.Combine(season, f), [], TestContext.Current.CancellationToken);
            }

            await File.WriteAllBytesAsync(Path.Combine(root, "notes.txt"), [], TestContext.Current.CancellationToken);
            var run = await Run(["parse", root, "--format", "jsonl"]);

            Assert.Equal(0, run.Exit);
            var inputs = Lines(run.Stdout).Select(l =>
            {
                using var doc = JsonDocument.Parse(l);
                return doc.RootElement.GetProperty("input").GetString();
            }).ToList();
            var rel = Path.Combine("Library", "Show Name", "Season 2");
            Assert.Equal([Path.Combine(rel, "05.mkv"), Path.Combine(rel, "05.srt"), Path.Combine(rel, "06.MP4")], inputs);
        }
        finally
        {
            temp.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Table_is_the_default_format()
    {
        var run = await Run(["parse", "-"], stdin: "Show.S01E02.mkv\n");

        Assert.Equal(0, run.Exit);
        var lines = Lines(run.Stdout);
        Assert.Equal(2, lines.Count);
        Assert.StartsWith("INPUT", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("Show.S01E02.mkv", lines[1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(72)]
    [InlineData(100)]
    [InlineData(160)]
    public async Task Table_fits_the_terminal_in_display_cells_keeps_columns_aligned_in_any_script_and_shows_year_and_group(int columns)
    {
        string[] names =
        [
            "Doctor.Who.2005.S01E01.Rose.1080p.BluRay.x264-GRP.mkv",
            "[SubsPlease] 葬送のフリーレン - 05 (1080p) [ABCD1234].mkv",
            "[桜都字幕组] 进击的巨人 最终季 第12话 [1080P].mp4",
            "An.Extraordinarily.Long.Show.Name.That.Goes.On.And.On.And.On.S02E03.720p.WEB-DL.AAC2.0.H.264-LONGGROUPNAME.mkv",
        ];

        var run = await Run(["parse", "-"], stdin: string.Join("\n", names) + "\n", columns: columns);

        Assert.Equal(0, run.Exit);
        var lines = Lines(run.Stdout);
        Assert.Equal(names.Length + 1, lines.Count);
        Assert.All(lines, l => Assert.True(Episodic.Cli.Output.DisplayWidth.Of(l) <= columns, $"{Episodic.Cli.Output.DisplayWidth.Of(l)} cells > {columns}: {l}"));

        // Every row's YEAR column starts at the same display cell as the header's.
        var yearCell = Cell(lines[0], lines[0].IndexOf("YEAR", StringComparison.Ordinal));
        var confCell = Cell(lines[0], lines[0].IndexOf("CONF", StringComparison.Ordinal));
        foreach (var row in lines.Skip(1))
        {
            var conf = row.LastIndexOf("0.", StringComparison.Ordinal) is var c and >= 0 ? c : row.LastIndexOf("1.", StringComparison.Ordinal);
            Assert.Equal(confCell, Cell(row, conf));
        }

        Assert.Contains("2005", lines[1], StringComparison.Ordinal);
        Assert.Equal(yearCell, Cell(lines[1], lines[1].LastIndexOf("2005", StringComparison.Ordinal)));
        Assert.Contains("GRP", lines[1], StringComparison.Ordinal);
        Assert.Contains("SubsPlease", lines[2], StringComparison.Ordinal);

        static int Cell(string line, int index) => Episodic.Cli.Output.DisplayWidth.Of(line[..index]);
    }

    [Fact]
    public async Task Eval_json_reports_rows_and_exact_for_a_tiny_corpus()
    {
        using var corpus = new TempFile();
        string[] tsv =
        [
            "id\tsource\tfilename\toptions\ttitle\tyear\tseason\tepisodes\tabsolute_episodes\tair_date\tfull_season\tspecial\tcrc32\trelease_group\texpect_none\thand_labelled\tnotes",
            "sonarr-x-0001\tx.cs\tnot an episode at all.txt\t\t\t\t\t\t\t\t0\t\t\t\t1\t1\t",
            "sonarr-x-0002\tx.cs\tShow.Name.S01E02.mkv\t\t\t\t\t\t\t\t0\t\t\t\t0\t1\texpect_parse_only",
            "guessit-x-0003\tx.yml\tShow.Name.S01E02.mkv\t\tShow Name\t\t1\t2",
        ];
        await File.WriteAllLinesAsync(corpus.Path, tsv, TestContext.Current.CancellationToken);

        var run = await Run(["eval", corpus.Path, "--format", "json", "--misses", "5"]);

        Assert.Equal(0, run.Exit);
        using var doc = JsonDocument.Parse(run.Stdout);
        var report = doc.RootElement.GetProperty("corpora")[0];
        Assert.Equal(2, report.GetProperty("rows").GetInt32());
        var exact = report.GetProperty("exact").GetInt32();
        Assert.InRange(exact, 1, 2); // the rejected name is exact even for a parser that finds nothing
        Assert.Equal(2 - exact, report.GetProperty("misses").GetArrayLength());
        Assert.Equal(3, report.GetProperty("names_parsed").GetInt32());
        Assert.Equal(5, report.GetProperty("calibration").GetArrayLength());
        Assert.Equal(2, doc.RootElement.GetProperty("overall").GetProperty("rows").GetInt32());
    }

    [Theory]
    [InlineData("# Readme\n\nSome prose, not a corpus.\n")]
    [InlineData("")]
    [InlineData("{\"show_name\":\"Show\",\"season\":1}\n")]
    [InlineData("id\tsource\tfilename\n x-1\tx\tShow.S01E02.mkv\n")]
    public async Task Eval_refuses_a_file_that_is_not_a_corpus_with_exit_2(string text)
    {
        using var file = new TempFile();
        await File.WriteAllTextAsync(file.Path, text, TestContext.Current.CancellationToken);

        var run = await Run(["eval", file.Path]);

        Assert.Equal(2, run.Exit);
        Assert.Contains("is not a corpus", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("exact", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eval_scores_the_corpora_it_can_read_and_still_exits_2_for_the_one_it_cannot()
    {
        using var corpus = new TempFile();
        using var prose = new TempFile();
        await File.WriteAllLinesAsync(corpus.Path,
        [
            "id\tsource\tfilename\toptions\ttitle\tyear\tseason\tepisodes\tabsolute_episodes\tair_date",
            "guessit-x-0001\tx.yml\tShow.Name.S01E02.mkv\t\tShow Name\t\t1\t2",
        ], TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(prose.Path, "not a corpus\n", TestContext.Current.CancellationToken);

        var run = await Run(["eval", corpus.Path, prose.Path]);

        Assert.Equal(2, run.Exit);
        Assert.Contains("1/1 exact", run.Stdout, StringComparison.Ordinal);
        Assert.Contains(Path.GetFileName(prose.Path), run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eval_missing_corpus_exits_2()
    {
        var run = await Run(["eval", "no-such-corpus.tsv"]);

        Assert.Equal(2, run.Exit);
        Assert.Contains("no-such-corpus.tsv", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("parse")]
    [InlineData("route")]
    [InlineData("serve")]
    [InlineData("shorten")]
    [InlineData("eval")]
    public async Task Help_states_each_default_once(string command)
    {
        var run = await Run([command, "--help"]);

        Assert.Equal(0, run.Exit);
        foreach (var line in run.Stdout.Split('\n'))
        {
            var mentions = System.Text.RegularExpressions.Regex.Count(line, "default", System.Text.RegularExpressions.RegexOptions.IgnoreCase);
            Assert.True(mentions <= 1, $"'{line.Trim()}' states its default more than once");
        }

        var help = run.Stdout;
        if (command == "route")
        {
            foreach (var placeholder in new[] { "{show}", "{season:00}", "{episode:00}", "{episodes}", "{absolute:000}", "{air_date}", "{year}", "{ext}", "{original}" })
            {
                Assert.Contains(placeholder, help, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task Version_prints_and_exits_0()
    {
        var run = await Run(["--version"]);

        Assert.Equal(0, run.Exit);
        Assert.NotEmpty(run.Stdout.Trim());
    }

    private static List<string> Lines(string text) => [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries)];

    private static async Task<(int Exit, string Stdout, string Stderr)> Run(string[] args, string stdin = "", int? columns = null)
    {
        using var input = new StringReader(stdin);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CliApp.RunSizedAsync(args, input, output, error, columns, cancellationToken: TestContext.Current.CancellationToken);
        return (exit, output.ToString(), error.ToString());
    }
}
