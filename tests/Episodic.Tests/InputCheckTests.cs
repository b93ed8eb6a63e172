using Episodic.Cli;
using Xunit;

namespace Episodic.Tests;

/// <summary>Every number is checked where it enters the CLI: one line naming the option, exit 2, no stack trace.</summary>
public sealed class InputCheckTests
{
    [Theory]
    [InlineData("--concurrency", "0", "parse")]
    [InlineData("--concurrency", "-5", "parse")]
    [InlineData("--metrics-port", "99999", "parse")]
    [InlineData("--metrics-port", "0", "parse")]
    [InlineData("--min-confidence", "NaN", "route")]
    [InlineData("--min-confidence", "5", "route")]
    [InlineData("--min-confidence", "-1", "route")]
    [InlineData("--max-batch", "0", "serve")]
    [InlineData("--max-length", "0", "shorten")]
    [InlineData("--wait", "soon", "route")]
    [InlineData("--log-level", "loud", "serve")]
    public async Task A_bad_number_is_one_line_and_exit_2(string option, string value, string command)
    {
        string[] args = command switch
        {
            "parse" => ["parse", "Show.S01E01.mkv", "--llm", option, value],
            "route" => ["route", ".", "--library", ".", option, value],
            "shorten" => ["shorten", "a long name", option, value],
            _ => [command, option, value],
        };
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await CliApp.RunAsync(args, new StringReader(""), output, error, environment: new Dictionary<string, string?>(), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(2, exit);
        Assert.Contains(option, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error.ToString(), StringComparison.Ordinal);
        Assert.Equal("", output.ToString());
    }

    [Theory]
    [InlineData("90s", 90_000)]
    [InlineData("10m", 600_000)]
    [InlineData("1h30m", 5_400_000)]
    [InlineData("250ms", 250)]
    [InlineData("30", 30_000)]
    public void Durations_read_as_people_type_them(string text, double ms)
    {
        Assert.True(Duration.TryParse(text, out var value));
        Assert.Equal(ms, value.TotalMilliseconds);
    }

    [Theory]
    [InlineData("")]
    [InlineData("-5s")]
    [InlineData("NaN")]
    [InlineData("5 parsecs")]
    public void Bad_durations_are_refused(string text) => Assert.False(Duration.TryParse(text, out _));

    [Fact]
    public async Task Enum_values_are_accepted_in_any_case()
    {
        using var fx = new Routing.RoutingFixture();
        fx.Write("Show.S01E01.mkv", "one");
        fx.Write("Show.S01E02.mkv", "two");
        fx.Write(Path.Join("Show", "Season 01", "Show.S01E02.mkv"), "a different file", fx.Library);

        var run = await Routing.RouteCliTests.Run(["route", fx.Downloads, "--library", fx.Library, "--mode", "COPY", "--on-conflict", "Suffix", "--rename", "KEEP", "-f", "JSON", "--metadata", "None", "--apply"]);

        Assert.True(run.Exit == 0, run.Stderr);
        Assert.StartsWith("{", run.Stdout.TrimStart(), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Join(fx.Downloads, "Show.S01E01.mkv")), "COPY copies: the source stays");
        Assert.True(File.Exists(Path.Join(fx.Library, "Show", "Season 01", "Show.S01E01.mkv")), "KEEP keeps the original name");
        Assert.True(File.Exists(Path.Join(fx.Library, "Show", "Season 01", "Show.S01E02 (2).mkv")), "Suffix files the conflict beside");

        using var output = new StringWriter();
        using var error = new StringWriter();
        var parsed = await CliApp.RunAsync(["parse", "Show.S01E01.mkv", "--strategy", "Rules-Only", "--format", "JSONL"], new StringReader(""), output, error, environment: new Dictionary<string, string?>(), cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(parsed == 0, error.ToString());
        Assert.Contains("\"season\":1", output.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("route", "--mode", "teleport", "move, copy, hardlink")]
    [InlineData("route", "--on-conflict", "overwrite", "skip, suffix")]
    [InlineData("route", "--rename", "random", "template, keep")]
    [InlineData("route", "--format", "xml", "table, json")]
    [InlineData("route", "--backend", "gemini", "ollama, openai, anthropic")]
    [InlineData("parse", "--strategy", "best", "rules-first, llm-first, rules-only, llm-only")]
    [InlineData("serve", "--log-level", "loud", "trace, debug, information")]
    public async Task A_bad_enum_value_is_one_line_listing_the_allowed_values(string command, string option, string value, string allowed)
    {
        string[] args = command switch
        {
            "route" => ["route", ".", "--library", ".", option, value],
            "parse" => ["parse", "Show.S01E01.mkv", option, value],
            _ => [command, option, value],
        };
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await CliApp.RunAsync(args, new StringReader(""), output, error, environment: new Dictionary<string, string?>(), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(2, exit);
        var line = Assert.Single(error.ToString().Split('\n'), l => l.Contains(option, StringComparison.Ordinal));
        Assert.Contains(allowed, line, StringComparison.Ordinal);
        Assert.Contains($"'{value}'", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_rename_in_the_ini_names_the_key_and_the_values()
    {
        using var fx = new Routing.RoutingFixture();
        var ini = Path.Join(fx.Root, "episodic.ini");
        File.WriteAllText(ini, "[routing]\nrename = Sometimes\n");

        var run = await Routing.RouteCliTests.Run(["route", fx.Downloads, "--library", fx.Library, "--config", ini]);

        Assert.Equal(3, run.Exit);
        Assert.Contains("[routing] rename must be one of template, keep; not 'Sometimes'", run.Stderr, StringComparison.Ordinal);
    }
}
