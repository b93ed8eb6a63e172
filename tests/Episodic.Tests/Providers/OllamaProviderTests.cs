using System.Text.Json;
using Episodic.Llm.Providers;
using Episodic.Tests.Fakes;
using OllamaSharp;
using Xunit;

namespace Episodic.Tests.Providers;

public sealed class OllamaProviderTests : ProviderContractTests<FakeOllamaServer>
{
    protected override BackendKind Kind => BackendKind.Ollama;

    protected override Uri BaseUri => Server.RootUri;

    protected override string? Key => null;

    [Fact]
    public async Task Request_has_roles_model_limits_and_format_schema()
    {
        using var client = CreateClient();

        await AskAsync(client);

        var body = Assert.Single(Server.ChatRequests).Json;
        Assert.Equal("test-model", body.GetProperty("model").GetString());
        Assert.False(body.GetProperty("stream").GetBoolean());
        var messages = body.GetProperty("messages");
        Assert.Equal("system", messages[0].GetProperty("role").GetString());
        Assert.Equal(SystemText, messages[0].GetProperty("content").GetString());
        Assert.Equal("user", messages[1].GetProperty("role").GetString());
        Assert.Equal(UserText, messages[1].GetProperty("content").GetString());
        Assert.Equal(150, body.GetProperty("options").GetProperty("num_predict").GetInt32());
        Assert.Equal(0.1, body.GetProperty("options").GetProperty("temperature").GetDouble(), 3);
        Assert.True(JsonElement.DeepEquals(Schema, body.GetProperty("format")));
    }

    [Fact]
    public async Task Tags_endpoint_lists_a_model()
    {
        using var ollama = new OllamaApiClient(Server.RootUri);

        var models = await ollama.ListLocalModelsAsync(Ct);

        Assert.Equal(FakeOllamaServer.Model, Assert.Single(models).Name);
    }

    protected override int MaxTokensSent(JsonElement body) => body.GetProperty("options").GetProperty("num_predict").GetInt32();
}
