using Episodic.Llm.Configuration;
using Episodic.Llm.Providers;
using Xunit;
using static Episodic.Tests.Configuration.ConfigTestData;

namespace Episodic.Tests.Configuration;

/// <summary>OLLAMA_HOST may omit the scheme and the port, as the Ollama CLI allows.</summary>
public sealed class OllamaHostTests
{
    [Theory]
    [InlineData("127.0.0.1:11434", "http://127.0.0.1:11434")]
    [InlineData("0.0.0.0", "http://0.0.0.0:11434")]
    [InlineData("gpu-box", "http://gpu-box:11434")]
    [InlineData("gpu-box:8080", "http://gpu-box:8080")]
    [InlineData(":9999", "http://127.0.0.1:9999")]
    [InlineData("[::1]:11500", "http://[::1]:11500")]
    [InlineData("[::1]", "http://[::1]:11434")]
    [InlineData("::1", "http://[::1]:11434")]
    [InlineData("box:1/sub", "http://box:1/sub")]
    [InlineData("https://ollama.example", "https://ollama.example")]
    [InlineData("  http://localhost:11434  ", "http://localhost:11434")]
    public void Normalize_fills_in_scheme_and_port(string raw, string expected) =>
        Assert.Equal(expected, OllamaHost.Normalize(raw));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Blank_is_null(string? raw) => Assert.Null(OllamaHost.Normalize(raw));

    [Fact]
    public void Ollama_host_env_is_normalised_and_overrides_the_file()
    {
        var settings = LlmConfiguration.Bind(LlmConfiguration.BuildFromText("[ollama]\nhost = http://file:1\n", Env(("OLLAMA_HOST", "127.0.0.1:11434"))));

        Assert.Equal("http://127.0.0.1:11434", settings.Ollama.Host);
    }

    [Fact]
    public void A_scheme_less_host_in_the_file_is_accepted_too()
    {
        var settings = LlmConfiguration.Bind(LlmConfiguration.BuildFromText("[ollama]\nhost = box\n", NoEnv()));

        Assert.Empty(LlmConfiguration.Validate(settings));
        Assert.Equal(new Uri("http://box:11434"), LlmConfiguration.ToBackendOptions(settings, BackendKind.Ollama).BaseUri);
    }
}
