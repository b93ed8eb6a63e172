using Episodic.Core.Model;

namespace Episodic.Llm;

/// <summary>
/// What an LLM backend can do for Episodic. Every backend (Ollama, OpenAI, Anthropic, the mock) answers through this
/// one interface; results are validated and grounded in the filename before they are returned.
/// </summary>
public interface ILlmService
{
    /// <summary>"backend:model", as it appears in <see cref="EpisodeParse.Source"/> after "llm:".</summary>
    string Name { get; }

    /// <summary>Parses one filename. Never returns an ungrounded answer: a failed answer falls back to the rule parser.</summary>
    Task<EpisodeParse> ParseFilenameAsync(string filename, int maxTokens = 150, CancellationToken cancellationToken = default);

    /// <summary>Parses several filenames; one result per input, in input order.</summary>
    Task<IReadOnlyList<EpisodeParse>> ParseFilenamesAsync(IReadOnlyList<string> filenames, int maxTokens = 150, CancellationToken cancellationToken = default);

    /// <summary>Picks the best show among metadata search results; an empty list returns no-match without a model call.</summary>
    Task<ShowSuggestion> SuggestShowNameAsync(string showName, IReadOnlyList<ShowCandidate> candidates, CancellationToken cancellationToken = default);

    /// <summary>A readable name within <paramref name="maxLength"/>; never longer, whatever the model says.</summary>
    Task<string> SuggestShortNameAsync(string longName, int maxLength, ShortNameKind kind, CancellationToken cancellationToken = default);
}

/// <summary>One metadata search result (TMDB-like) offered to <see cref="ILlmService.SuggestShowNameAsync"/>.</summary>
public sealed record ShowCandidate(
    int Id,
    string Name,
    string? OriginalName = null,
    string? FirstAirDate = null,
    string? Overview = null,
    IReadOnlyList<string>? AlternativeTitles = null);

/// <summary>The chosen candidate, or <see cref="NoMatch"/> (-1) when none fits.</summary>
public sealed record ShowSuggestion(int Id, string? ShowName, double Confidence, string Reasoning)
{
    public const int NoMatch = -1;

    public bool IsMatch => Id != NoMatch;
}

/// <summary>Whether a shortened name is a folder (no extension) or a file (keeps extension, show, season and episode).</summary>
public enum ShortNameKind
{
    Directory,
    File,
}
