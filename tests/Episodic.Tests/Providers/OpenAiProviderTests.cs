using System.Text.Json;
using Episodic.Llm.Providers;
using Episodic.Tests.Fakes;
using Xunit;

namespace Episodic.Tests.Providers;

public sealed class OpenAiProviderTests : ProviderContractTests<FakeOpenAiServer>
{
    protected override BackendKind Kind => BackendKind.OpenAI;

    protected override Uri BaseUri => Server.BaseUri;

    [Fact]
    public async Task Request_has_roles_model_limits_and_json_schema_response_format()
    {
        Server.RequiredApiKey = ApiKey;
        using var client = CreateClient();

        await AskAsync(client);

        var request = Assert.Single(Server.ChatRequests);
        Assert.Equal($"Bearer {ApiKey}", request.Header("Authorization"));
        var body = request.Json;
        Assert.Equal("test-model", body.GetProperty("model").GetString());
        var messages = body.GetProperty("messages");
        Assert.Equal("system", messages[0].GetProperty("role").GetString());
        Assert.Equal(SystemText, messages[0].GetProperty("content").GetString());
        Assert.Equal("user", messages[1].GetProperty("role").GetString());
        Assert.Equal(UserText, messages[1].GetProperty("content").GetString());
        Assert.Equal(150, body.GetProperty("max_completion_tokens").GetInt32());
        Assert.Equal(0.1, body.GetProperty("temperature").GetDouble(), 3);
        var format = body.GetProperty("response_format");
        Assert.Equal("json_schema", format.GetProperty("type").GetString());
        Assert.Equal(SchemaName, format.GetProperty("json_schema").GetProperty("name").GetString());
        Assert.True(JsonElement.DeepEquals(Schema, format.GetProperty("json_schema").GetProperty("schema")));
    }

    [Fact]
    public async Task Models_endpoint_lists_a_model()
    {
        using var http = new HttpClient();

        using var doc = JsonDocument.Parse(await http.GetStringAsync(new Uri(Server.BaseUri + "/models"), Ct));

        Assert.Equal("list", doc.RootElement.GetProperty("object").GetString());
        Assert.Equal(FakeOpenAiServer.Model, doc.RootElement.GetProperty("data")[0].GetProperty("id").GetString());
    }

    protected override int MaxTokensSent(JsonElement body) => body.GetProperty("max_completion_tokens").GetInt32();
}
