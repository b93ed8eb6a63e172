using System.Text.Json;
using Episodic.Llm.Providers;
using Episodic.Tests.Fakes;
using Microsoft.Extensions.AI;
using Xunit;

namespace Episodic.Tests.Providers;

public sealed class AnthropicProviderTests : ProviderContractTests<FakeAnthropicServer>
{
    protected override BackendKind Kind => BackendKind.Anthropic;

    protected override Uri BaseUri => Server.RootUri;

    [Fact]
    public async Task Request_has_top_level_system_model_limits_and_output_config_schema()
    {
        Server.RequiredApiKey = ApiKey;
        using var client = CreateClient();

        await AskAsync(client);

        var request = Assert.Single(Server.ChatRequests);
        // The key goes in x-api-key (the SDK's own "Authorization: Bearer" is rewritten), next to anthropic-version.
        Assert.Equal(ApiKey, request.Header("x-api-key"));
        Assert.Null(request.Header("Authorization"));
        Assert.False(string.IsNullOrEmpty(request.Header("anthropic-version")));
        var body = request.Json;
        Assert.Equal("test-model", body.GetProperty("model").GetString());
        Assert.Equal(150, body.GetProperty("max_tokens").GetInt32());
        Assert.Equal(SystemText, body.GetProperty("system")[0].GetProperty("text").GetString());
        var message = Assert.Single(body.GetProperty("messages").EnumerateArray());
        Assert.Equal("user", message.GetProperty("role").GetString());
        Assert.Equal(UserText, message.GetProperty("content")[0].GetProperty("text").GetString());
        var format = body.GetProperty("output_config").GetProperty("format");
        Assert.Equal("json_schema", format.GetProperty("type").GetString());
        Assert.True(JsonElement.DeepEquals(Schema, format.GetProperty("schema")));
    }

    [Fact]
    public async Task Tool_use_block_is_understood()
    {
        Server.Enqueue(FakeReply.ToolUse("episode_parse", """{"title":"Frieren","episode":5}"""));
        using var client = CreateClient();

        var response = await AskAsync(client);

        var call = Assert.Single(response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>());
        Assert.Equal("episode_parse", call.Name);
        Assert.Equal("Frieren", call.Arguments?["title"]?.ToString());
        Assert.Equal(ChatFinishReason.ToolCalls, response.FinishReason);
    }

    protected override int MaxTokensSent(JsonElement body) => body.GetProperty("max_tokens").GetInt32();
}
