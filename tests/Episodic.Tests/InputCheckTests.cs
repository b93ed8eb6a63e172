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
}
