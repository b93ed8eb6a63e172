using Episodic.Core.Model;
using Episodic.Core.Naming;

namespace Episodic.Llm.Composition;

/// <summary>
/// Base for <see cref="ILlmService"/> decorators, in the manner of <c>DelegatingChatClient</c>: every member
/// forwards to the inner service, so a decorator overrides only what it changes (the cache and dedup touch parses,
/// not suggestions).
/// </summary>
public abstract class DelegatingLlmService(ILlmService innerService) : ILlmService
{
    /// <summary>The service this one wraps.</summary>
    protected ILlmService InnerService { get; } = innerService ?? throw new ArgumentNullException(nameof(innerService));

    public virtual string Name => InnerService.Name;

    public virtual Task<EpisodeParse> ParseFilenameAsync(string filename, int maxTokens = 150, CancellationToken cancellationToken = default) =>
        InnerService.ParseFilenameAsync(filename, maxTokens, cancellationToken);

    public virtual Task<IReadOnlyList<EpisodeParse>> ParseFilenamesAsync(IReadOnlyList<string> filenames, int maxTokens = 150, CancellationToken cancellationToken = default) =>
        InnerService.ParseFilenamesAsync(filenames, maxTokens, cancellationToken);

    public virtual Task<ShowSuggestion> SuggestShowNameAsync(string showName, IReadOnlyList<ShowCandidate> candidates, CancellationToken cancellationToken = default) =>
        InnerService.SuggestShowNameAsync(showName, candidates, cancellationToken);

    public virtual Task<string> SuggestShortNameAsync(string longName, int maxLength, ShortNameKind kind, CancellationToken cancellationToken = default) =>
        InnerService.SuggestShortNameAsync(longName, maxLength, kind, cancellationToken);
}
