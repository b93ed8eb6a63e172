using Episodic.Llm.Configuration;
using Xunit;
using static Episodic.Tests.Configuration.ConfigTestData;

namespace Episodic.Tests.Configuration;

/// <summary>file &lt; well-known env (OPENAI_API_KEY) &lt; EPISODIC_* env &lt; command-line overrides.</summary>
public sealed class PrecedenceTests
{
    private const string Ini = "[llm]\nservice = ollama\n[openai]\napi_key = from-file\nmodel = file-model\n";

    private static LlmSettings Load(Dictionary<string, string?> env, Dictionary<string, string?>? overrides = null) =>
        LlmConfiguration.Bind(LlmConfiguration.BuildFromText(Ini, env, overrides));

    [Fact]
    public void The_file_applies_when_nothing_overrides_it() =>
        Assert.Equal("from-file", Load(NoEnv()).OpenAI.ApiKey);

    [Fact]
    public void Well_known_env_beats_the_file() =>
        Assert.Equal("from-openai-env", Load(Env(("OPENAI_API_KEY", "from-openai-env"))).OpenAI.ApiKey);

    [Fact]
    public void Episodic_env_beats_the_well_known_env()
    {
        var env = Env(("OPENAI_API_KEY", "from-openai-env"), ("EPISODIC_OPENAI__API_KEY", "from-episodic-env"));

        Assert.Equal("from-episodic-env", Load(env).OpenAI.ApiKey);
    }

    [Fact]
    public void Command_line_beats_every_env()
    {
        var env = Env(("OPENAI_API_KEY", "from-openai-env"), ("EPISODIC_OPENAI__API_KEY", "from-episodic-env"));
        var overrides = new Dictionary<string, string?> { ["openai:api_key"] = "from-cli", ["llm:service"] = "openai" };

        var settings = Load(env, overrides);

        Assert.Equal("from-cli", settings.OpenAI.ApiKey);
        Assert.Equal("openai", settings.Llm.Service);
    }

    [Fact]
    public void Episodic_env_reaches_any_section_and_key()
    {
        var env = Env(("EPISODIC_LLM__SERVICE", "anthropic"), ("EPISODIC_OPENAI__MODEL", "env-model"),
            ("EPISODIC_ANTHROPIC__MAX_TOKENS", "123"), ("EPISODIC_LLM__PROMPTS_DIR", "/p"));

        var settings = Load(env);

        Assert.Equal("anthropic", settings.Llm.Service);
        Assert.Equal("env-model", settings.OpenAI.Model);
        Assert.Equal("123", settings.Anthropic.MaxTokens);
        Assert.Equal("/p", settings.Llm.PromptsDir);
    }

    [Fact]
    public void Well_known_base_urls_and_anthropic_key_override_the_file()
    {
        var env = Env(("OPENAI_BASE_URL", "http://o.example/v1"), ("ANTHROPIC_BASE_URL", "https://a.example"), ("ANTHROPIC_API_KEY", "ak"));

        var settings = Load(env);

        Assert.Equal("http://o.example/v1", settings.OpenAI.BaseUrl);
        Assert.Equal("https://a.example", settings.Anthropic.BaseUrl);
        Assert.Equal("ak", settings.Anthropic.ApiKey);
    }

    [Fact]
    public void Blank_environment_variables_count_as_unset()
    {
        var env = Env(("OPENAI_API_KEY", ""), ("EPISODIC_OPENAI__API_KEY", "  "));

        Assert.Equal("from-file", Load(env).OpenAI.ApiKey);
    }

    [Fact]
    public void Unrelated_environment_variables_are_ignored()
    {
        var env = Env(("SYNC2NAS_OPENAI_API_KEY", "old-prefix"), ("PATH", "/bin"), ("EPISODIC_", "x"));

        Assert.Equal("from-file", Load(env).OpenAI.ApiKey);
    }
}
