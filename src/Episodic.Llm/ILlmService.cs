using Episodic.Core.Model;
using Episodic.Core.Naming;

namespace Episodic.Llm;

/// <summary>
/// What an LLM backend can do for Episodic. Every backend (Ollama, OpenAI, Anthropic, the mock) answers through this
/// one interface; results are validated and grounded in the filename before they are returned.
/// </summary>
public interface ILlmService : INamingAdvisor
{
    /// <summary>Parses one filename. Never returns an ungrounded answer: a failed answer falls back to the rule parser.</summary>
    Task<EpisodeParse> ParseFilenameAsync(string filename, int maxTokens = 150, CancellationToken cancellationToken = default);

    /// <summary>Parses several filenames; one result per input, in input order.</summary>
    Task<IReadOnlyList<EpisodeParse>> ParseFilenamesAsync(IReadOnlyList<string> filenames, int maxTokens = 150, CancellationToken cancellationToken = default);
}
