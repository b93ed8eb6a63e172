using System.Text.Json;
using Episodic.Cli;
using Episodic.Tests.Fakes;
using Xunit;

namespace Episodic.Tests.Llm;

/// <summary>
/// <c>eval --llm</c> against the in-process OpenAI and Anthropic fakes: a row per backend next to the rules row, every
/// column computed from what the fakes really answered (usage, rejections, latency), and the cost gate.
/// </summary>
public sealed class EvalLlmTests : IDisposable
{
    private const string OpenAiKey = "sk-eval-test-0123456789abcd";
    private const string AnthropicKey = "sk-ant-eval-test-0123456789";

    // Fancy Show 1071 is absolute numbering by its label; the rules read it as S10E71 (compact), a model fixes it.
    private const string Corpus = """
        id	source	filename	options	title	year	season	episodes	absolute_episodes	air_date	full_season	special	crc32	release_group	expect_none	hand_labelled	notes
        mine-0001	mine	Show.Name.S01E02.720p.mkv		Show Name		1	2							0	1	
        mine-0002	mine	Other.Show.S02E05.1080p.mkv		Other Show		2	5							0	1	
        mine-0003	mine	Fancy.Show.1071.mkv		Fancy Show			1071							0	1	
        mine-0004	mine	Plain.Title.S01E07.mkv		Plain Title		1	7							0	1	
        """;

