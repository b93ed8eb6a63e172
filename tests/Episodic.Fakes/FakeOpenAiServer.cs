using System.Text.Json.Nodes;

namespace Episodic.Tests.Fakes;

/// <summary>
/// OpenAI Chat Completions: POST /v1/chat/completions and GET /v1/models. Point the client at <see cref="BaseUri"/>
/// (the SDK appends "chat/completions"). Auth: "Authorization: Bearer &lt;key&gt;".
/// </summary>
public sealed class FakeOpenAiServer : FakeProviderServer
{
    public const string Model = "gpt-4o-mini";

    /// <summary>The OpenAI-style endpoint including "/v1".</summary>
    public Uri BaseUri => new(RootUri, "v1");

    protected override string ChatPath => "/v1/chat/completions";

    protected override bool IsAuthorized(RecordedRequest request, string apiKey) =>
        request.Header("Authorization") == $"Bearer {apiKey}";

    protected override JsonObject ChatBody(RecordedRequest request, FakeReply reply) => new()
    {
        ["id"] = $"chatcmpl-fake{NextId()}",
        ["object"] = "chat.completion",
        ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        ["model"] = request.Json.TryGetProperty("model", out var model) ? model.GetString() : Model,
        ["choices"] = new JsonArray(new JsonObject
        {
            ["index"] = 0,
            ["message"] = new JsonObject
            {
                ["role"] = "assistant",
                ["content"] = reply.Content,
                ["refusal"] = null,
                ["annotations"] = new JsonArray(),
            },
            ["logprobs"] = null,
            ["finish_reason"] = reply.StopReason ?? "stop",
        }),
        ["usage"] = new JsonObject
        {
            ["prompt_tokens"] = reply.InputTokens,
            ["completion_tokens"] = reply.OutputTokens,
            ["total_tokens"] = reply.InputTokens + reply.OutputTokens,
            ["prompt_tokens_details"] = new JsonObject { ["cached_tokens"] = 0, ["audio_tokens"] = 0 },
            ["completion_tokens_details"] = new JsonObject
            {
                ["reasoning_tokens"] = 0,
                ["audio_tokens"] = 0,
                ["accepted_prediction_tokens"] = 0,
                ["rejected_prediction_tokens"] = 0,
            },
        },
        ["service_tier"] = "default",
        ["system_fingerprint"] = "fp_fake",
    };

    protected override JsonObject ErrorBody(int status, string message) => new()
    {
        ["error"] = new JsonObject
        {
            ["message"] = message,
            ["type"] = status switch
            {
                401 => "invalid_request_error",
                429 => "requests",
                >= 500 => "server_error",
                _ => "invalid_request_error",
            },
            ["param"] = null,
            ["code"] = status switch
            {
                401 => "invalid_api_key",
                429 => "rate_limit_exceeded",
                404 => "model_not_found",
                _ => null,
            },
        },
    };

    protected override JsonObject? OtherEndpoint(RecordedRequest request) => request.Path == "/v1/models"
        ? new JsonObject
        {
            ["object"] = "list",
            ["data"] = new JsonArray(new JsonObject
            {
                ["id"] = Model,
                ["object"] = "model",
                ["created"] = 1721172741,
                ["owned_by"] = "system",
            }),
        }
        : null;

    protected override IEnumerable<KeyValuePair<string, string>> ResponseHeaders() => [new("x-request-id", $"req_fake{NextId()}")];
}
