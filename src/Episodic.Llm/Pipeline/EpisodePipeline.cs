using Episodic.Core.Model;
using Episodic.Core.Parsing;
using Episodic.Llm.Metrics;
using Episodic.Llm.Providers;
using Episodic.Llm.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Episodic.Llm.Pipeline;

/// <summary>
/// Turns a stream of names into a stream of results, in input order: the rule parser answers what it can, names that
/// need a model are packed into batches and sent down the fallback chain with bounded concurrency per backend, and
/// every input gets a result whatever the backends do. Results are emitted as soon as all earlier ones are ready.
/// </summary>
public sealed class EpisodePipeline
{
    /// <summary>How many names may wait for answers before the reader pauses (bounds memory on endless input).</summary>
    private const int Window = 4096;

    private readonly PipelineOptions _options;
    private readonly IFilenameParser _rules;
    private readonly IReadOnlyList<ChainBackend> _chain;
    private readonly EpisodicMetrics? _metrics;
    private readonly Dictionary<string, SemaphoreSlim> _slots;
    private readonly ILogger _logger;

    /// <summary>Backend failures so far, per backend and kind (the end-of-run summary and --strict read it).</summary>
    public BackendFailures Failures { get; } = new();

    public EpisodePipeline(PipelineOptions options, IFilenameParser rules, IReadOnlyList<ChainBackend> chain, EpisodicMetrics? metrics = null)
        : this(options, rules, chain, metrics, null)
    {
    }

    /// <param name="logger">Told once per backend when its circuit opens (later requests skip it).</param>
    public EpisodePipeline(PipelineOptions options, IFilenameParser rules, IReadOnlyList<ChainBackend> chain, EpisodicMetrics? metrics, ILogger? logger)
    {
        _logger = logger ?? NullLogger.Instance;
        _options = options;
        _rules = rules;
        _chain = chain;
        _metrics = metrics;
        _slots = chain.ToDictionary(b => b.Name, _ => new SemaphoreSlim(options.Concurrency), StringComparer.Ordinal);
    }

    public async IAsyncEnumerable<EpisodeParse> ParseAllAsync(IEnumerable<string> names, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var pending = new Queue<Task<EpisodeParse>>();
        var batch = new List<(string Name, EpisodeParse Rules, TaskCompletionSource<EpisodeParse> Result)>();
        var batchSize = _options.Batching ? _options.BatchSize : 1;

        foreach (var name in names)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var rules = _options.Strategy == Strategy.LlmOnly || _options.Strategy == Strategy.LlmFirst ? null : _rules.Parse(name);
            if (rules is not null && (_options.Strategy == Strategy.RulesOnly || rules.Confidence >= _options.Threshold || _chain.Count == 0))
            {
                _metrics?.NameAnswered(rules.Source, rules.Confidence);
                pending.Enqueue(Task.FromResult(rules));
            }
            else
            {
                var tcs = new TaskCompletionSource<EpisodeParse>(TaskCreationOptions.RunContinuationsAsynchronously);
                batch.Add((name, rules ?? _rules.Parse(name), tcs));
                pending.Enqueue(tcs.Task);
                if (batch.Count >= batchSize)
                {
                    Dispatch(batch, cancellationToken);
                    batch = [];
                }
            }

            while (pending.Count > 0 && pending.Peek().IsCompleted)
            {
                yield return await pending.Dequeue().ConfigureAwait(false);
            }

            if (pending.Count >= Window)
            {
                Dispatch(batch, cancellationToken);
                batch = [];
                yield return await pending.Dequeue().ConfigureAwait(false);
            }
        }

