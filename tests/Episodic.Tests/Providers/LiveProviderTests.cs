using System.Text.Json;
using Episodic.Llm.Providers;
using Microsoft.Extensions.AI;
using Xunit;

namespace Episodic.Tests.Providers;

/// <summary>
/// One real call per provider, only when its credentials are in the environment; otherwise reported as skipped.
/// Models can be overridden with EPISODIC_OPENAI__MODEL, EPISODIC_ANTHROPIC__MODEL, EPISODIC_OLLAMA__MODEL.
/// </summary>
public sealed class LiveProviderTests
{
    private static readonly JsonElement Schema = JsonDocument.Parse("""
        {"type":"object","properties":{"title":{"type":"string"},"episode":{"type":"integer"}},"required":["title","episode"],"additionalProperties":false}
        """).RootElement.Clone();

    [Fact]
    public async Task OpenAI_live()
    {
        var key = Required("OPENAI_API_KEY");
        await AssertParsesAsync(new BackendOptions { Kind = BackendKind.OpenAI, Model = Model("OPENAI", "gpt-4o-mini"), ApiKey = key });
    }

    [Fact]
    public async Task Anthropic_live()
    {
        var key = Required("ANTHROPIC_API_KEY");
        await AssertParsesAsync(new BackendOptions { Kind = BackendKind.Anthropic, Model = Model("ANTHROPIC", "claude-haiku-4-5"), ApiKey = key });
    }

    [Fact]
    public async Task Ollama_live()
    {
        var host = Required("EPISODIC_OLLAMA__HOST");
        await AssertParsesAsync(new BackendOptions { Kind = BackendKind.Ollama, Model = Model("OLLAMA", "llama3.2"), BaseUri = new Uri(host) });
    }

    private static string Required(string variable)
    {
        var value = Environment.GetEnvironmentVariable(variable);
        if (string.IsNullOrWhiteSpace(value))
        {
            Assert.Skip($"{variable} is not set.");
        }

        return value;
    }

    private static string Model(string section, string fallback) =>
        Environment.GetEnvironmentVariable($"EPISODIC_{section}__MODEL") is { Length: > 0 } model ? model : fallback;

    private static async Task AssertParsesAsync(BackendOptions options)
    {
        using var client = ChatClientFactory.Create(options with { Timeout = TimeSpan.FromSeconds(60), MaxTokens = 200 });
        var response = await client.GetResponseAsync(
            [
                new ChatMessage(ChatRole.System, "Extract the show title and episode number from the filename. Answer with JSON only."),
                new ChatMessage(ChatRole.User, "[SubsPlease] Sousou no Frieren - 05 (1080p) [ABCD1234].mkv"),
            ],
            new ChatOptions { ResponseFormat = ChatResponseFormat.ForJsonSchema(Schema, "episode_parse"), MaxOutputTokens = 200, Temperature = 0f },
            TestContext.Current.CancellationToken);

        using var doc = JsonDocument.Parse(response.Text);
        Assert.Equal(5, doc.RootElement.GetProperty("episode").GetInt32());
        Assert.True(response.Usage?.InputTokenCount > 0);
        Assert.True(response.Usage?.OutputTokenCount > 0);
    }
}
