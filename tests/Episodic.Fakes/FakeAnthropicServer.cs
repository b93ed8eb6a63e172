using System.Text.Json.Nodes;

namespace Episodic.Tests.Fakes;

/// <summary>
/// Anthropic Messages: POST /v1/messages. Point the client at <see cref="FakeProviderServer.RootUri"/>.
/// Auth: the real API wants "x-api-key" plus "anthropic-version". Anthropic SDK 13.x itself sends the key as
/// "Authorization: Bearer"; ChatClientFactory moves it to "x-api-key". This fake accepts either, so a test can
/// assert which one arrived instead of failing with a confusing 401.
/// </summary>
public sealed class FakeAnthropicServer : FakeProviderServer
{
    public const string Model = "claude-haiku-4-5";

    protected override string ChatPath => "/v1/messages";

    protected override bool IsAuthorized(RecordedRequest request, string apiKey) =>
        request.Header("anthropic-version") is not null
        && (request.Header("x-api-key") == apiKey || request.Header("Authorization") == $"Bearer {apiKey}");

    protected override JsonObject ChatBody(RecordedRequest request, FakeReply reply)
    {
        var content = reply.ToolName is { } tool
            ? new JsonObject
            {
                ["type"] = "tool_use",
                ["id"] = $"toolu_fake{NextId()}",
                ["name"] = tool,
                ["input"] = JsonNode.Parse(reply.Content),
            }
            : new JsonObject { ["type"] = "text", ["text"] = reply.Content };
        return new JsonObject
        {
            ["id"] = $"msg_fake{NextId()}",
            ["type"] = "message",
            ["role"] = "assistant",
            ["model"] = request.Json.TryGetProperty("model", out var model) ? model.GetString() : Model,
            ["content"] = new JsonArray(content),
            ["stop_reason"] = reply.StopReason ?? (reply.ToolName is null ? "end_turn" : "tool_use"),
            ["stop_sequence"] = null,
            ["usage"] = new JsonObject
            {
                ["input_tokens"] = reply.InputTokens,
                ["cache_creation_input_tokens"] = 0,
                ["cache_read_input_tokens"] = 0,
                ["output_tokens"] = reply.OutputTokens,
                ["service_tier"] = "standard",
            },
        };
    }

    protected override JsonObject ErrorBody(int status, string message) => new()
    {
        ["type"] = "error",
        ["error"] = new JsonObject
        {
            ["type"] = status switch
            {
                400 => "invalid_request_error",
                401 => "authentication_error",
                403 => "permission_error",
                404 => "not_found_error",
                413 => "request_too_large",
                429 => "rate_limit_error",
                529 => "overloaded_error",
                _ => "api_error",
            },
            ["message"] = message,
        },
    };

    protected override JsonObject? OtherEndpoint(RecordedRequest request) => null;

    protected override IEnumerable<KeyValuePair<string, string>> ResponseHeaders() => [new("request-id", $"req_fake{NextId()}")];
}
