using Episodic.Core.Model;
using Episodic.Core.Naming;
using Episodic.Llm.Pipeline;
using Episodic.Llm.Providers;
using Episodic.Llm.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Episodic.Llm.Composition;

/// <summary>
/// The fallback chain as one <see cref="ILlmService"/>, for callers that ask one question at a time (suggest-show,
/// shorten, route's folder matching): each backend is tried in order, a backend whose circuit is open is skipped, and
/// a failure falls through to the next with a warning. When every backend fails, the last failure is thrown.
/// Batched filename parsing goes through <see cref="EpisodePipeline"/>, which applies thresholds across the chain.
/// </summary>
public sealed class FallbackChainLlmService : ILlmService
{
    private readonly IReadOnlyList<ChainBackend> _chain;
    private readonly ILogger _logger;

    public FallbackChainLlmService(IReadOnlyList<ChainBackend> chain, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(chain);
        if (chain.Count == 0)
        {
            throw new ArgumentException("The chain needs at least one backend.", nameof(chain));
        }

        _chain = chain;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>The members, e.g. "openai:gpt-4o-mini → ollama:qwen2.5".</summary>
    public string Name => string.Join(" → ", _chain.Select(b => b.Name));

    public Task<EpisodeParse> ParseFilenameAsync(string filename, int maxTokens = 150, CancellationToken cancellationToken = default) =>
        FirstAsync(s => s.ParseFilenameAsync(filename, maxTokens, cancellationToken));

    public Task<IReadOnlyList<EpisodeParse>> ParseFilenamesAsync(IReadOnlyList<string> filenames, int maxTokens = 150, CancellationToken cancellationToken = default) =>
        FirstAsync(s => s.ParseFilenamesAsync(filenames, maxTokens, cancellationToken));

    public Task<ShowSuggestion> SuggestShowNameAsync(string showName, IReadOnlyList<ShowCandidate> candidates, CancellationToken cancellationToken = default) =>
        FirstAsync(s => s.SuggestShowNameAsync(showName, candidates, cancellationToken));

    public Task<string> SuggestShortNameAsync(string longName, int maxLength, ShortNameKind kind, CancellationToken cancellationToken = default) =>
        FirstAsync(s => s.SuggestShortNameAsync(longName, maxLength, kind, cancellationToken));

    private async Task<T> FirstAsync<T>(Func<ILlmService, Task<T>> ask)
    {
        Exception? last = null;
        for (var i = 0; i < _chain.Count; i++)
        {
            var backend = _chain[i];
            var next = i + 1 < _chain.Count ? $"; trying {_chain[i + 1].Name}" : "";
            if (backend.IsOpen())
            {
                last = new BackendUnavailableException($"{backend.Name} is skipped: its circuit is open.");
                LlmLog.BackendSkipped(_logger, backend.Name, next);
                continue;
            }

            try
            {
                return await ask(backend.Service).ConfigureAwait(false);
            }
            catch (Exception ex) when (PartialBatchException.IsRequestFailure(ex))
            {
                last = ex;
                if (next.Length > 0)
                {
                    LlmLog.BackendFailed(_logger, backend.Name, ex.Message, next);
                }
            }
        }

        throw last!;
    }
}
