using System.Net;
using System.Net.Sockets;
using Episodic.Cli;
using Episodic.Tests.Routing;
using Xunit;

namespace Episodic.Tests;

/// <summary>
/// Expected failures of the real CLI process say one line with a documented exit code, never a stack trace: ports
/// in use or out of range, malformed --candidates files, file names that are not UTF-8.
/// </summary>
public sealed class OneLineFailureTests
{
    [Fact]
    public async Task Serve_on_a_busy_port_is_one_line_and_exit_1()
    {
        using var busy = new TcpListener(IPAddress.Loopback, 0);
        busy.Start();
        var port = ((IPEndPoint)busy.LocalEndpoint).Port;
        using var dir = new RoutingFixture();

        var run = await CliProcess.RunAsync(["serve", "--urls", $"http://127.0.0.1:{port}"], dir.Root);

        var line = OneLine(run.Stderr);
        Assert.Equal(ExitCodes.Failure, run.Exit);
        Assert.Contains("cannot listen", line, StringComparison.Ordinal);
        Assert.Contains($"127.0.0.1:{port}", line, StringComparison.Ordinal);
        Assert.Contains("address already in use", line, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("http://127.0.0.1:99999", "port 99999")]
    [InlineData("http://127.0.0.1:-1", "http://127.0.0.1:-1")]
    public async Task Serve_on_an_invalid_port_is_one_line_and_exit_3(string url, string named)
    {
        using var dir = new RoutingFixture();

        var run = await CliProcess.RunAsync(["serve", "--urls", url], dir.Root);

        var line = OneLine(run.Stderr);
        Assert.Equal(ExitCodes.ConfigError, run.Exit);
        Assert.Contains(named, line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_busy_metrics_port_is_one_line_naming_the_port_and_exit_1()
    {
        using var busy = new TcpListener(IPAddress.Loopback, 0);
        busy.Start();
        var port = ((IPEndPoint)busy.LocalEndpoint).Port;
        using var dir = new RoutingFixture();

        var run = await CliProcess.RunAsync(["parse", "Show.S01E01.mkv", "--metrics-port", $"{port}"], dir.Root);

        var line = OneLine(run.Stderr);
        Assert.Equal(ExitCodes.Failure, run.Exit);
        Assert.Contains($"cannot listen: metrics on http://127.0.0.1:{port}/metrics", line, StringComparison.Ordinal);
        Assert.Equal("", run.Stdout);
    }

    [Fact]
    public async Task A_metrics_port_out_of_range_is_refused_where_it_enters()
    {
        using var dir = new RoutingFixture();

        var run = await CliProcess.RunAsync(["parse", "Show.S01E01.mkv", "--metrics-port", "99999"], dir.Root);

        Assert.Equal(ExitCodes.InputError, run.Exit);
        Assert.Contains("--metrics-port must be a whole number from 1 to 65535, not '99999'", OneLine(run.Stderr), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"id\": 1, \"name\": \"Show\"}", "the top level is an object, not an array")]
    [InlineData("[1, 2]", "[0] is the number 1, not an object")]
    [InlineData("[{\"id\": 1, \"name\": \"A\"}, {\"id\": \"7\", \"name\": \"B\"}]", "[1].id is a string, not a whole number")]
    [InlineData("[{\"id\": 1.5, \"name\": \"A\"}]", "[0].id is the number 1.5, not a whole number")]
    [InlineData("[{\"id\": 1, \"name\": 3}]", "[0].name is the number 3, not a string")]
    [InlineData("[{\"id\": 1}]", "[0].name is missing")]
    [InlineData("[{\"name\": \"A\"}]", "[0].id is missing")]
    [InlineData("[{\"id\": 1, \"name\": \"A\", \"overview\": {}}]", "[0].overview is an object, not a string")]
    [InlineData("[{\"id\": 1, \"name\": \"A\", \"alternative_titles\": [\"B\", 2]}]", "[0].alternative_titles is not an array of strings")]
    [InlineData("[{\"id\": 1, \"name\": \"A\"", "LineNumber")]
    [InlineData("", "The input does not contain any JSON tokens")]
    public async Task Suggest_show_with_unexpected_candidates_json_names_the_field_in_one_line(string json, string expected)
    {
        using var dir = new RoutingFixture();
        var file = Path.Join(dir.Root, "candidates.json");
        File.WriteAllText(file, json);
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await CliApp.RunAsync(["suggest-show", "Show", "--candidates", file], new StringReader(""), output, error, environment: new Dictionary<string, string?>(), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(ExitCodes.InputError, exit);
        var line = OneLine(error.ToString());
        Assert.StartsWith("episodic: the candidates are not a JSON array of objects with id and name: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_name_that_is_not_utf8_is_reported_as_such_and_left_in_place()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Windows file names are UTF-16; there are no raw bytes to get wrong.");
        using var fx = new RoutingFixture();
        fx.Write("Good.Show.S01E01.mkv");

        // The name's bytes come from printf in a shell: 0xFF can never occur in UTF-8, and .NET strings cannot carry it.
        using (var shell = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("/bin/sh")
        {
            ArgumentList = { "-c", "printf 'raw bytes\\n' > \"$(printf 'Bad\\377Name.S01E02.mkv')\"" },
            WorkingDirectory = fx.Downloads,
            UseShellExecute = false,
        })!)
        {
            await shell.WaitForExitAsync(TestContext.Current.CancellationToken);
            Assert.Equal(0, shell.ExitCode);
        }

        var run = await CliProcess.RunAsync(["route", fx.Downloads, "--library", fx.Library, "--apply"], fx.Root);

        Assert.True(run.Exit == 0, run.Stderr);
        Assert.Contains("its name is not valid UTF-8", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("left out (1 name(s) not UTF-8)", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("extra", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("no longer exists", run.Stdout + run.Stderr, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Join(fx.Library, "Good Show", "Season 01", "Good Show - S01E01.mkv")), run.Stdout);
        Assert.Single(Directory.GetFiles(fx.Downloads));
    }

    /// <summary>The one line of stderr, failing when there are more (a stack trace, a logged exception).</summary>
    private static string OneLine(string stderr)
    {
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(l => !l.StartsWith("episodic: see 'episodic ", StringComparison.Ordinal))
            .ToList();
        Assert.True(lines.Count == 1, $"expected one line on stderr, got {lines.Count}:\n{stderr}");
        Assert.StartsWith("episodic: ", lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        return lines[0];
    }
}
