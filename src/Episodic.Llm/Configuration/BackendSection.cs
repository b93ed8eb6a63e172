using Episodic.Llm.Providers;

namespace Episodic.Llm.Configuration;

/// <summary>
/// One backend's raw settings seen uniformly, with the INI names used in messages, so the rules are written once for
/// Ollama, OpenAI and Anthropic. Null members are settings the backend does not have.
/// </summary>
internal sealed record BackendSection(
    BackendKind Kind,
    string Model,
    string? ApiKey,
    string? MaxTokens,
    string? Temperature,
    string? Url,
    string Timeout)
{
    /// <summary>The section name as written in the INI: ollama, openai, anthropic.</summary>
    public string Name => Kind.WireName();

    /// <summary>The endpoint key: Ollama's is <c>host</c>, the others' <c>base_url</c>.</summary>
    public string UrlKey => Kind == BackendKind.Ollama ? "host" : "base_url";

    public bool NeedsApiKey => Kind != BackendKind.Ollama;

    public string ApiKeyVariable => $"{Kind.WireName().ToUpperInvariant()}_API_KEY";

    public string DefaultUrl => Kind switch
    {
        BackendKind.Ollama => LlmDefaults.OllamaHost,
        BackendKind.OpenAI => "https://api.openai.com/v1",
        _ => "https://api.anthropic.com",
    };

    public static BackendSection From(LlmSettings settings, BackendKind kind) => kind switch
    {
        BackendKind.Ollama => new(kind, settings.Ollama.Model, null, null, null, settings.Ollama.Host, settings.Ollama.Timeout),
        BackendKind.OpenAI => new(kind, settings.OpenAI.Model, settings.OpenAI.ApiKey, settings.OpenAI.MaxTokens,
            settings.OpenAI.Temperature, settings.OpenAI.BaseUrl, settings.OpenAI.Timeout),
        BackendKind.Anthropic => new(kind, settings.Anthropic.Model, settings.Anthropic.ApiKey, settings.Anthropic.MaxTokens,
            settings.Anthropic.Temperature, settings.Anthropic.BaseUrl, settings.Anthropic.Timeout),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown backend."),
    };
}
