using System.Diagnostics;
using Episodic.Cli;
using Xunit;

namespace Episodic.Tests;

/// <summary>
/// <c>episodic parse</c> flushes each record only when someone watches (stdout is a terminal, or
/// <c>--line-buffered</c>); a redirected run writes in large blocks, because a flush per name is a system call per name.
/// </summary>
public sealed class ParseFlushTests
{
    private const string Names = "Show.Name.S01E01.mkv\nShow.Name.S01E02.mkv\nShow.Name.S01E03.mkv\n";

    [Fact]
    public async Task Redirected_output_is_not_flushed_per_record()
    {
        var (exit, output) = await Run(["parse", "-", "--format", "jsonl"], stdoutIsTerminal: false);

        Assert.Equal(0, exit);
        Assert.Equal(3, Lines(output.ToString()));
        Assert.DoesNotContain(output.LinesAtFlush, n => n is > 0 and < 3);
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public async Task A_terminal_or_line_buffered_flushes_each_record(bool stdoutIsTerminal, bool lineBuffered)
    {
        string[] args = lineBuffered ? ["parse", "-", "--format", "jsonl", "--line-buffered"] : ["parse", "-", "--format", "jsonl"];
        var (exit, output) = await Run(args, stdoutIsTerminal);

        Assert.Equal(0, exit);
        Assert.Equal([1, 2, 3], output.LinesAtFlush.Where(n => n > 0).Distinct());
    }

    [Fact]
    public async Task Table_and_json_follow_the_same_rule()
    {
        var (_, table) = await Run(["parse", "-"], stdoutIsTerminal: false);
        var (_, json) = await Run(["parse", "-", "--format", "json", "--line-buffered"], stdoutIsTerminal: false);

        // Redirected: the only flush that sees output is the last one, with everything written.
        Assert.All(table.LinesAtFlush, n => Assert.True(n == 0 || n == Lines(table.ToString())));

        // "[", then one object per line: after each record one more line, then "]" at the end.
        Assert.Equal([2, 3, 4, 5], json.LinesAtFlush.Where(n => n > 0).Distinct());
    }

    /// <summary>
    /// The real process on a pipe: with --line-buffered the first result arrives while stdin is still open, so a
    /// program can feed one name and wait for its answer.
    /// </summary>
    [Fact]
    public async Task Line_buffered_answers_each_name_before_stdin_closes()
    {
        var ct = TestContext.Current.CancellationToken;
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { Path.Join(AppContext.BaseDirectory, "episodic.dll"), "parse", "-", "--format", "jsonl", "--line-buffered" })
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync(ct);
        try
        {
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
            limit.CancelAfter(TimeSpan.FromMinutes(2));
            await process.StandardInput.WriteAsync("Show.Name.S02E05.mkv\n".AsMemory(), limit.Token);
            await process.StandardInput.FlushAsync(limit.Token);

            var first = await process.StandardOutput.ReadLineAsync(limit.Token);

            Assert.NotNull(first);
            Assert.Contains("\"season\":2", first, StringComparison.Ordinal);
            Assert.False(process.HasExited);
            process.StandardInput.Close();
            await process.WaitForExitAsync(limit.Token);
            Assert.Equal(0, process.ExitCode);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            await stderr;
        }
    }

    private static int Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;

    private static async Task<(int Exit, FlushRecordingWriter Output)> Run(string[] args, bool stdoutIsTerminal)
    {
        using var input = new StringReader(Names);
        var output = new FlushRecordingWriter();
        using var error = new StringWriter();
        var exit = await CliApp.RunSizedAsync(args, input, output, error, null, stdoutIsTerminal: stdoutIsTerminal, cancellationToken: TestContext.Current.CancellationToken);
        return (exit, output);
    }

    /// <summary>Records how many complete lines had been written at each Flush() (the final flush of the run included).</summary>
    private sealed class FlushRecordingWriter : StringWriter
    {
        public List<int> LinesAtFlush { get; } = [];

        public override void Flush()
        {
            LinesAtFlush.Add(Lines(ToString()));
            base.Flush();
        }

        public override Task FlushAsync() => FlushAsync(CancellationToken.None);

        public override Task FlushAsync(CancellationToken cancellationToken)
        {
            Flush();
            return Task.CompletedTask;
        }
    }
}
