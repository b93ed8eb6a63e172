using Episodic.Core.Model;
using Episodic.Llm.Composition;

namespace Episodic.Llm.Caching;

/// <summary>
/// Answers filename parses from the cache and asks <c>inner</c> only about names it has not seen with this backend,
/// model and prompt version. Validated answers are stored for the cache's TTL. A rules fallback from <c>inner</c>
/// means the model's answer was rejected (failed validation or grounding, or was unreadable, after the re-ask): it is
/// remembered as a negative entry for <paramref name="negativeTtl"/> with its reason, so a re-run does not pay for the
/// same rejection, and the name is asked again once it expires. Provider failures (429, 5xx, timeouts, connection
/// errors) throw instead of returning and are never remembered: they say nothing about the name, and the retry,
/// rate-limit and circuit-breaker layers already deal with them within a run.
/// </summary>
/// <param name="source">The backend and model whose answers are cached; the key carries both, so models never share entries.</param>
/// <param name="negativeTtl">How long a rejection is remembered; zero or less = not at all.</param>
public sealed class CachingLlmService(ILlmService inner, IParseCache cache, AnswerSource source, string promptVersion, TimeSpan negativeTtl, TimeProvider? time = null) : DelegatingLlmService(inner)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public CachingLlmService(ILlmService inner, IParseCache cache, AnswerSource source, string promptVersion)
        : this(inner, cache, source, promptVersion, Composition.CacheOptions.DefaultNegativeTtl)
    {
    }

    public override async Task<EpisodeParse> ParseFilenameAsync(string filename, int maxTokens = 150, CancellationToken cancellationToken = default)
    {
        var key = KeyFor(filename);
        if (cache.TryGet(key, out var cached))
        {
            return cached;
        }

        var result = await InnerService.ParseFilenameAsync(filename, maxTokens, cancellationToken);
        Remember(key, result);
        return result;
    }

    public override async Task<IReadOnlyList<EpisodeParse>> ParseFilenamesAsync(IReadOnlyList<string> filenames, int maxTokens = 150, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filenames);
        var results = new EpisodeParse?[filenames.Count];
        // Each distinct missing name is asked once, even if it repeats in the batch; its slots are filled together.
        var missing = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < filenames.Count; i++)
        {
            if (cache.TryGet(KeyFor(filenames[i]), out var cached))
            {
                results[i] = cached;
            }
            else if (missing.TryGetValue(filenames[i], out var slots))
            {
                slots.Add(i);
            }
            else
            {
                missing[filenames[i]] = [i];
            }
        }

        if (missing.Count > 0)
        {
            var asked = missing.Keys.ToArray();
            IReadOnlyList<EpisodeParse?> answers;
            Exception? failure = null;
            try
            {
                answers = await InnerService.ParseFilenamesAsync(asked, maxTokens, cancellationToken);
            }
            catch (PartialBatchException partial)
            {
                // The answers that came back are as good as any: remember and return them; the failed names stay unknown.
                answers = partial.Answers;
                failure = partial.Failure;
            }

            if (answers.Count != asked.Length)
            {
                throw new InvalidOperationException($"{InnerService.Name} returned {answers.Count} results for {asked.Length} names.");
            }

            for (var j = 0; j < asked.Length; j++)
            {
                if (answers[j] is not { } answer)
                {
                    continue;
                }

                Remember(KeyFor(asked[j]), answer);
                foreach (var slot in missing[asked[j]])
                {
                    results[slot] = answer;
                }
            }

            if (failure is not null)
            {
                throw new PartialBatchException(results, failure);
            }
        }

        return [.. results.Select(r => r!)];
    }

    private CacheKey KeyFor(string filename) => new(source.Backend.Name, source.Model ?? "", promptVersion, filename);

    private void Remember(CacheKey key, EpisodeParse result)
    {
        if (result.Source.IsModel)
        {
            cache.Store(key, result);
        }
        else if (negativeTtl > TimeSpan.Zero)
        {
            cache.StoreNegative(key, result, result.Reasoning.Length > 0 ? result.Reasoning : $"{InnerService.Name}'s answer was rejected", _time.GetUtcNow() + negativeTtl);
        }
    }
}
