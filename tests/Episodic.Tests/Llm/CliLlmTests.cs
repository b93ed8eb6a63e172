using System.Text.Json;
using Episodic.Cli;
using Episodic.Tests.Fakes;
using Xunit;

namespace Episodic.Tests.Llm;

/// <summary>The CLI's LLM doors: parse --llm, suggest-show, shorten, and configuration errors that name the key.</summary>
public sealed class CliLlmTests
{
    private const string Key = "sk-cli-test-0123456789abcd";

    private static Task<(int Exit, string Out, string Err)> Run(string[] args, IReadOnlyDictionary<string, string?> env, string stdin = "") =>
        InProcessCli.RunAsync(args, env, stdin);

    private static Dictionary<string, string?> OpenAiEnv(FakeOpenAiServer server) => new()
    {
        ["EPISODIC_LLM__SERVICE"] = "openai",
        ["OPENAI_API_KEY"] = Key,
        ["OPENAI_BASE_URL"] = server.BaseUri.ToString(),
        ["EPISODIC_OPENAI__MODEL"] = "test-model",
        ["EPISODIC_RESILIENCE__MAX_RETRIES"] = "0",
    };

    [Fact]
    public async Task Parse_with_llm_sends_names_to_the_configured_backend()
    {
        using var server = new FakeOpenAiServer();
        server.Enqueue(FakeReply.Text("""{"show_name":"Dandadan","year":null,"season":null,"episodes":[18],"absolute_episodes":[18],"air_date":null,"full_season":false,"special":false,"crc32":"9226CA61","release_group":"SubsPlease","version":null,"is_episode":true,"confidence":0.95,"reasoning":"Dash number."}"""));

        var (exit, output, error) = await Run(["parse", "-", "--strategy", "llm-only", "--no-cache", "-f", "jsonl"], OpenAiEnv(server), "[SubsPlease] Dandadan - 18 (1080p) [9226CA61].mkv\n");

        Assert.Equal(0, exit);
        using var doc = JsonDocument.Parse(output.Trim());
        Assert.Equal("llm:openai:test-model", doc.RootElement.GetProperty("source").GetString());
        Assert.Equal(18, doc.RootElement.GetProperty("episode").GetInt32());
        Assert.DoesNotContain(Key, output + error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parse_with_llm_shows_progress_on_a_terminal_and_keeps_it_out_of_stdout()
    {
        using var server = new FakeOpenAiServer();
        server.Enqueue(FakeReply.Text("""{"show_name":"Dandadan","year":null,"season":null,"episodes":[18],"absolute_episodes":[18],"air_date":null,"full_season":false,"special":false,"crc32":"9226CA61","release_group":"SubsPlease","version":null,"is_episode":true,"confidence":0.95,"reasoning":"Dash number."}"""));
        using var input = new StringReader("[SubsPlease] Dandadan - 18 (1080p) [9226CA61].mkv\n");
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await CliApp.RunAsync(["parse", "-", "--strategy", "llm-only", "--no-cache", "-f", "jsonl"], input, output, error, stderrIsTerminal: true, environment: OpenAiEnv(server), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(0, exit);
        Assert.Contains("parsed 1 name(s), 1 by the model", error.ToString(), StringComparison.Ordinal);
        Assert.EndsWith("\r\u001b[2K", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b", output.ToString(), StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(output.ToString().Trim());
        Assert.Equal(18, doc.RootElement.GetProperty("episode").GetInt32());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Route_with_llm_shows_progress_only_on_a_terminal(bool terminal)
    {
        using var server = new FakeOpenAiServer();
        var root = Directory.CreateTempSubdirectory("episodic-route-progress-");
        try
        {
            var downloads = Directory.CreateDirectory(Path.Join(root.FullName, "downloads"));
            var library = Directory.CreateDirectory(Path.Join(root.FullName, "library"));
            await File.WriteAllTextAsync(Path.Join(downloads.FullName, "Show.Name.S01E02.720p.mkv"), "video", TestContext.Current.CancellationToken);
            using var input = new StringReader("");
            using var output = new StringWriter();
            using var error = new StringWriter();

            var exit = await CliApp.RunAsync(["route", downloads.FullName, "--library", library.FullName, "--llm", "-f", "json"], input, output, error, stderrIsTerminal: terminal, environment: new Dictionary<string, string?>(OpenAiEnv(server)) { ["EPISODIC_FEATURES__CACHE"] = "off" }, cancellationToken: TestContext.Current.CancellationToken);

            Assert.True(exit == 0, error.ToString());
            Assert.DoesNotContain("\u001b", output.ToString(), StringComparison.Ordinal);
            using var plan = JsonDocument.Parse(output.ToString());
            Assert.Single(plan.RootElement.GetProperty("plan").EnumerateArray());
            if (terminal)
            {
                Assert.Contains("\r\u001b[2Kparsing 0/1", error.ToString(), StringComparison.Ordinal);
                Assert.Contains("matching show folders", error.ToString(), StringComparison.Ordinal);
            }
            else
            {
                Assert.DoesNotContain("\u001b", error.ToString(), StringComparison.Ordinal);
                Assert.DoesNotContain("parsing 0/1", error.ToString(), StringComparison.Ordinal);
            }
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_failing_backend_leaves_the_rules_answer_and_says_so()
    {
        using var server = new FakeOpenAiServer();
        server.Enqueue(FakeReply.Error(500, "boom"));

        var (exit, output, error) = await Run(["parse", "-", "--strategy", "llm-only", "--no-cache", "-f", "jsonl"], OpenAiEnv(server), "Show.Name.S01E02.720p.mkv\n");

        Assert.Equal(0, exit);
        using var doc = JsonDocument.Parse(output.Trim());
        Assert.Equal("rules", doc.RootElement.GetProperty("source").GetString());
        Assert.Contains("openai:test-model failed", doc.RootElement.GetProperty("reasoning").GetString(), StringComparison.Ordinal);
        Assert.Equal(2, doc.RootElement.GetProperty("episode").GetInt32());
        Assert.Single(server.ChatRequests);
        Assert.DoesNotContain(Key, output + error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_llm_configuration_lists_every_problem_and_leaves_rules_only_commands_alone()
    {
        var env = new Dictionary<string, string?> { ["EPISODIC_LLM__SERVICE"] = "openai", ["EPISODIC_OPENAI__TEMPERATURE"] = "hot" };

        var (exit, _, error) = await Run(["parse", "-", "--llm"], env, "Show.S01E01.mkv\n");
        Assert.Equal(CliApp.ExitConfigError, exit);
        Assert.Contains("api_key", error, StringComparison.Ordinal);
        Assert.Contains("temperature", error, StringComparison.Ordinal);

        var (rulesExit, output, _) = await Run(["parse", "-", "-f", "jsonl"], env, "Show.S01E01.mkv\n");
        Assert.Equal(0, rulesExit);
        Assert.Contains("\"episode\":1", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Suggest_show_prints_the_chosen_candidate()
    {
        using var server = new FakeOpenAiServer();
        server.Enqueue(FakeReply.Text("""{"id":7,"show_name":"whatever","confidence":0.9,"reasoning":"Same show."}"""));
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(file, """[{"id":7,"name":"The Apothecary Diaries","original_name":"薬屋のひとりごと","alternative_titles":["Kusuriya no Hitorigoto"]},{"id":9,"name":"Other"}]""", TestContext.Current.CancellationToken);
            var (exit, output, _) = await Run(["suggest-show", "Kusuriya no Hitorigoto", "--candidates", file], OpenAiEnv(server));

            Assert.Equal(0, exit);
            using var doc = JsonDocument.Parse(output);
            Assert.Equal(7, doc.RootElement.GetProperty("id").GetInt32());
            Assert.Equal("The Apothecary Diaries", doc.RootElement.GetProperty("show_name").GetString());
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Shorten_without_llm_needs_no_configuration_and_fits()
    {
        var (exit, output, _) = await Run(["shorten", "The Extraordinarily Long Title of a Show.S01E02.An Episode Title.1080p.WEB-DL.mkv", "--max-length", "32"], new Dictionary<string, string?>());
        Assert.Equal(0, exit);
        var name = output.Trim();
        Assert.True(name.Length <= 32, name);
        Assert.EndsWith("S01E02.mkv", name, StringComparison.Ordinal);
    }
}
