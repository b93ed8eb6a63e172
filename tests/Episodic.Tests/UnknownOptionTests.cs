using System.CommandLine;
using System.Text.Json;
using Episodic.Cli;
using Xunit;

namespace Episodic.Tests;

/// <summary>
/// A mistyped option or command is an error with the nearest real one (exit 2), never a name parsed or a file looked
/// for; <c>--</c> ends the options; <c>episodic help [COMMAND]</c> works.
/// </summary>
public sealed class UnknownOptionTests
{
    [Theory]
    [InlineData("--format", "parse", "X", "--fromat", "json")]
    [InlineData("--llm", "parse", "X", "--lmm")]
    [InlineData("--apply", "route", "dl", "--aply")]
    [InlineData("--config", "check", "--confg", "x.ini")]
    [InlineData("--cache-dir", "cache", "clear", "--cache-dri", "x")]
    [InlineData("-f", "parse", "X", "-F", "json")]
    [InlineData("--metadata-required", "route", "dl", "--metadata-req")]
    public async Task A_mistyped_option_is_exit_2_with_the_nearest_option(string meant, params string[] args)
    {
        var run = await Run(args);

        Assert.Equal(ExitCodes.InputError, run.Exit);
        Assert.Equal("", run.Out);
        var line = Assert.Single(run.Err.Split('\n'), l => l.Contains("unknown option", StringComparison.Ordinal));
        Assert.EndsWith($"did you mean {meant}?", line.TrimEnd(), StringComparison.Ordinal);
        Assert.DoesNotContain("no such file", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_option_of_every_command_is_suggested_when_mistyped()
    {
        // The mechanism is the command-line layer's, so it holds for every command there is, present and future.
        using var output = new StringWriter();
        var root = CliApp.CreateRoot(new CliContext(new StringReader(""), output, output, false));
        var checkedOptions = 0;
        foreach (var (path, command) in Commands(root, []))
        {
            var names = command.Options.SelectMany(o => o.Aliases.Prepend(o.Name)).ToList();
            foreach (var name in names.Where(n => n.StartsWith("--", StringComparison.Ordinal) && n.Length > 5))
            {
                var typo = $"--{name[3]}{name[2]}{name[4..]}"; // two letters swapped: --fromat
                if (names.Any(other => other != name && Core.Text.EditDistance.Between(other.TrimStart('-'), typo.TrimStart('-')) <= 1))
                {
                    continue; // ambiguous: another option is as near
                }

                var run = await Run([.. path, typo, "x"]);

                Assert.True(run.Exit == ExitCodes.InputError, $"{string.Join(' ', path)} {typo}: exit {run.Exit}");
                Assert.Contains($"unknown option '{typo}'", run.Err, StringComparison.Ordinal);
                Assert.Contains($"did you mean {name}?", run.Err, StringComparison.Ordinal);
                checkedOptions++;
            }
        }

        Assert.True(checkedOptions > 50, $"only {checkedOptions} options checked");
    }

    [Fact]
    public async Task An_unknown_option_with_nothing_near_says_how_to_pass_such_a_name()
    {
        var run = await Run(["parse", "X", "--xyzzy"]);

        Assert.Equal(ExitCodes.InputError, run.Exit);
        Assert.Contains("unknown option '--xyzzy' for 'episodic parse'", run.Err, StringComparison.Ordinal);
        Assert.Contains("'episodic parse -- --xyzzy'", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Double_dash_ends_the_options_for_a_name_that_starts_with_dashes()
    {
        var run = await Run(["parse", "--format", "jsonl", "--", "--Show.S01E02.mkv", "-F"]);

        Assert.True(run.Exit == 0, run.Err);
        var inputs = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("input").GetString()).ToList();
        Assert.Equal(["--Show.S01E02.mkv", "-F"], inputs);
    }

    [Theory]
    [InlineData("-")]
    [InlineData("-Show.S01E02.mkv")]
    [InlineData("-5")]
    public async Task Stdin_and_names_with_one_dash_are_still_names(string name)
    {
        var run = await Run(["parse", name, "--format", "jsonl"], stdin: "Show.S01E03.mkv\n");

        Assert.True(run.Exit == 0, run.Err);
        Assert.Single(run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Theory]
    [InlineData("parse", "pasre")]
    [InlineData("route", "rotue")]
    [InlineData("stats", "cache", "stat")]
    public async Task A_mistyped_command_suggests_the_nearest(string meant, params string[] args)
    {
        var run = await Run(args);

        Assert.Equal(ExitCodes.InputError, run.Exit);
        Assert.Contains($"unknown command '{args[^1]}'", run.Err, StringComparison.Ordinal);
        Assert.Contains($"did you mean {meant}?", run.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("Required command was not provided", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_lists_the_commands_and_help_command_explains_one()
    {
        var all = await Run(["help"]);
        Assert.True(all.Exit == 0, all.Err);
        Assert.Contains("Commands:", all.Out, StringComparison.Ordinal);
        Assert.Contains("parse", all.Out, StringComparison.Ordinal);

        var parse = await Run(["help", "parse"]);
        Assert.True(parse.Exit == 0, parse.Err);
        Assert.Contains("--format", parse.Out, StringComparison.Ordinal);
        Assert.Equal((await Run(["parse", "--help"])).Out, parse.Out);

        var nested = await Run(["help", "cache", "clear"]);
        Assert.True(nested.Exit == 0, nested.Err);
        Assert.Contains("--cache-dir", nested.Out, StringComparison.Ordinal);

        var typo = await Run(["help", "pasre"]);
        Assert.Equal(ExitCodes.InputError, typo.Exit);
        Assert.Contains("did you mean parse?", typo.Err, StringComparison.Ordinal);
    }

    private static IEnumerable<(string[] Path, Command Command)> Commands(Command command, string[] path)
    {
        if (path.Length > 0)
        {
            yield return (path, command);
        }

        foreach (var sub in command.Subcommands)
        {
            foreach (var nested in Commands(sub, [.. path, sub.Name]))
            {
                yield return nested;
            }
        }
    }

    private static async Task<(int Exit, string Out, string Err)> Run(string[] args, string stdin = "")
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        // A command that ran instead of being refused (serve would listen) is stopped, and the exit code says so.
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        limit.CancelAfter(TimeSpan.FromSeconds(30));
        var exit = await CliApp.RunAsync(args, new StringReader(stdin), output, error, environment: new Dictionary<string, string?>(), cancellationToken: limit.Token);
        return (exit, output.ToString(), error.ToString());
    }
}
