using Episodic.Cli;
using Episodic.Llm.Configuration;
using Episodic.Tests.Routing;
using Xunit;

namespace Episodic.Tests.Configuration;

/// <summary>Unknown keys in known INI sections are warned about once, naming the section, the key and the closest known key.</summary>
public sealed class UnknownKeyTests
{
    private static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> Known = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase)
    {
        ["ollama"] = ["model", "host", "timeout"],
        ["openai"] = ["api_key", "model", "max_tokens", "base_url"],
    };

    [Theory]
    [InlineData("[ollama]\nmodle = qwen3:14b\n", "[ollama] modle (line 2)", "did you mean model?")]
    [InlineData("[OpenAI]\napi-kee = sk-1\n", "[openai] api-kee (line 2)", "did you mean api_key?")]
    [InlineData("[openai]\n\nmaxtokens_ = 10\nbase_ulr: http://x\n", "[openai] base_ulr (line 4)", "did you mean base_url?")]
    [InlineData("[ollama]\nflavour = mild\n", "[ollama] flavour (line 2)", "known keys: model, host, timeout")]
    public void An_unknown_key_is_named_with_its_section_line_and_closest_known_key(string ini, string what, string hint)
    {
        var warning = Assert.Single(IniKeyCheck.Warnings(ini, Known));

        Assert.Contains(what, warning, StringComparison.Ordinal);
        Assert.EndsWith(hint, warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Known_keys_in_any_spelling_and_unknown_sections_are_not_warned_about()
    {
        const string ini = "[OLLAMA]\nMODEL = a\nHost: b # comment\n[openai]\nAPI_KEY = k\nmaxtokens = 5\n[sftp]\nhost = nas\n[database]\nanything = goes\n";

        Assert.Empty(IniKeyCheck.Warnings(ini, Known));
    }

    [Theory]
    [InlineData("model", "modle", 1)]
    [InlineData("timeout", "timeuot", 1)]
    [InlineData("host", "", 4)]
    [InlineData("abc", "abc", 0)]
    [InlineData("kitten", "sitting", 3)]
    public void Edit_distance_counts_a_transposition_as_one(string a, string b, int expected) => Assert.Equal(expected, Episodic.Core.Text.EditDistance.Between(a, b));

    [Fact]
    public void The_llm_sections_know_every_setting_the_loaders_bind()
    {
        var sections = IniKeyCheck.LlmSections;

        Assert.Contains("api_key", sections["openai"]);
        Assert.Contains("requests_per_minute", sections["anthropic"]);
        Assert.Contains("max_tokens_per_name", sections["llm"]);
        Assert.Contains("prompts_dir", sections["llm"]);
        Assert.Contains("breaker_minimum_throughput", sections["resilience"]);
        Assert.Contains("ttl_days", sections["cache"]);
        Assert.Contains("rate_limit", sections["features"]);
    }

    [Theory]
    [MemberData(nameof(ExampleFiles))]
    public async Task The_documented_example_files_give_no_warning(string name)
    {
        using var fx = new RoutingFixture();

        var run = await RouteCliTests.Run(["route", fx.Downloads, "--library", fx.Library, "--config", ConfigTestData.File(name)]);

        Assert.Equal(0, run.Exit);
        Assert.DoesNotContain("warning", run.Stderr, StringComparison.Ordinal);
    }

    public static TheoryData<string> ExampleFiles() => [.. Directory.GetFiles(Path.Join(TestPaths.RepoRoot, "testdata", "config")).Select(f => Path.GetFileName(f))];

    [Fact]
    public async Task The_cli_warns_once_on_stderr_and_still_runs()
    {
        using var fx = new RoutingFixture();
        fx.Write("Show.S01E01.mkv");
        var ini = Path.Join(fx.Root, "episodic.ini");
        File.WriteAllText(ini, $"[routing]\ntv_pth = {fx.Library}\nrename = KEEP\n[ollama]\nmodle = x\n[sftp]\nhots = nas\n[prices]\nmy-model = 1, 2\n");

        var run = await RouteCliTests.Run(["route", fx.Downloads, "--library", fx.Library, "--config", ini, "--model", "m"]);

        Assert.Equal(0, run.Exit);
        var warnings = run.Stderr.Split('\n').Where(l => l.Contains("warning:", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, warnings.Count);
        Assert.Contains(warnings, w => w.Contains("[routing] tv_pth (line 2)", StringComparison.Ordinal) && w.EndsWith("did you mean tv_path?", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Contains("[ollama] modle (line 5)", StringComparison.Ordinal) && w.EndsWith("did you mean model?", StringComparison.Ordinal));
        Assert.All(warnings, w => Assert.StartsWith($"episodic: {ini}: warning: ", w, StringComparison.Ordinal));
        Assert.Contains(Path.Join("Season 01", "Show.S01E01.mkv"), run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Show - S01E01.mkv", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_key_in_an_episodic_variable_names_the_variable_to_use()
    {
        using var fx = new RoutingFixture();
        var environment = new Dictionary<string, string?>
        {
            ["EPISODIC_OLLAMA__MODLE"] = "qwen3:8b",
            ["EPISODIC_OPENAI__API_KEY"] = "sk-test",
            ["EPISODIC_SFTP__HOTS"] = "nas",
            ["EPISODIC_JOURNAL_KEY_FILE"] = "/tmp/k",
            ["EPISODIC_ROUTING__TV_PTH"] = "",
        };

        var warning = Assert.Single(IniKeyCheck.EnvironmentWarnings(environment, ConfigSections.Known));
        Assert.Equal("warning: EPISODIC_OLLAMA__MODLE sets [ollama] modle, which is not a known key and is ignored; did you mean EPISODIC_OLLAMA__MODEL?", warning);

        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CliApp.RunAsync(["route", fx.Downloads, "--library", fx.Library], new StringReader(""), output, error, environment: environment, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(0, exit);
        Assert.Single(error.ToString().Split('\n'), l => l.StartsWith("episodic: warning: EPISODIC_OLLAMA__MODLE", StringComparison.Ordinal));
    }
}
