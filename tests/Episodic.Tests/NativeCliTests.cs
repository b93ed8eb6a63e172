using Xunit;

namespace Episodic.Tests;

/// <summary>
/// Smoke tests of the native (Native AOT) <c>episodic</c> binary that <c>dotnet publish src/Episodic.Cli -r linux-x64</c>
/// makes: run when <c>EPISODIC_NATIVE_EXE</c> names it (.ci/run publishes it and sets the variable), skipped otherwise.
/// Trimming can drop what only reflection reaches, so each test runs a real command end to end and, where the output
/// is data, compares it with the JIT build's.
/// </summary>
public sealed partial class NativeCliTests
{
    private const string Variable = "EPISODIC_NATIVE_EXE";

    private static readonly string[] Names =
    [
        "Show.Name.S01E02.720p.WEB-DL.x264-GROUP.mkv",
        "[SubsPlease] Frieren - 12 (1080p) [ABCD1234].mkv",
        "The.Daily.Show.2024.03.14.Guest.Name.1080p.WEB.h264-EDITH.mkv",
        "Doctor.Who.2005.S13E01.Halloween.Apocalypse.1080p.mkv",
        "Some.Show.S02E05E06.Double.Episode.HDTV.mkv",
    ];

    /// <summary>The native binary, or a skip naming the variable (the JIT build runs everywhere else).</summary>
    private static string Exe()
    {
        var path = Environment.GetEnvironmentVariable(Variable);
        Assert.SkipWhen(string.IsNullOrEmpty(path), $"{Variable} is not set: publish the native binary (dotnet publish src/Episodic.Cli -c Release -r linux-x64 -o OUT) and set it to OUT/episodic");
        Assert.True(File.Exists(path), $"{Variable}={path} does not exist");
        return path!;
    }

    [Fact]
    public async Task Version_is_the_projects_version()
    {
        var exe = Exe();
        using var dir = new Routing.RoutingFixture();
        var native = await CliProcess.RunAsync(["--version"], dir.Root, executable: exe);
        var jit = await CliProcess.RunAsync(["--version"], dir.Root);

        Assert.True(native.Exit == 0, native.Stderr);
        Assert.Matches(@"^\d+\.\d+\.\d+", native.Stdout.Trim());
        // The same version; the commit after '+' is the one each was built from (a stale publish differs only there).
        Assert.Equal(jit.Stdout.Split('+')[0], native.Stdout.Split('+')[0]);
    }

    [Theory]
    [InlineData("json")]
    [InlineData("jsonl")]
    [InlineData("table")]
    public async Task Parse_prints_what_the_jit_build_prints(string format)
    {
        var exe = Exe();
        using var dir = new Routing.RoutingFixture();
        string[] args = ["parse", .. Names, "--format", format];
        var native = await CliProcess.RunAsync(args, dir.Root, executable: exe);
        var jit = await CliProcess.RunAsync(args, dir.Root);

        Assert.True(native.Exit == 0, native.Stderr);
        Assert.Equal(jit.Exit, native.Exit);
        Assert.Contains("Frieren", native.Stdout, StringComparison.Ordinal);
        Assert.Equal(jit.Stdout, native.Stdout);
        Assert.Equal(jit.Stderr, native.Stderr);
    }

    [Fact]
    public async Task Eval_on_a_corpus_file_scores_as_the_jit_build_does()
    {
        var exe = Exe();
        using var dir = new Routing.RoutingFixture();
        string[] args = ["eval", TestPaths.DevCorpus("sonarr.tsv"), "--format", "json", "--misses", "3"];
        var native = await CliProcess.RunAsync(args, dir.Root, executable: exe);
        var jit = await CliProcess.RunAsync(args, dir.Root);

        Assert.Equal(jit.Exit, native.Exit);
        Assert.Contains("\"accuracy\"", native.Stdout, StringComparison.Ordinal);
        Assert.Equal(Timeless(jit.Stdout), Timeless(native.Stdout));
    }

    [Fact]
    public async Task A_bad_option_value_is_one_line_and_exit_2()
    {
        var exe = Exe();
        using var dir = new Routing.RoutingFixture();
        var native = await CliProcess.RunAsync(["parse", "Show.S01E02.mkv", "--format", "yaml"], dir.Root, executable: exe);

        Assert.Equal(2, native.Exit);
        Assert.Empty(native.Stdout);
        Assert.StartsWith("episodic: ", native.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", native.Stderr, StringComparison.Ordinal);
        Assert.Contains("yaml", native.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Route_apply_moves_real_files_and_undo_puts_them_back()
    {
        var exe = Exe();
        using var fx = new Routing.RoutingFixture();
        var first = fx.Write("Good.Show.S01E01.720p.mkv");
        var second = fx.Write("Good.Show.S01E02.720p.mkv");

        var route = await CliProcess.RunAsync(["route", fx.Downloads, "--library", fx.Library, "--apply", "--journal", fx.Journal], fx.Root, executable: exe);

        Assert.True(route.Exit == 0, route.Stderr);
        Assert.True(File.Exists(Path.Join(fx.Library, "Good Show", "Season 01", "Good Show - S01E01.mkv")), route.Stdout);
        Assert.True(File.Exists(Path.Join(fx.Library, "Good Show", "Season 01", "Good Show - S01E02.mkv")), route.Stdout);
        Assert.False(File.Exists(first));
        Assert.True(File.Exists(fx.Journal));

        var undo = await CliProcess.RunAsync(["undo", fx.Journal], fx.Root, executable: exe);

        Assert.True(undo.Exit == 0, undo.Stderr);
        Assert.Equal("episode bytes of Good.Show.S01E01.720p.mkv\n", File.ReadAllText(first));
        Assert.Equal("episode bytes of Good.Show.S01E02.720p.mkv\n", File.ReadAllText(second));
        Assert.Empty(Directory.GetFiles(fx.Library, "*.mkv", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task An_llm_backend_is_jit_only_and_says_so_in_one_line()
    {
        var exe = Exe();
        using var dir = new Routing.RoutingFixture();
        var native = await CliProcess.RunAsync(["shorten", "A Very Long Show Name That Goes On And On", "--max-length", "10", "--llm", "--backend", "ollama"], dir.Root, executable: exe);

        Assert.Equal(3, native.Exit);
        Assert.Contains("LLM backend is not in the native episodic binary", native.Stderr, StringComparison.Ordinal);
        Assert.Contains("dotnet tool install", native.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", native.Stderr, StringComparison.Ordinal);
    }

    /// <summary>The eval JSON without its timing fields, which differ from run to run.</summary>
    private static string Timeless(string json) => TimingField().Replace(json, "\"$1\":0");

    [System.Text.RegularExpressions.GeneratedRegex("\"(elapsed|seconds|duration|names_per_second)[a-z_]*\"\\s*:\\s*[0-9.eE+-]+")]
    private static partial System.Text.RegularExpressions.Regex TimingField();
}
