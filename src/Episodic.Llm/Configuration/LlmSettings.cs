using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Episodic.Llm.Configuration;

/// <summary>
/// The LLM part of an Episodic (or Sync2NAS) INI file, bound from sections <c>[llm]</c>, <c>[ollama]</c>,
/// <c>[openai]</c> and <c>[anthropic]</c>. Section and key names are case-insensitive.
/// </summary>
public sealed class LlmSettings
{
    /// <summary><c>[llm]</c></summary>
    [ValidateObjectMembers]
    public LlmSection Llm { get; set; } = new();

    /// <summary><c>[ollama]</c></summary>
    [ValidateObjectMembers]
    public OllamaSection Ollama { get; set; } = new();

    /// <summary><c>[openai]</c></summary>
    [ValidateObjectMembers]
    public OpenAISection OpenAI { get; set; } = new();

    /// <summary><c>[anthropic]</c></summary>
    [ValidateObjectMembers]
    public AnthropicSection Anthropic { get; set; } = new();
}

public sealed class LlmSection
{
    /// <summary>The one wording of a blank <c>[llm] service</c>.</summary>
    public const string EmptyService = "[llm] service is empty; set it to one of: ollama, openai, anthropic (or set EPISODIC_LLM__SERVICE).";

    /// <summary><c>service = ollama|openai|anthropic</c>; the backend used for LLM parsing.</summary>
    [Required(ErrorMessage = EmptyService)]
    public string Service { get; set; } = LlmDefaults.Service;

    /// <summary><c>prompts_dir</c>: a folder whose files override the embedded prompts of the same name.</summary>
    public string? PromptsDir { get; set; }
}

public sealed class OllamaSection
{
    [Required(ErrorMessage = "[ollama] model is empty; set a model name, e.g. model = " + LlmDefaults.OllamaModel + ".")]
    public string Model { get; set; } = LlmDefaults.OllamaModel;

    /// <summary><c>host</c>; OLLAMA_HOST overrides the file.</summary>
    public string Host { get; set; } = LlmDefaults.OllamaHost;

    /// <summary><c>timeout</c> in seconds, per request.</summary>
    public string Timeout { get; set; } = LlmDefaults.Text(LlmDefaults.OllamaTimeoutSeconds);
}

public sealed class OpenAISection
{
    /// <summary><c>api_key</c>; OPENAI_API_KEY overrides the file. Never logged.</summary>
    public string? ApiKey { get; set; }

    [Required(ErrorMessage = "[openai] model is empty; set a model name, e.g. model = " + LlmDefaults.OpenAIModel + ".")]
    public string Model { get; set; } = LlmDefaults.OpenAIModel;

    public string MaxTokens { get; set; } = LlmDefaults.Text(LlmDefaults.MaxTokens);

    public string Temperature { get; set; } = LlmDefaults.Text(LlmDefaults.Temperature);

    /// <summary><c>base_url</c> for OpenAI-compatible servers (vLLM, LM Studio); OPENAI_BASE_URL overrides the file.</summary>
    public string? BaseUrl { get; set; }

    /// <summary><c>timeout</c> in seconds, per request.</summary>
    public string Timeout { get; set; } = LlmDefaults.Text(LlmDefaults.TimeoutSeconds);
}

public sealed class AnthropicSection
{
    /// <summary><c>api_key</c>; ANTHROPIC_API_KEY overrides the file. Never logged.</summary>
    public string? ApiKey { get; set; }

    [Required(ErrorMessage = "[anthropic] model is empty; set a model name, e.g. model = " + LlmDefaults.AnthropicModel + ".")]
    public string Model { get; set; } = LlmDefaults.AnthropicModel;

    public string MaxTokens { get; set; } = LlmDefaults.Text(LlmDefaults.MaxTokens);

    public string Temperature { get; set; } = LlmDefaults.Text(LlmDefaults.Temperature);

    /// <summary><c>base_url</c>; ANTHROPIC_BASE_URL overrides the file.</summary>
    public string? BaseUrl { get; set; }

    /// <summary><c>timeout</c> in seconds, per request.</summary>
    public string Timeout { get; set; } = LlmDefaults.Text(LlmDefaults.TimeoutSeconds);
}
