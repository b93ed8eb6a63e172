using System.CommandLine;
using Episodic.Cli;
using Episodic.Llm.Configuration;
using Episodic.Llm.Pipeline;
using Xunit;

namespace Episodic.Tests;

/// <summary>
/// A run builds only the command it runs (<see cref="CliApp.CreateRoot(CliContext, string?)"/>), for start-up: these
/// hold that tree to the whole one, so leaving the other commands out changes no help text, error or exit code.
/// </summary>
public sealed class CommandTreeTests
{
    [Fact]
    public void The_command_table_names_each_command_as_it_names_itself()
    {
        var root = CliApp.CreateRoot(Context(new StringWriter()));

        Assert.Equal([.. CliApp.Commands.Select(c => c.Name), "help"], root.Subcommands.Select(c => c.Name));
        foreach (var (name, _) in CliApp.Commands)
        {
            var single = CliApp.CreateRoot(Context(new StringWriter()), name);
            Assert.Equal(name, Assert.Single(single.Subcommands).Name);
        }
    }

    [Fact]
    public void A_first_argument_that_is_no_command_gets_the_whole_tree()
    {
        foreach (var first in new[] { "help", "pasre", "--help", "--verbose", "", "PARSE" })
        {
            var root = CliApp.CreateRoot(Context(new StringWriter()), first);
            Assert.Equal(CliApp.Commands.Length + 1, root.Subcommands.Count);
        }
    }

    [Fact]
    public async Task Every_command_and_subcommand_has_the_same_help_in_its_own_tree_as_in_the_whole_one()
    {
        var whole = CliApp.CreateRoot(Context(new StringWriter()));
        var checkedCommands = 0;
        foreach (var path in Paths(whole, []))
        {
            var expected = await Run(["help", .. path]); // help always builds the whole tree
            var own = await Run([.. path, "--help"]);

            Assert.True(own.Exit == 0, $"{string.Join(' ', path)}: {own.Err}");
            Assert.True(expected.Exit == 0, $"help {string.Join(' ', path)}: {expected.Err}");
            Assert.Equal(expected.Out, own.Out);
            checkedCommands++;
        }

        Assert.True(checkedCommands >= CliApp.Commands.Length, $"only {checkedCommands} commands checked");
    }

    [Fact]
    public void The_clis_strategy_and_backend_names_are_the_llm_assemblys()
    {
        Assert.Equal(PipelineOptions.StrategyNames.Keys, LlmNames.Strategies);
        Assert.Equal(LlmConfiguration.ServiceNames, LlmNames.Services);
        Assert.Equal(Strategy.RulesOnly, PipelineOptions.StrategyNames[LlmNames.RulesOnly]);
        Assert.All(LlmNames.Strategies, s => Assert.Equal(PipelineOptions.StrategyNames[s] == Strategy.RulesOnly, LlmNames.IsRulesOnly(s.ToUpperInvariant())));
    }

    [Theory]
    [InlineData("parse")]
    [InlineData("parse", "--format", "xml", "X")]
    [InlineData("route")]
    [InlineData("cache")]
    [InlineData("cache", "stats", "extra")]
    [InlineData("eval", "--misses", "-1", "x.tsv")]
    public async Task A_bad_command_line_gets_the_same_errors_either_way(params string[] args)
    {
        var whole = CliApp.CreateRoot(Context(new StringWriter()));
        var expected = whole.Parse(args).Errors.Select(e => e.Message).ToList();

        var run = await Run(args);

        Assert.Equal(ExitCodes.InputError, run.Exit);
        Assert.NotEmpty(expected);
        foreach (var message in expected)
        {
            Assert.Contains(message, run.Err, StringComparison.Ordinal);
        }
    }

    private static IEnumerable<string[]> Paths(Command command, string[] path)
    {
        foreach (var sub in command.Subcommands)
        {
            string[] nested = [.. path, sub.Name];
            yield return nested;
            foreach (var deeper in Paths(sub, nested))
            {
                yield return deeper;
            }
        }
    }

    private static CliContext Context(TextWriter output) => new(new StringReader(""), output, output, false);

    private static async Task<(int Exit, string Out, string Err)> Run(string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CliApp.RunAsync(args, new StringReader(""), output, error, environment: new Dictionary<string, string?>(), cancellationToken: TestContext.Current.CancellationToken);
        return (exit, output.ToString(), error.ToString());
    }
}
