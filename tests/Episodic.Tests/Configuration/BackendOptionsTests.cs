using Episodic.Llm.Configuration;
using Episodic.Llm.Providers;
using Xunit;
using static Episodic.Tests.Configuration.ConfigTestData;

namespace Episodic.Tests.Configuration;

/// <summary>From string settings to typed <see cref="BackendOptions"/>, and the selected backend.</summary>
public sealed class BackendOptionsTests
{
    private static LlmSettings Settings(string ini, Dictionary<string, string?>? env = null) =>
        LlmConfiguration.Bind(LlmConfiguration.BuildFromText(ini, env ?? NoEnv()));

    [Fact]
    public void Openai_values_become_typed_options()
    {
        var settings = Settings("[openai]\napi_key = k-123\nmodel = gpt-x\nmax_tokens = 321\ntemperature = 0.7\nbase_url = http://localhost:1234/v1\ntimeout = 2.5\n");

        var options = LlmConfiguration.ToBackendOptions(settings, BackendKind.OpenAI);

        Assert.Equal(BackendKind.OpenAI, options.Kind);
        Assert.Equal("gpt-x", options.Model);
        Assert.Equal("k-123", options.ApiKey);
        Assert.Equal(321, options.MaxTokens);
        Assert.Equal(0.7f, options.Temperature);
        Assert.Equal(new Uri("http://localhost:1234/v1"), options.BaseUri);
        Assert.Equal(TimeSpan.FromSeconds(2.5), options.Timeout);
        Assert.Equal("openai:gpt-x", options.Name);
    }

    [Fact]
    public void Ollama_defaults_need_no_key()
    {
        var options = LlmConfiguration.ToBackendOptions(new LlmSettings(), BackendKind.Ollama);

        Assert.Equal("qwen3:14b", options.Model);
        Assert.Null(options.ApiKey);
        Assert.Equal(new Uri("http://localhost:11434"), options.BaseUri);
        Assert.Equal(TimeSpan.FromSeconds(30), options.Timeout);
    }

    [Fact]
    public void Unset_base_url_means_the_provider_default()
    {
        var options = LlmConfiguration.ToBackendOptions(Settings("[anthropic]\napi_key = ak\n"), BackendKind.Anthropic);

        Assert.Null(options.BaseUri);
        Assert.Equal("claude-3-5-haiku-latest", options.Model);
        Assert.Equal(TimeSpan.FromSeconds(60), options.Timeout);
    }

    [Fact]
    public void The_requested_backend_needs_its_key_even_when_not_selected()
    {
        var error = Assert.Throws<LlmConfigurationException>(() => LlmConfiguration.ToBackendOptions(new LlmSettings(), BackendKind.Anthropic));

        Assert.Contains("[anthropic] api_key", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void All_problems_of_the_requested_section_are_thrown_together_and_others_ignored()
    {
        var settings = Settings("[openai]\napi_key = k\ntimeout = x\ntemperature = 5\nmodel =\n[ollama]\ntimeout = bad\n");

        var error = Assert.Throws<LlmConfigurationException>(() => LlmConfiguration.ToBackendOptions(settings, BackendKind.OpenAI));

        Assert.Equal(3, error.Problems.Count);
        Assert.DoesNotContain(error.Problems, p => p.Contains("[ollama]", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("ollama", BackendKind.Ollama)]
    [InlineData("OpenAI", BackendKind.OpenAI)]
    [InlineData(" anthropic ", BackendKind.Anthropic)]
    public void Selected_backend_reads_the_service(string service, BackendKind expected) =>
        Assert.Equal(expected, LlmConfiguration.SelectedBackend(new LlmSettings { Llm = new LlmSection { Service = service } }));

    [Theory]
    [InlineData("gemini")]
    [InlineData("1")]
    [InlineData("")]
    public void Selected_backend_rejects_unknown_services(string service)
    {
        var error = Assert.Throws<LlmConfigurationException>(() => LlmConfiguration.SelectedBackend(new LlmSettings { Llm = new LlmSection { Service = service } }));

        Assert.Contains("[llm] service", error.Message, StringComparison.Ordinal);
        Assert.Contains("ollama, openai, anthropic", error.Message, StringComparison.Ordinal);
    }
}
