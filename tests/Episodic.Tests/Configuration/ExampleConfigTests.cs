using Episodic.Llm.Configuration;
using Episodic.Llm.Providers;
using Xunit;
using static Episodic.Tests.Configuration.ConfigTestData;

namespace Episodic.Tests.Configuration;

/// <summary>
/// Every INI in testdata/config is an example from docs/migrating-from-sync2nas.md: each must appear in the doc word
/// for word, load, and validate with the outcome the doc describes.
/// </summary>
public sealed class ExampleConfigTests
{
    /// <summary>File → environment used, the service it selects, and the problems (by key) the doc says to expect.</summary>
    private static readonly Dictionary<string, (Dictionary<string, string?> Env, BackendKind Service, string[] Problems)> Expected =
        new(StringComparer.Ordinal)
        {
            ["sync2nas_config.ini.example"] = (NoEnv(), BackendKind.Ollama, []),
            ["llm-ollama.ini"] = (NoEnv(), BackendKind.Ollama, []),
            ["llm-openai-key-from-env.ini"] = (NoEnv(), BackendKind.OpenAI, ["[openai] api_key is not set"]),
            ["llm-openai-key-from-env.ini+env"] = (Env(("OPENAI_API_KEY", "sk-test-0000000000000000")), BackendKind.OpenAI, []),
            ["llm-openai-compatible.ini"] = (NoEnv(), BackendKind.OpenAI, []),
            ["llm-anthropic-mixed-case.ini"] = (NoEnv(), BackendKind.Anthropic, ["[anthropic] api_key is still the example placeholder"]),
            ["llm-anthropic-mixed-case.ini+env"] = (Env(("ANTHROPIC_API_KEY", "sk-ant-test-000000000000")), BackendKind.Anthropic, []),
            ["llm-prompts-dir.ini"] = (NoEnv(), BackendKind.Ollama, []),
        };

    public static TheoryData<string> Cases() => [.. Expected.Keys];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Example_loads_and_validates_as_documented(string name)
    {
        var (env, service, problems) = Expected[name];

        var settings = LlmConfiguration.Load(File(name.Split('+')[0]), env);
        var found = LlmConfiguration.Validate(settings);

        Assert.Equal(service, LlmConfiguration.SelectedBackend(settings));
        Assert.Equal(problems.Length, found.Count);
        foreach (var problem in problems)
        {
            Assert.Contains(found, f => f.StartsWith(problem, StringComparison.Ordinal));
        }

        if (problems.Length == 0)
        {
            Assert.Equal(service, LlmConfiguration.ToBackendOptions(settings, service).Kind);
        }
    }

    [Fact]
    public void Every_example_file_has_an_expectation()
    {
        var files = Directory.GetFiles(Dir).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal);
        var covered = Expected.Keys.Select(k => k.Split('+')[0]).Distinct().Order(StringComparer.Ordinal);

        Assert.Equal(covered, files);
    }

    [Theory]
    [InlineData("llm-ollama.ini")]
    [InlineData("llm-openai-key-from-env.ini")]
    [InlineData("llm-openai-compatible.ini")]
    [InlineData("llm-anthropic-mixed-case.ini")]
    [InlineData("llm-prompts-dir.ini")]
    public void Example_appears_verbatim_in_the_migration_doc(string name)
    {
        var doc = System.IO.File.ReadAllText(MigrationDoc).ReplaceLineEndings("\n");
        var example = System.IO.File.ReadAllText(File(name)).ReplaceLineEndings("\n").TrimEnd('\n');

        Assert.Contains($"```ini\n{example}\n```", doc, StringComparison.Ordinal);
    }

    [Fact]
    public void Compatible_server_example_keeps_the_key_without_its_comment_and_the_url()
    {
        var options = LlmConfiguration.ToBackendOptions(LlmConfiguration.Load(File("llm-openai-compatible.ini"), NoEnv()), BackendKind.OpenAI);

        Assert.Equal("lm-studio", options.ApiKey);
        Assert.Equal(new Uri("http://localhost:1234/v1"), options.BaseUri);
        Assert.Equal(TimeSpan.FromSeconds(120), options.Timeout);
    }

    [Fact]
    public void Prompts_dir_example_sets_the_folder_and_remote_host()
    {
        var settings = LlmConfiguration.Load(File("llm-prompts-dir.ini"), NoEnv());

        Assert.Equal("./prompts", settings.Llm.PromptsDir);
        Assert.Equal(new Uri("http://gpu-box.lan:11434"), LlmConfiguration.ToBackendOptions(settings, BackendKind.Ollama).BaseUri);
    }

    [Fact]
    public void The_error_example_in_the_migration_doc_is_what_validation_says()
    {
        var settings = LlmConfiguration.Bind(LlmConfiguration.BuildFromText("[llm]\nservice = openai\n[openai]\ntemperature = 3\n", NoEnv()));
        var doc = System.IO.File.ReadAllText(MigrationDoc).ReplaceLineEndings("\n");

        var error = Assert.Throws<LlmConfigurationException>(() => LlmConfiguration.ThrowIfInvalid(settings));

        Assert.Contains("The LLM configuration has 2 problems:", doc, StringComparison.Ordinal);
        Assert.All(error.Problems, p => Assert.Contains($"    - {p}\n", doc, StringComparison.Ordinal));
    }
}
