using System.Text.Json;
using Episodic.Core.Model;
using Episodic.Llm.Answers;
using Episodic.Llm.Prompting;
using Episodic.Llm.Validation;
using Microsoft.Extensions.AI;

namespace Episodic.Llm;

/// <summary>Batch parsing: one request for many names, each answer judged on its own.</summary>
public sealed partial class LlmService
{
    /// <summary>
    /// One request for the whole list (answers keyed by index). Each item is validated and grounded on its own; items
    /// missing or rejected in the batch answer are asked again alone; an unreadable or too-large batch is split in
    /// halves and retried, so one bad answer never costs every name. <paramref name="maxTokens"/> is per name.
    /// When a re-ask or a half fails, the answers already validated are kept: <see cref="PartialBatchException"/>
    /// carries them, and only the names whose request failed are left for the next backend or the rules.
    /// </summary>
    public async Task<IReadOnlyList<EpisodeParse>> ParseFilenamesAsync(IReadOnlyList<string> filenames, int maxTokens = 150, CancellationToken cancellationToken = default)
    {
        if (filenames.Count <= 1)
        {
            return filenames.Count == 0 ? [] : [await ParseFilenameAsync(filenames[0], maxTokens, cancellationToken).ConfigureAwait(false)];
        }

        var answers = await AskBatchAsync(filenames, maxTokens, cancellationToken).ConfigureAwait(false);
        var results = new EpisodeParse?[filenames.Count];
        Exception? failure = null;
        if (answers is null)
        {
            // Each half keeps what it got even when the other half's request fails.
            var half = filenames.Count / 2;
            failure = await PartAsync(filenames, 0, half, results, maxTokens, cancellationToken).ConfigureAwait(false);
            failure = await PartAsync(filenames, half, filenames.Count - half, results, maxTokens, cancellationToken).ConfigureAwait(false) ?? failure;
            return PartialBatchException.Complete(results, failure);
        }

        for (var i = 0; i < filenames.Count; i++)
        {
            var name = filenames[i];
            if (answers.TryGetValue(i, out var answer) && ParseAnswerValidator.Validate(answer, name).Count == 0)
            {
                results[i] = ToEpisodeParse(answer, name);
                continue;
            }

            // Missing or rejected in the batch: ask for this one alone (with its own retry and fallback). If that
            // request fails, only this name goes without an answer; the validated ones are kept.
            try
            {
                results[i] = await ParseFilenameAsync(name, maxTokens, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (PartialBatchException.IsRequestFailure(ex))
            {
                failure ??= ex;
            }
        }

        return PartialBatchException.Complete(results, failure);
    }

    /// <summary>Parses <paramref name="count"/> names from <paramref name="start"/> into <paramref name="results"/>; returns the request failure, if any, leaving failed slots null.</summary>
    private async Task<Exception?> PartAsync(IReadOnlyList<string> filenames, int start, int count, EpisodeParse?[] results, int maxTokens, CancellationToken cancellationToken)
    {
        try
        {
            var part = await ParseFilenamesAsync([.. filenames.Skip(start).Take(count)], maxTokens, cancellationToken).ConfigureAwait(false);
            for (var k = 0; k < count; k++)
            {
                results[start + k] = part[k];
            }

            return null;
        }
        catch (PartialBatchException partial)
        {
            for (var k = 0; k < count; k++)
            {
                results[start + k] = partial.Answers[k];
            }

            return partial.Failure;
        }
        catch (Exception ex) when (PartialBatchException.IsRequestFailure(ex))
        {
            return ex;
        }
    }

    /// <summary>The batch answer by index, or null when the whole answer is unusable (then the caller splits).</summary>
    private async Task<Dictionary<int, ParseAnswer>?> AskBatchAsync(IReadOnlyList<string> filenames, int maxTokens, CancellationToken cancellationToken)
    {
        var options = Options(checked((maxTokens * filenames.Count) + 50), AnswerSchemas.ParseBatch, "episode_parse_batch");
        var hints = settleDoubts ? RulesHint.ForBatch([.. filenames.Select(rules.Parse)]) : null;
        ChatResponse response;
        try
        {
            response = await chat.GetResponseAsync(ParsePrompt.Batch(_prompts, filenames, hints), options, cancellationToken).ConfigureAwait(false);
        }
        catch (Providers.LlmBackendException ex) when (ex.StatusCode is 400 or 413)
        {
            // Too large for the model's context or the provider's limits: smaller batches may pass.
            return null;
        }

        if (!JsonAnswerExtractor.TryExtract(response.Text, out var json, out _))
        {
            return null;
        }

        var list = json.ValueKind == JsonValueKind.Object && json.TryGetProperty("results", out var r) ? r : json;
        if (list.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var answers = new Dictionary<int, ParseAnswer>();
        foreach (var item in list.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.Object && item.TryGetProperty("index", out var idx) && idx.TryGetInt32(out var index) && index >= 0 && index < filenames.Count)
            {
                answers.TryAdd(index, ParseAnswer.Read(item));
            }
        }

        return answers;
    }
}