    private readonly string _dir = Directory.CreateTempSubdirectory("episodic-eval-llm-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task Eval_llm_prints_the_rules_row_and_a_row_per_backend_with_every_column()
    {
        using var openai = new FakeOpenAiServer();
        using var anthropic = new FakeAnthropicServer();
        // OpenAI fixes Fancy Show and answers Plain Title with a number the name does not hold (rejected, twice).
        openai.Responder = new NameResponder(new Dictionary<string, string>
        {
            ["Show.Name.S01E02.720p.mkv"] = NameResponder.Answer("Show Name", 1, [2]),
            ["Other.Show.S02E05.1080p.mkv"] = NameResponder.Answer("Other Show", 2, [5]),
            ["Fancy.Show.1071.mkv"] = NameResponder.Answer("Fancy Show", null, [1071], [1071]),
            ["Plain.Title.S01E07.mkv"] = NameResponder.Answer("Plain Title", 1, [99]),
        }).Reply;
        // Anthropic fixes Fancy Show but breaks Other Show (a grounded but wrong title).
        anthropic.Responder = new NameResponder(new Dictionary<string, string>
        {
            ["Show.Name.S01E02.720p.mkv"] = NameResponder.Answer("Show Name", 1, [2]),
            ["Other.Show.S02E05.1080p.mkv"] = NameResponder.Answer("Other", 2, [5]),
            ["Fancy.Show.1071.mkv"] = NameResponder.Answer("Fancy Show", null, [1071], [1071]),
            ["Plain.Title.S01E07.mkv"] = NameResponder.Answer("Plain Title", 1, [7]),
        }).Reply;
        var corpus = WriteCorpus();
        string[] args = ["eval", corpus, "--llm", "--backend", "openai,anthropic", "--strategy", "llm-only", "--no-cache"];

        var (exit, text, error) = await Run(args, Env(openai, anthropic));
        var (jsonExit, json, _) = await Run([.. args, "--format", "json"], Env(openai, anthropic));

        Assert.Equal(0, exit);
        Assert.Equal(0, jsonExit);
        var lines = text.Split('\n');
        Assert.Contains(lines, l => l.StartsWith("tier ", StringComparison.Ordinal) && l.Contains("exact %", StringComparison.Ordinal) && l.Contains("conf-wrong %", StringComparison.Ordinal)
            && l.Contains("fixed", StringComparison.Ordinal) && l.Contains("broken", StringComparison.Ordinal) && l.Contains("rejected", StringComparison.Ordinal)
            && l.Contains("requests", StringComparison.Ordinal) && l.Contains("in tokens", StringComparison.Ordinal) && l.Contains("out tokens", StringComparison.Ordinal)
            && l.Contains("cost $", StringComparison.Ordinal) && l.Contains("p50 ms", StringComparison.Ordinal) && l.Contains("p95 ms", StringComparison.Ordinal)
            && l.Contains("field misses", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("rules ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("openai:gpt-4o-mini ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("anthropic:claude-haiku-4-5 ", StringComparison.Ordinal));
        Assert.Contains("estimate for openai:gpt-4o-mini: 4 of 4 names", error, StringComparison.Ordinal);
        Assert.DoesNotContain(OpenAiKey, text + error, StringComparison.Ordinal);
        Assert.DoesNotContain(AnthropicKey, text + error, StringComparison.Ordinal);

        using var doc = JsonDocument.Parse(json);
        var tiers = doc.RootElement.GetProperty("tiers").EnumerateArray().ToDictionary(t => t.GetProperty("name").GetString()!);
        Assert.Equal(["rules", "openai:gpt-4o-mini", "anthropic:claude-haiku-4-5"], tiers.Keys);

        var rules = tiers["rules"];
        Assert.Equal(3, rules.GetProperty("exact").GetInt32());
        Assert.Equal(0, rules.GetProperty("requests").GetInt32());
        Assert.True(rules.GetProperty("field_misses").GetProperty("episodes").GetInt32() >= 1);

        var o = tiers["openai:gpt-4o-mini"];
        Assert.Equal(4, o.GetProperty("rows").GetInt32());
        Assert.Equal(4, o.GetProperty("exact").GetInt32());
        Assert.Equal(4, o.GetProperty("escalated").GetInt32());
        Assert.Equal(1, o.GetProperty("fixed").GetInt32());
        Assert.Equal(0, o.GetProperty("broken").GetInt32());
        Assert.Equal(1, o.GetProperty("rejected").GetInt32());
        // One batch, then Plain Title alone and once more with the rejection fed back.
        Assert.Equal(3, o.GetProperty("requests").GetInt32());
        Assert.Equal(3 * 12, o.GetProperty("input_tokens").GetInt32());
        Assert.Equal(3 * 7, o.GetProperty("output_tokens").GetInt32());
        Assert.Equal(((36 * 0.15) + (21 * 0.60)) / 1_000_000, o.GetProperty("cost_usd").GetDouble(), 9);
        Assert.True(o.GetProperty("estimated_cost_usd").GetDouble() > 0);
        Assert.True(o.GetProperty("latency_p50_ms").GetDouble() > 0);
        Assert.True(o.GetProperty("latency_p95_ms").GetDouble() >= o.GetProperty("latency_p50_ms").GetDouble());

        var a = tiers["anthropic:claude-haiku-4-5"];
        Assert.Equal(3, a.GetProperty("exact").GetInt32());
        Assert.Equal(1, a.GetProperty("fixed").GetInt32());
        Assert.Equal(1, a.GetProperty("broken").GetInt32());
        Assert.Equal(0, a.GetProperty("rejected").GetInt32());
        Assert.Equal(1, a.GetProperty("requests").GetInt32());
        Assert.Equal(1, a.GetProperty("field_misses").GetProperty("title").GetInt32());
        Assert.Equal(25.0, a.GetProperty("confident_wrong_pct").GetDouble());
    }

    [Fact]
    public async Task A_run_over_a_dollar_is_refused_without_yes_off_a_terminal_and_sends_nothing()
    {
        using var openai = new FakeOpenAiServer();
        openai.DefaultReply = FakeReply.Text(NameResponder.Answer("Show Name", 1, [2]));
        var corpus = WriteCorpus();
        var config = Path.Combine(_dir, "dear.ini");
        await File.WriteAllTextAsync(config, "[prices]\ngpt-4o-mini = 90000, 90000\n", TestContext.Current.CancellationToken);
        string[] args = ["eval", corpus, "--llm", "--backend", "openai", "--strategy", "llm-only", "--no-cache", "--config", config, "--limit", "1"];

        var (exit, output, error) = await Run(args, Env(openai, null));

        Assert.Equal(ExitCodes.NotConfirmed, exit);
        Assert.Equal("", output);
        Assert.Contains("nothing was sent. Pass --yes", error, StringComparison.Ordinal);
        Assert.Empty(openai.ChatRequests);

        // A terminal asks; "n" refuses, "y" sends.
        var (noExit, _, _) = await Run(args, Env(openai, null), "n\n", stdinIsTerminal: true);
        Assert.Equal(ExitCodes.NotConfirmed, noExit);
        Assert.Empty(openai.ChatRequests);
        var (yesExit, yesOut, _) = await Run(args, Env(openai, null), "y\n", stdinIsTerminal: true);
        Assert.Equal(0, yesExit);
        Assert.Contains("openai:gpt-4o-mini", yesOut, StringComparison.Ordinal);
        Assert.Single(openai.ChatRequests);

        var (forcedExit, _, _) = await Run([.. args, "--yes"], Env(openai, null));
        Assert.Equal(0, forcedExit);
        Assert.Equal(2, openai.ChatRequests.Count);
    }

    [Fact]
    public async Task Limit_with_a_sample_seed_picks_the_same_names_every_time()
    {
        using var openai = new FakeOpenAiServer();
        var corpus = WriteCorpus();
        string[] args = ["eval", corpus, "--llm", "--backend", "openai", "--strategy", "llm-only", "--no-cache", "--limit", "2", "--sample", "7", "--format", "json"];

        var (first, out1, _) = await Run(args, Env(openai, null));
        var asked1 = openai.ChatRequests.Select(r => r.Body).ToList();
        var (second, out2, _) = await Run(args, Env(openai, null));

        Assert.Equal(0, first);
        Assert.Equal(0, second);
        using var doc = JsonDocument.Parse(out1);
        Assert.Equal(2, doc.RootElement.GetProperty("rows").GetInt32());
        Assert.Equal(asked1.Count * 2, openai.ChatRequests.Count);
        Assert.Equal(asked1, openai.ChatRequests.Skip(asked1.Count).Select(r => r.Body).ToList());
    }

    private string WriteCorpus()
    {
        var path = Path.Combine(_dir, "mine.tsv");
        File.WriteAllText(path, Corpus.Replace("\r\n", "\n", StringComparison.Ordinal) + "\n");
        return path;
    }

    private static Dictionary<string, string?> Env(FakeOpenAiServer openai, FakeAnthropicServer? anthropic)
    {
        var env = new Dictionary<string, string?>
        {
            ["EPISODIC_LLM__SERVICE"] = "openai",
            ["OPENAI_API_KEY"] = OpenAiKey,
            ["OPENAI_BASE_URL"] = openai.BaseUri.ToString(),
            ["EPISODIC_OPENAI__MODEL"] = "gpt-4o-mini",
            ["EPISODIC_RESILIENCE__MAX_RETRIES"] = "0",
        };
        if (anthropic is not null)
        {
            env["ANTHROPIC_API_KEY"] = AnthropicKey;
            env["ANTHROPIC_BASE_URL"] = anthropic.RootUri.ToString();
            env["EPISODIC_ANTHROPIC__MODEL"] = "claude-haiku-4-5";
        }

        return env;
    }

    private static Task<(int Exit, string Out, string Err)> Run(string[] args, IReadOnlyDictionary<string, string?> env, string stdin = "", bool stdinIsTerminal = false) =>
        InProcessCli.RunAsync(args, env, stdin, stdinIsTerminal);
}
