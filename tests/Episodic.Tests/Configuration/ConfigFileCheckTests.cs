using System.Diagnostics;
using Episodic.Cli;
using Episodic.Core.Files;
using Episodic.Llm.Configuration;
using Episodic.Tests.Llm;
using Xunit;
using static Episodic.Tests.Configuration.ConfigTestData;

namespace Episodic.Tests.Configuration;

/// <summary>
/// A configuration file that cannot be read as one is refused in one line with exit 3 (a stray carriage return, a
/// FIFO, a device, a folder), and every problem of a configuration is listed once, each naming its key.
/// </summary>
public sealed class ConfigFileCheckTests
{
    [Fact]
    public async Task A_carriage_return_inside_a_line_is_exit_3_naming_the_file_and_line()
    {
        using var ini = new TempFile();
        System.IO.File.WriteAllText(ini.Path, "[llm]\nservice = openai\r x\n[openai]\nmodel = m\r\ntimeout = 5\rtemperature = 1\n");

        var run = await InProcessCli.RunAsync(["parse", "Show.S01E01.mkv", "--llm", "--config", ini.Path], new Dictionary<string, string?>());

        Assert.Equal(ExitCodes.ConfigError, run.Exit);
        Assert.Contains($"{ini.Path}, line 2: a carriage return (\\r) inside the line", run.Err, StringComparison.Ordinal);
        Assert.Contains($"{ini.Path}, line 5:", run.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("line 4", run.Err, StringComparison.Ordinal); // a CRLF ending is fine
        Assert.DoesNotContain("unexpected error", run.Err, StringComparison.Ordinal);
        Assert.Equal("", run.Out);
    }

    [Fact]
    public void Crlf_files_still_load()
    {
        var settings = LlmConfiguration.Bind(LlmConfiguration.BuildFromText("[llm]\r\nservice = openai\r\n[openai]\r\nmodel = m\r\n", NoEnv()));

        Assert.Equal("openai", settings.Llm.Service);
        Assert.Equal("m", settings.OpenAI.Model);
    }

    [Fact]
    public async Task A_fifo_config_is_refused_in_one_line_without_being_opened()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "named pipes at a path are a POSIX thing");
        using var dir = new Routing.RoutingFixture();
        var fifo = Path.Join(dir.Root, "episodic.ini");
        MakeFifo(fifo);

        // A real process: opening a FIFO for reading blocks in open(2) until someone writes, so a regression hangs
        // there (SIGTERM cannot stop it) and the time limit fails the test instead of hanging the test run.
        var run = await CliProcess.RunAsync(["parse", "Show.S01E01.mkv", "--llm", "--config", fifo], dir.Root, timeout: TimeSpan.FromSeconds(60));

