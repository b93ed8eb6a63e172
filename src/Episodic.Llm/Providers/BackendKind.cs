namespace Episodic.Llm.Providers;

/// <summary>The LLM providers Episodic speaks to. The names are the INI values of <c>[llm] service</c>.</summary>
public enum BackendKind
{
    Ollama,
    OpenAI,
    Anthropic,
}
