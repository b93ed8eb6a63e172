using System.Text.Json.Nodes;

namespace Episodic.Tests.Fakes;

/// <summary>Ollama: POST /api/chat (non-streaming answers) and GET /api/tags. Point the client at <see cref="FakeProviderServer.RootUri"/>. No auth.</summary>
public sealed class FakeOllamaServer : FakeProviderServer
{
    public const string Model = "llama3.2:latest";

    protected override string ChatPath => "/api/chat";

    protected override bool IsAuthorized(RecordedRequest request, string apiKey) => true;

    protected override JsonObject ChatBody(RecordedRequest request, FakeReply reply) => new()
    {
        ["model"] = request.Json.TryGetProperty("model", out var model) ? model.GetString() : Model,
        ["created_at"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'"),
        ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = reply.Content },
        ["done_reason"] = reply.StopReason ?? "stop",
        ["done"] = true,
        ["total_duration"] = 1_234_567_890L,
        ["load_duration"] = 12_345_678L,
        ["prompt_eval_count"] = reply.InputTokens,
        ["prompt_eval_duration"] = 123_456_789L,
        ["eval_count"] = reply.OutputTokens,
        ["eval_duration"] = 987_654_321L,
    };

    protected override JsonObject ErrorBody(int status, string message) => new() { ["error"] = message };

    protected override JsonObject? OtherEndpoint(RecordedRequest request) => request.Path == "/api/tags"
        ? new JsonObject
        {
            ["models"] = new JsonArray(new JsonObject
            {
                ["name"] = Model,
                ["model"] = Model,
                ["modified_at"] = "2025-01-01T00:00:00.000000000Z",
                ["size"] = 2_019_393_189L,
                ["digest"] = "a80c4f17acd55265feec403c7aef86be0c25983ab279d83f3bcd3abbcb5b8b72",
                ["details"] = new JsonObject
                {
                    ["parent_model"] = "",
                    ["format"] = "gguf",
                    ["family"] = "llama",
                    ["families"] = new JsonArray("llama"),
                    ["parameter_size"] = "3.2B",
                    ["quantization_level"] = "Q4_K_M",
                },
            }),
        }
        : null;
}
