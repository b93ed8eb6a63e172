using Episodic.Cli;
using Episodic.Core.Parsing;
using Episodic.Routing.Planning;
using Microsoft.Extensions.Logging;
using Xunit;

namespace Episodic.Tests.Routing;

/// <summary>Planning's side remarks go through ILogger (source-generated messages); the CLI shows them as its own one-liners.</summary>
public sealed class RoutingLogTests
{
    [Fact]
    public async Task A_missing_root_is_a_warning_event_and_the_cli_sink_prints_it_as_one_episodic_line()
    {
        using var fx = new RoutingFixture();
        fx.Write("Show.S01E01.mkv");
        var missing = Path.Join(fx.Root, "not-there");
        var logger = new RecordingLogger();

        var plan = await RoutePlanner.PlanAsync([fx.Downloads, missing], fx.Options, RuleParser.Default.Parse, null, logger, TestContext.Current.CancellationToken);

        var entry = Assert.Single(logger.Entries);
        Assert.Equal(LogLevel.Warning, entry.Level);
        Assert.Equal(1, entry.Id.Id);
        Assert.Equal($"no such file or folder: '{missing}'", entry.Message);
        Assert.Single(plan.Items);

        using var stderr = new StringWriter();
        var context = new CliContext(new StringReader(""), new StringWriter(), stderr, false);
        await RoutePlanner.PlanAsync([missing + "\u001b[2J"], fx.Options, RuleParser.Default.Parse, null, new CliLogger(context), TestContext.Current.CancellationToken);
        Assert.Equal($"episodic: no such file or folder: '{missing}\\x1b[2J'{Environment.NewLine}", stderr.ToString());
    }
}
