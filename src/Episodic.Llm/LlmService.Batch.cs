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
    /// </summary>
    public async Task<IReadOnlyList<EpisodeParse>> ParseFilenamesAsync(IReadOnlyList<string> filenames, int maxTokens = 150, CancellationToken cancellationToken = default)
    {
        if (filenames.Count <= 1)
        {
            return filenames.Count == 0 ? [] : [await ParseFilenameAsync(filenames[0], maxTokens, cancellationToken).ConfigureAwait(false)];
        }

        var answers = await AskBatchAsync(filenames, maxTokens, cancellationToken).ConfigureAwait(false);
        if (answers is null)
        {
            var half = filenames.Count / 2;
            var first = await ParseFilenamesAsync([.. filenames.Take(half)], maxTokens, cancellationToken).ConfigureAwait(false);
            var second = await ParseFilenamesAsync([.. filenames.Skip(half)], maxTokens, cancellationToken).ConfigureAwait(false);
            return [.. first, .. second];
        }

        var results = new EpisodeParse[filenames.Count];
        for (var i = 0; i < filenames.Count; i++)
        {
            var name = filenames[i];
            if (answers.TryGetValue(i, out var answer) && ParseAnswerValidator.Validate(answer, name).Count == 0)
            {
                results[i] = ToEpisodeParse(answer, name);
            }
            else
            {
                // Missing or rejected in the batch: ask for this one alone (with its own retry and fallback).
                results[i] = await ParseFilenameAsync(name, maxTokens, cancellationToken).ConfigureAwait(false);
            }
        }

        return results;
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