        Dispatch(batch, cancellationToken);
        while (pending.Count > 0)
        {
            yield return await pending.Dequeue().ConfigureAwait(false);
        }
    }

    /// <summary>Convenience for callers with a list: all results, in input order.</summary>
    public async Task<IReadOnlyList<EpisodeParse>> ParseAsync(IEnumerable<string> names, CancellationToken cancellationToken = default)
    {
        var results = new List<EpisodeParse>();
        await foreach (var r in ParseAllAsync(names, cancellationToken).ConfigureAwait(false))
        {
            results.Add(r);
        }

        return results;
    }

    private void Dispatch(List<(string Name, EpisodeParse Rules, TaskCompletionSource<EpisodeParse> Result)> batch, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return;
        }

        _ = Task.Run(async () =>
        {
            try
            {
                var results = await ResolveAsync([.. batch.Select(b => b.Name)], [.. batch.Select(b => b.Rules)], cancellationToken).ConfigureAwait(false);
                for (var i = 0; i < batch.Count; i++)
                {
                    batch[i].Result.TrySetResult(results[i]);
                }
            }
            catch (OperationCanceledException ex)
            {
                foreach (var b in batch)
                {
                    b.Result.TrySetCanceled(ex.CancellationToken);
                }
            }
#pragma warning disable CA1031 // A bug in one batch must not lose its names: they get the rules answer with the reason.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                for (var i = 0; i < batch.Count; i++)
                {
                    batch[i].Result.TrySetResult(Fallback(batch[i].Rules, $"the pipeline failed ({FailureKind.Of(ex)})"));
                }
            }
        }, CancellationToken.None);
    }

    /// <summary>Walks the chain for a batch; each name keeps the first answer at or above the threshold, else the best one seen.</summary>
    private async Task<EpisodeParse[]> ResolveAsync(string[] names, EpisodeParse[] rules, CancellationToken cancellationToken)
    {
        var best = new EpisodeParse?[names.Length];
        var why = new string?[names.Length];
        var failed = new bool[names.Length];
        var open = Enumerable.Range(0, names.Length).ToList();
        foreach (var backend in _chain)
        {
            if (open.Count == 0)
            {
                break;
            }

            if (backend.IsOpen())
            {
                if (Failures.CircuitOpened(backend.Name))
                {
                    LlmLog.CircuitOpened(_logger, backend.Name);
                }

                foreach (var i in open)
                {
                    why[i] = $"{backend.Name} was skipped (circuit open)";
                }

                continue;
            }

            IReadOnlyList<EpisodeParse?> answers;
            string? partialFailure = null;
            var slot = _slots[backend.Name];
            await slot.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                Failures.Request(backend.Name);
                var subset = open.Select(i => names[i]).ToList();
                answers = subset.Count == 1
                    ? [await backend.Service.ParseFilenameAsync(subset[0], _options.MaxTokensPerName, cancellationToken).ConfigureAwait(false)]
                    : await backend.Service.ParseFilenamesAsync(subset, _options.MaxTokensPerName, cancellationToken).ConfigureAwait(false);
            }
            catch (PartialBatchException partial)
            {
                // Part of the batch failed: keep every answer that came back; only the failed names go on down the chain.
                partialFailure = FailureKind.Of(partial.Failure);
                Failures.Failure(backend.Name, partialFailure);
                _metrics?.Fallback("backend-failed");
                answers = partial.Answers;
            }
            catch (Exception ex) when (PartialBatchException.IsRequestFailure(ex))
            {
                var kind = FailureKind.Of(ex);
                Failures.Failure(backend.Name, kind);
                foreach (var i in open)
                {
                    why[i] = $"{backend.Name} failed ({kind})";
                    failed[i] = true;
                }

                _metrics?.Fallback("backend-failed");
                continue;
            }
            finally
            {
                slot.Release();
            }

            var stillOpen = new List<int>();
            for (var k = 0; k < open.Count; k++)
            {
                var i = open[k];
                if (answers[k] is not { } answer)
                {
                    why[i] = $"{backend.Name} failed ({partialFailure})";
                    failed[i] = true;
                    stillOpen.Add(i);
                    continue;
                }

                var fromModel = answer.Source.IsModel;
                if (fromModel && (best[i] is null || answer.Confidence > best[i]!.Confidence))
                {
                    best[i] = answer;
                }

                if (fromModel && answer.Confidence >= _options.Threshold)
                {
                    continue;
                }

                if (!fromModel)
                {
                    _metrics?.AnswerRejected(backend.Name);
                }

                why[i] = fromModel ? $"{backend.Name} answered below the threshold ({answer.Confidence:0.00})" : $"{backend.Name}'s answer was rejected";
                stillOpen.Add(i);
            }

            open = stillOpen;
        }

        var results = new EpisodeParse[names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            results[i] = Choose(best[i], rules[i], why[i]);
            if (failed[i] && !results[i].Source.IsModel)
            {
                Failures.AnsweredByRules();
            }
        }

        return results;
    }

    /// <summary>The final answer for one name: an accepted model answer, else the better of the best model answer and the rules.</summary>
    private EpisodeParse Choose(EpisodeParse? model, EpisodeParse rules, string? why)
    {
        // llm-first falls back to rules below the threshold; rules-first escalated because the rules were unsure, so a
        // model answer that is at least as confident still wins.
        var acceptBelowThreshold = _options.Strategy != Strategy.LlmFirst && model is not null && model.Confidence >= rules.Confidence;
        if (model is not null && (model.Confidence >= _options.Threshold || acceptBelowThreshold))
        {
            _metrics?.NameAnswered(model.Source, model.Confidence);
            if (model.Confidence < _options.Threshold && why is not null)
            {
                return model with { Reasoning = $"{model.Reasoning} (No backend reached the {_options.Threshold:0.00} threshold: {why}.)" };
            }

            return model;
        }

        _metrics?.Fallback(model is null ? "no-model-answer" : "rules-more-confident");
        return Fallback(rules, why ?? "no backend answered");
    }

    private EpisodeParse Fallback(EpisodeParse rules, string why)
    {
        _metrics?.NameAnswered(AnswerSource.Rules, rules.Confidence);
        return rules with { Reasoning = $"{rules.Reasoning} The rule parser's reading stands: {why}." };
    }
}
