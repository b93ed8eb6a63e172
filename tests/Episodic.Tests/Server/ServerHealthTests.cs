using System.Net;
using System.Text.Json;
using Episodic.Llm.Configuration;
using Episodic.Llm.Pipeline;
using Episodic.Server;
using Episodic.Tests.Fakes;
using Xunit;

namespace Episodic.Tests.Server;

/// <summary>Liveness and readiness: rules-only servers are ready; LLM servers are ready while the selected backend answers.</summary>
public sealed class ServerHealthTests
{
    private const string ProviderKey = "sk-serve-secret-abcdef123456";

    [Fact]
    public async Task Rules_only_server_is_live_and_ready()
    {
        await using var server = await RunningServer.StartAsync();

        using var live = await server.GetAsync(EpisodicServer.LivePath);
        using var ready = await server.GetAsync(EpisodicServer.ReadyPath);

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        using var doc = JsonDocument.Parse(await ready.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("Healthy", doc.RootElement.GetProperty("status").GetString());
        var check = Assert.Single(doc.RootElement.GetProperty("checks").EnumerateArray());
        Assert.Equal("rules", check.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Ready_turns_503_when_the_selected_backend_goes_down()
    {
        FakeOpenAiServer? fake = new() { RequiredApiKey = ProviderKey };
        try
        {
            await using var server = await RunningServer.StartAsync(LlmServer(fake, TimeSpan.Zero));

            using var up = await server.GetAsync(EpisodicServer.ReadyPath);
            var upText = await up.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            Assert.True(up.StatusCode == HttpStatusCode.OK, upText);
            var check = BackendCheck(upText);
            Assert.Equal("Healthy", check.GetProperty("status").GetString());
            Assert.Equal("selected", check.GetProperty("role").GetString());
            Assert.Equal(FakeOpenAiServer.Model, check.GetProperty("model").GetString());
            Assert.DoesNotContain(ProviderKey, upText, StringComparison.Ordinal);

            fake.Dispose();
            fake = null;
            using var down = await server.GetAsync(EpisodicServer.ReadyPath);
            var downText = await down.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

            Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
            using var doc = JsonDocument.Parse(downText);
            Assert.Equal("Unhealthy", doc.RootElement.GetProperty("status").GetString());
            Assert.Equal("Unhealthy", BackendCheck(downText).GetProperty("status").GetString());
            Assert.Contains("unreachable", BackendCheck(downText).GetProperty("description").GetString(), StringComparison.Ordinal);
            Assert.DoesNotContain(ProviderKey, downText, StringComparison.Ordinal);

            using var live = await server.GetAsync(EpisodicServer.LivePath);
            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        }
        finally
        {
            fake?.Dispose();
        }
    }

    [Fact]
    public async Task Readiness_probes_are_cached_between_checks()
    {
        using var fake = new FakeOpenAiServer { RequiredApiKey = ProviderKey };
        await using var server = await RunningServer.StartAsync(LlmServer(fake, TimeSpan.FromMinutes(5)));

        for (var i = 0; i < 3; i++)
        {
            using var ready = await server.GetAsync(EpisodicServer.ReadyPath);
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        }

        Assert.Single(fake.Requests, r => r.Path == "/v1/models");
    }

    [Fact]
    public async Task Wrong_provider_key_makes_the_server_not_ready()
    {
        using var fake = new FakeOpenAiServer { RequiredApiKey = "sk-some-other-key-000000000" };
        await using var server = await RunningServer.StartAsync(LlmServer(fake, TimeSpan.Zero));

        using var ready = await server.GetAsync(EpisodicServer.ReadyPath);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        var text = await ready.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("not authenticated", text, StringComparison.Ordinal);
        Assert.DoesNotContain(ProviderKey, text, StringComparison.Ordinal);
    }

    private static ServerOptions LlmServer(FakeOpenAiServer fake, TimeSpan probeCache) => new()
    {
        UseLlm = true,
        Configuration = LlmConfiguration.BuildFromText(null, new Dictionary<string, string?>
        {
            ["EPISODIC_LLM__SERVICE"] = "openai",
            ["OPENAI_API_KEY"] = ProviderKey,
            ["OPENAI_BASE_URL"] = fake.BaseUri.ToString(),
            ["EPISODIC_OPENAI__MODEL"] = FakeOpenAiServer.Model,
        }),
        Overrides = new PipelineOverrides { NoCache = true },
        ProbeCacheDuration = probeCache,
    };

    private static JsonElement BackendCheck(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.GetProperty("checks").EnumerateArray()
            .Single(c => c.GetProperty("name").GetString() == $"openai:{FakeOpenAiServer.Model}")
            .Clone();
    }
}
