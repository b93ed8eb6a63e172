using System.Collections.Concurrent;
using Episodic.Core.Model;
using Episodic.Llm.Composition;

namespace Episodic.Llm.Pipeline;

/// <summary>
/// In-flight deduplication: concurrent requests for the same name share one provider call. Completed answers are not
/// kept here (that is the cache's job); only the call in progress is shared. The shared call runs under its own
/// token, cancelled only when every caller waiting on it has gone: one caller giving up (an aborted HTTP request
/// under <c>serve</c>) ends that caller's wait and never the others'.
/// </summary>
public sealed class DedupingLlmService(ILlmService inner) : DelegatingLlmService(inner)
{
    private readonly ConcurrentDictionary<string, SharedCall> _inFlight = new(StringComparer.Ordinal);

    public override async Task<EpisodeParse> ParseFilenameAsync(string filename, int maxTokens = 150, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            var waiters = new Waiters();
            var result = new TaskCompletionSource<EpisodeParse>(TaskCreationOptions.RunContinuationsAsynchronously);
            var candidate = new SharedCall(result.Task, waiters);
            var entry = _inFlight.GetOrAdd(filename, candidate);
            if (ReferenceEquals(entry, candidate))
            {
                _ = RunAsync([filename], [candidate], [result], waiters, (names, token) => One(names[0], maxTokens, token));
            }
            else if (!entry.Waiters.TryJoin())
            {
                // Its last waiter has just left and cancelled it: ask afresh rather than inherit that cancellation.
                _inFlight.TryRemove(KeyValuePair.Create(filename, entry));
                waiters.Dispose();
                continue;
            }
            else
            {
                waiters.Dispose();
            }

            try
            {
                return await entry.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                entry.Waiters.Leave();
            }
        }
    }

    public override async Task<IReadOnlyList<EpisodeParse>> ParseFilenamesAsync(IReadOnlyList<string> filenames, int maxTokens = 150, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filenames);
        // Names already in flight (or repeated within this batch) wait for that call; the rest go out as one batch
        // whose token is shared by this caller and everyone who joins one of its names.
        var waiters = new Waiters();
        var fresh = new List<string>();
        var calls = new List<SharedCall>();
        var results = new List<TaskCompletionSource<EpisodeParse>>();
        var mine = new Dictionary<string, Task<EpisodeParse>>(StringComparer.Ordinal);
        var joined = new List<Waiters>();
        var tasks = new Task<EpisodeParse>[filenames.Count];
        for (var i = 0; i < filenames.Count; i++)
        {
            var name = filenames[i];
            if (mine.TryGetValue(name, out var own))
            {
                tasks[i] = own;
                continue;
            }

            var result = new TaskCompletionSource<EpisodeParse>(TaskCreationOptions.RunContinuationsAsynchronously);
            var candidate = new SharedCall(result.Task, waiters);
            var entry = _inFlight.GetOrAdd(name, candidate);
            if (!ReferenceEquals(entry, candidate) && entry.Waiters.TryJoin())
            {
                joined.Add(entry.Waiters);
                tasks[i] = mine[name] = entry.Task;
                continue;
            }

            _inFlight[name] = candidate;
            fresh.Add(name);
            calls.Add(candidate);
            results.Add(result);
            tasks[i] = mine[name] = result.Task;
        }

        if (fresh.Count > 0)
        {
            _ = RunAsync(fresh, calls, results, waiters, (names, token) => InnerService.ParseFilenamesAsync(names, maxTokens, token));
        }

        try
        {
            return await Task.WhenAll(tasks).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException && Array.TrueForAll(tasks, t => t.IsCompleted && !t.IsCanceled) && Array.Exists(tasks, t => t.IsCompletedSuccessfully))
        {
            // Some names were answered and some requests failed: hand back the answers with the failure, as a partial batch.
            var failure = Array.Find(tasks, t => t.IsFaulted)!.Exception!.InnerException!;
            throw new PartialBatchException([.. tasks.Select(t => t.IsCompletedSuccessfully ? t.Result : null)], failure);
        }
        finally
        {
            waiters.Leave();
            foreach (var w in joined)
            {
                w.Leave();
            }

            if (fresh.Count == 0)
            {
                waiters.Dispose();
            }
        }
    }

    private async Task<IReadOnlyList<EpisodeParse>> One(string name, int maxTokens, CancellationToken token) =>
        [await InnerService.ParseFilenameAsync(name, maxTokens, token).ConfigureAwait(false)];

    /// <summary>Runs the shared call under its waiters' token and hands each name its result; the names leave the in-flight table when it ends.</summary>
    private async Task RunAsync(
        List<string> names,
        List<SharedCall> calls,
        List<TaskCompletionSource<EpisodeParse>> results,
        Waiters waiters,
        Func<IReadOnlyList<string>, CancellationToken, Task<IReadOnlyList<EpisodeParse>>> call)
    {
        try
        {
            var answers = await call(names, waiters.Token).ConfigureAwait(false);
            if (answers.Count != names.Count)
            {
                throw new InvalidOperationException($"{InnerService.Name} returned {answers.Count} results for {names.Count} names.");
            }

            for (var i = 0; i < names.Count; i++)
            {
                results[i].TrySetResult(answers[i]);
            }
        }
        catch (OperationCanceledException ex)
        {
            foreach (var r in results)
            {
                r.TrySetCanceled(ex.CancellationToken);
            }
        }
        catch (PartialBatchException partial)
        {
            // Names that were answered get their answer; only the others see the failure.
            for (var i = 0; i < names.Count; i++)
            {
                if (partial.Answers[i] is { } answer)
                {
                    results[i].TrySetResult(answer);
                }
                else
                {
                    results[i].TrySetException(partial.Failure);
                }
            }
        }
        catch (Exception ex)
        {
            foreach (var r in results)
            {
                r.TrySetException(ex);
            }
        }
        finally
        {
            for (var i = 0; i < names.Count; i++)
            {
                _inFlight.TryRemove(KeyValuePair.Create(names[i], calls[i]));
            }

            waiters.Dispose();
        }
    }

    /// <summary>One name's share of a call in progress.</summary>
    private sealed record SharedCall(Task<EpisodeParse> Task, Waiters Waiters);

    /// <summary>Callers waiting on one provider call; the last to leave cancels the call if it is still running.</summary>
    private sealed class Waiters : IDisposable
    {
        private readonly CancellationTokenSource _cts = new();
        private readonly Lock _gate = new();
        private int _count = 1;
        private bool _disposed;

        public CancellationToken Token => _cts.Token;

        /// <summary>Adds a waiter, unless the last one has already left.</summary>
        public bool TryJoin()
        {
            lock (_gate)
            {
                if (_count == 0)
                {
                    return false;
                }

                _count++;
                return true;
            }
        }

        public void Leave()
        {
            lock (_gate)
            {
                if (--_count == 0 && !_disposed)
                {
                    _cts.Cancel();
                }
            }
        }

        public void Dispose()
        {
            lock (_gate)
            {
                if (!_disposed)
                {
                    _disposed = true;
                    _cts.Dispose();
                }
            }
        }
    }
}
