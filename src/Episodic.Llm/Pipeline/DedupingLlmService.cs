using System.Collections.Concurrent;
using Episodic.Core.Model;

namespace Episodic.Llm.Pipeline;

/// <summary>
/// In-flight deduplication: concurrent requests for the same name share one provider call. Completed answers are not
/// kept here (that is the cache's job); only the call in progress is shared.
/// </summary>
public sealed class DedupingLlmService(ILlmService inner) : ILlmService
{
    private readonly ConcurrentDictionary<string, Lazy<Task<EpisodeParse>>> _inFlight = new(StringComparer.Ordinal);

    public string Name => inner.Name;

    public Task<EpisodeParse> ParseFilenameAsync(string filename, int maxTokens = 150, CancellationToken cancellationToken = default) =>
        Share(filename, () => inner.ParseFilenameAsync(filename, maxTokens, cancellationToken));

    public async Task<IReadOnlyList<EpisodeParse>> ParseFilenamesAsync(IReadOnlyList<string> filenames, int maxTokens = 150, CancellationToken cancellationToken = default)
    {
        // Names already in flight (or repeated within this batch) wait for that call; the rest go out as one batch.
        var fresh = new List<string>();
        var mine = new Dictionary<string, TaskCompletionSource<EpisodeParse>>(StringComparer.Ordinal);
        var tasks = new Task<EpisodeParse>[filenames.Count];
        for (var i = 0; i < filenames.Count; i++)
        {
            var name = filenames[i];
            var tcs = new TaskCompletionSource<EpisodeParse>(TaskCreationOptions.RunContinuationsAsynchronously);
            var entry = _inFlight.GetOrAdd(name, _ => new Lazy<Task<EpisodeParse>>(() => tcs.Task));
            tasks[i] = entry.Value;
            if (ReferenceEquals(entry.Value, tcs.Task))
            {
                fresh.Add(name);
                mine[name] = tcs;
            }
        }

        try
        {
            if (fresh.Count > 0)
            {
                var results = await inner.ParseFilenamesAsync(fresh, maxTokens, cancellationToken).ConfigureAwait(false);
                for (var i = 0; i < fresh.Count; i++)
                {
                    mine[fresh[i]].TrySetResult(results[i]);
                }
            }
        }
        catch (Exception ex)
        {
            foreach (var tcs in mine.Values)
            {
                tcs.TrySetException(ex);
            }

            throw;
        }
        finally
        {
            foreach (var name in mine.Keys)
            {
                _inFlight.TryRemove(name, out _);
            }
        }

        return await Task.WhenAll(tasks).ConfigureAwait(false);
    }

    public Task<ShowSuggestion> SuggestShowNameAsync(string showName, IReadOnlyList<ShowCandidate> candidates, CancellationToken cancellationToken = default) =>
        inner.SuggestShowNameAsync(showName, candidates, cancellationToken);

    public Task<string> SuggestShortNameAsync(string longName, int maxLength, ShortNameKind kind, CancellationToken cancellationToken = default) =>
        inner.SuggestShortNameAsync(longName, maxLength, kind, cancellationToken);

    private async Task<EpisodeParse> Share(string key, Func<Task<EpisodeParse>> call)
    {
        var entry = _inFlight.GetOrAdd(key, _ => new Lazy<Task<EpisodeParse>>(call));
        try
        {
            return await entry.Value.ConfigureAwait(false);
        }
        finally
        {
            _inFlight.TryRemove(KeyValuePair.Create(key, entry));
        }
    }
}