        Assert.Equal(ExitCodes.ConfigError, run.Exit);
        var line = Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains($"{fifo} is a FIFO (named pipe), not a regular file", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_folder_or_device_as_config_is_refused_naming_its_kind()
    {
        using var dir = new Routing.RoutingFixture();

        var folder = await InProcessCli.RunAsync(["check", "--config", dir.Root], new Dictionary<string, string?>());
        Assert.Equal(ExitCodes.ConfigError, folder.Exit);
        Assert.Contains($"{dir.Root} is a folder, not a regular file", folder.Err, StringComparison.Ordinal);

        if (!OperatingSystem.IsWindows())
        {
            var device = await InProcessCli.RunAsync(["route", dir.Downloads, "--library", dir.Library, "--config", "/dev/zero"], new Dictionary<string, string?>());
            Assert.Equal(ExitCodes.ConfigError, device.Exit);
            Assert.Contains("/dev/zero is a character device, not a regular file", device.Err, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void File_kinds_are_told_apart_before_opening()
    {
        using var dir = new Routing.RoutingFixture();
        var file = Path.Join(dir.Root, "plain.ini");
        System.IO.File.WriteAllText(file, "[llm]\n");

        Assert.Equal(FileKind.Regular, FileKinds.Of(file));
        Assert.Equal(FileKind.Directory, FileKinds.Of(dir.Root));
        Assert.Equal(FileKind.Missing, FileKinds.Of(Path.Join(dir.Root, "nothing")));
        if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS())
        {
            var fifo = Path.Join(dir.Root, "pipe");
            MakeFifo(fifo);
            Assert.Equal(FileKind.Fifo, FileKinds.Of(fifo));
            Assert.Equal(FileKind.CharacterDevice, FileKinds.Of("/dev/null"));
        }
    }

    [Fact]
    public async Task Parse_llm_lists_every_problem_at_once()
    {
        var env = new Dictionary<string, string?> { ["EPISODIC_LLM__SERVICE"] = "gemini", ["EPISODIC_OPENAI__TIMEOUT"] = "abc" };

        var run = await InProcessCli.RunAsync(["parse", "Show.S01E01.mkv", "--llm"], env);

        Assert.Equal(ExitCodes.ConfigError, run.Exit);
        Assert.Contains("the configuration has 2 problems:", run.Err, StringComparison.Ordinal);
        Assert.Contains("[llm] service = \"gemini\" is not a known service", run.Err, StringComparison.Ordinal);
        Assert.Contains("[openai] timeout = \"abc\" is not a number", run.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("has a problem:", run.Err, StringComparison.Ordinal);
        Assert.Equal("", run.Out);
    }

    [Fact]
    public async Task Check_says_each_problem_once()
    {
        var env = new Dictionary<string, string?> { ["EPISODIC_LLM__SERVICE"] = "gemini", ["EPISODIC_OPENAI__TIMEOUT"] = "abc" };

        var run = await InProcessCli.RunAsync(["check"], env);

        Assert.Equal(ExitCodes.ConfigError, run.Exit);
        var lines = run.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines, l => l.Contains("\"gemini\" is not a known service", StringComparison.Ordinal));
        Assert.Single(lines, l => l.Contains("[openai] timeout", StringComparison.Ordinal));
        Assert.Contains("the configuration has 2 problem(s)", run.Err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ollama", "EPISODIC_OLLAMA__HOST", "http//bad", "[ollama] host = \"http//bad\" is not a valid URL; did you mean host = http://bad?")]
    [InlineData("ollama", "OLLAMA_HOST", "https:/gpu-box:11434", "[ollama] host = \"https:/gpu-box:11434\" is not a valid URL; did you mean host = https://gpu-box:11434?")]
    [InlineData("openai", "OPENAI_BASE_URL", "http//proxy/v1", "[openai] base_url = \"http//proxy/v1\" is not a valid URL; did you mean base_url = http://proxy/v1?")]
    public async Task A_url_whose_scheme_lost_its_colon_or_slash_is_an_error_naming_the_key(string service, string variable, string value, string expected)
    {
        var env = new Dictionary<string, string?> { ["EPISODIC_LLM__SERVICE"] = service, ["OPENAI_API_KEY"] = "sk-test-0123456789abcdef", [variable] = value };

        var parse = await InProcessCli.RunAsync(["parse", "Show.S01E01.mkv", "--llm"], env);
        var check = await InProcessCli.RunAsync(["check"], env);

        Assert.Equal(ExitCodes.ConfigError, parse.Exit);
        Assert.Contains(expected, parse.Err, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.ConfigError, check.Exit);
        Assert.Contains(expected, check.Err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("httpbin.local:11434")]
    [InlineData("http-proxy")]
    [InlineData("localhost:11434")]
    [InlineData("https://gpu-box:11434")]
    [InlineData("myserver/ollama")]
    public void Hosts_that_only_start_like_a_scheme_are_fine(string host) =>
        Assert.Empty(LlmConfiguration.Validate(LlmConfiguration.Bind(LlmConfiguration.BuildFromText($"[llm]\nservice = ollama\n[ollama]\nhost = {host}\n", NoEnv()))));

    private static void MakeFifo(string path)
    {
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })!;
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
    }
}
