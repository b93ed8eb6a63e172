using Episodic.Llm.Configuration;
using Episodic.Llm.Providers;
using Xunit;
using static Episodic.Tests.Configuration.ConfigTestData;

namespace Episodic.Tests.Configuration;

/// <summary>Reading INI files: the Sync2NAS example as is, case variants, snake_case keys, missing files.</summary>
public sealed class LoadingTests
{
    [Fact]
    public void Sync2nas_example_selects_ollama_despite_the_inline_comment()
    {
        var settings = LlmConfiguration.Load(File("sync2nas_config.ini.example"), NoEnv());

        Assert.Equal("ollama", settings.Llm.Service);
        Assert.Equal(BackendKind.Ollama, LlmConfiguration.SelectedBackend(settings));
        Assert.Equal("qwen3:14b", settings.Ollama.Model);
        Assert.Equal("http://localhost:11434", settings.Ollama.Host);
        Assert.Equal("30", settings.Ollama.Timeout);
        Assert.Equal("gpt-4", settings.OpenAI.Model);
        Assert.Equal("4000", settings.OpenAI.MaxTokens);
        Assert.Equal("0.1", settings.OpenAI.Temperature);
        Assert.Equal("your_openai_api_key_here", settings.OpenAI.ApiKey);
        Assert.Equal("claude-3-sonnet-20240229", settings.Anthropic.Model);
    }

    [Fact]
    public void Sync2nas_example_is_valid_because_only_the_selected_service_needs_a_key() =>
        Assert.Empty(LlmConfiguration.Validate(LlmConfiguration.Load(File("sync2nas_config.ini.example"), NoEnv())));

    [Theory]
    [InlineData("[OpenAI]\nAPI_KEY = k\nMODEL = m\n")]
    [InlineData("[openai]\napi_key = k\nmodel = m\n")]
    [InlineData("[OPENAI]\nApi_Key = k\nModel = m\n")]
    [InlineData("[openai]\napikey = k\nmodel = m\n")]
    public void Section_and_key_names_are_case_and_underscore_insensitive(string ini)
    {
        var settings = LlmConfiguration.Bind(LlmConfiguration.BuildFromText(ini, NoEnv()));

        Assert.Equal("k", settings.OpenAI.ApiKey);
        Assert.Equal("m", settings.OpenAI.Model);
    }

    [Fact]
    public void Service_value_is_case_insensitive_and_trimmed()
    {
        var settings = LlmConfiguration.Bind(LlmConfiguration.BuildFromText("[LLM]\nSERVICE =  OpenAI  # comment\n", NoEnv()));

        Assert.Equal(BackendKind.OpenAI, LlmConfiguration.SelectedBackend(settings));
    }

    [Fact]
    public void Snake_case_keys_bind_to_their_properties()
    {
        var ini = "[llm]\nprompts_dir = ./p\n[openai]\nbase_url = http://x:1/v1\nmax_tokens = 12\n[anthropic]\nbase_url = https://a.example\n";

        var settings = LlmConfiguration.Bind(LlmConfiguration.BuildFromText(ini, NoEnv()));

        Assert.Equal("./p", settings.Llm.PromptsDir);
        Assert.Equal("http://x:1/v1", settings.OpenAI.BaseUrl);
        Assert.Equal("12", settings.OpenAI.MaxTokens);
        Assert.Equal("https://a.example", settings.Anthropic.BaseUrl);
    }

    [Fact]
    public void A_hash_inside_a_value_is_kept()
    {
        var settings = LlmConfiguration.Bind(LlmConfiguration.BuildFromText("[openai]\napi_key = ab#cd  # my key\n", NoEnv()));

        Assert.Equal("ab#cd", settings.OpenAI.ApiKey);
    }

    [Fact]
    public void A_missing_explicit_file_is_an_error_naming_the_path()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"episodic-missing-{Guid.NewGuid():N}.ini");

        var error = Assert.Throws<LlmConfigurationException>(() => LlmConfiguration.Load(missing, NoEnv()));

        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void No_file_at_all_gives_the_defaults()
    {
        var settings = LlmConfiguration.Load(null, NoEnv());

        Assert.Equal("ollama", settings.Llm.Service);
        Assert.Equal("qwen3:14b", settings.Ollama.Model);
        Assert.Null(settings.OpenAI.ApiKey);
        Assert.Empty(LlmConfiguration.Validate(settings));
    }

    [Fact]
    public void Bad_values_and_odd_keys_never_make_loading_throw()
    {
        var ini = "stray = 1\n[llm]\nservice = gemini\n[ollama]\ntimeout = soon\nhost = ::::\n[openai]\nmax_tokens = lots\n"
            + "temperature = hot\nbase_url = nope\nnot a setting line\n[openai]\nmodel = dup\n[]\n";
        var env = Env(("EPISODIC_LLM", "x"), ("EPISODIC_OPENAI__MAX_TOKENS__EXTRA", "1"), ("OLLAMA_HOST", "[::1"));

        using var file = new TempFile();
        System.IO.File.WriteAllText(file.Path, ini);
        var settings = LlmConfiguration.Load(file.Path, env);

        Assert.Equal("gemini", settings.Llm.Service);
        Assert.Equal("dup", settings.OpenAI.Model);
        Assert.NotEmpty(LlmConfiguration.Validate(settings));
    }
}
