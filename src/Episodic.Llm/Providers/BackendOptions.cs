using Episodic.Core.Model;
using Episodic.Core.Text;
using Episodic.Llm.Configuration;

namespace Episodic.Llm.Providers;

/// <summary>
/// One backend's settings after validation: typed, with defaults applied and environment overrides resolved.
/// Produced by <c>Configuration.LlmConfiguration</c>, consumed by the provider factory.
/// </summary>
public sealed record BackendOptions
{
    public required BackendKind Kind { get; init; }

    public required string Model { get; init; }

    /// <summary>Provider endpoint (Ollama host, OpenAI-compatible base URL, Anthropic base URL); null = the provider default.</summary>
    public Uri? BaseUri { get; init; }

    /// <summary>API key (OpenAI, Anthropic); null for Ollama. Never logged: use <see cref="Secrets.Mask"/>.</summary>
    public string? ApiKey { get; init; }

    public int MaxTokens { get; init; } = LlmDefaults.MaxTokens;

    public float Temperature { get; init; } = LlmDefaults.Temperature;

    /// <summary>Per-request timeout.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(LlmDefaults.TimeoutSeconds);

    /// <summary>The source of this backend's answers (<c>llm:backend:model</c> on the wire).</summary>
    public AnswerSource Source => Kind.Source(Model);

    /// <summary>"backend:model", the label of this chain member in messages and summaries.</summary>
    public string Name => Source.Label;

    /// <summary>Never prints the key, nor credentials or a query in the URL.</summary>
    public override string ToString() => $"{Name} at {(BaseUri is null ? "(default endpoint)" : SafeUrl.Of(BaseUri))}, key {Secrets.Mask(ApiKey)}";
}
