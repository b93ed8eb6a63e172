using Episodic.Core.Model;
using Episodic.Core.Naming;

namespace Episodic.Llm;

/// <summary>
/// A test double: canned answers by input, a call count, and an optional failure — no network. Unknown names get
/// the configured default (by default "not an episode").
/// </summary>
public sealed class MockLlmService(string name = "mock:canned") : ILlmService
{
    private readonly Dictionary<string, EpisodeParse> _answers = new(StringComparer.Ordinal);
    private int _calls;

    private readonly AnswerSource _source = AnswerSource.FromLabel(name);

    /// <summary>"backend:model"; its answers carry the source <c>llm:backend:model</c>.</summary>
    public string Name { get; } = name;

    /// <summary>Provider calls made so far (a batch counts once).</summary>
    public int CallCount => _calls;

    /// <summary>When set, every call throws it (to test fallbacks).</summary>
    public Exception? FailWith { get; set; }

    public Func<string, EpisodeParse>? Default { get; set; }

    public MockLlmService Answer(string filename, EpisodeParse result)
    {
        _answers[filename] = result with { Input = filename, Source = _source };
        return this;
    }

    public Task<EpisodeParse> ParseFilenameAsync(string filename, int maxTokens = 150, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _calls);
        return Task.FromResult(Lookup(filename));
    }

    public Task<IReadOnlyList<EpisodeParse>> ParseFilenamesAsync(IReadOnlyList<string> filenames, int maxTokens = 150, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _calls);
        return Task.FromResult<IReadOnlyList<EpisodeParse>>([.. filenames.Select(Lookup)]);
    }

    public Task<ShowSuggestion> SuggestShowNameAsync(string showName, IReadOnlyList<ShowCandidate> candidates, CancellationToken cancellationToken = default)
    {
        ThrowIfFailing();
        if (candidates.Count == 0)
        {
            return Task.FromResult(new ShowSuggestion(ShowSuggestion.NoMatch, null, 1.0, "There were no candidates to choose from."));
        }

        Interlocked.Increment(ref _calls);
        var first = candidates[0];
        return Task.FromResult(new ShowSuggestion(first.Id, first.Name, 0.9, "Mock: the first candidate."));
    }

    public Task<string> SuggestShortNameAsync(string longName, int maxLength, ShortNameKind kind, CancellationToken cancellationToken = default)
    {
        ThrowIfFailing();
        Interlocked.Increment(ref _calls);
        return Task.FromResult(NameShortener.Shorten(longName, maxLength, kind));
    }

    private EpisodeParse Lookup(string filename)
    {
        ThrowIfFailing();
        return _answers.TryGetValue(filename, out var answer)
            ? answer
            : Default?.Invoke(filename) is { } made
                ? made with { Input = filename, Source = _source }
                : EpisodeParse.NotAnEpisode(filename, "Mock: no canned answer for this name.") with { Source = _source };
    }

    private void ThrowIfFailing()
    {
        if (FailWith is not null)
        {
            throw FailWith;
        }
    }
}
