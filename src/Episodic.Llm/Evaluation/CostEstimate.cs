using Episodic.Llm.Composition;
using Episodic.Llm.Metrics;
using Episodic.Llm.Prompting;
using Episodic.Llm.Resilience;

namespace Episodic.Llm.Evaluation;

/// <summary>
/// What a run would cost before anything is sent: the prompts are rendered exactly as the service renders them
/// (batches of the configured size) and counted with the o200k vocabulary; the answer is assumed
/// <see cref="OutputTokensPerName"/> tokens per name. Prices come from the dated table (<see cref="PriceTable"/>),
/// so an unknown model and Ollama cost 0. Cached answers are not subtracted: the estimate is for a cold cache.
/// </summary>
public sealed record CostEstimate(string Backend, int Names, long InputTokens, long OutputTokens, double CostUsd, bool Priced)
{
    /// <summary>
    /// Output tokens assumed per name: a full JSON answer with a one-sentence reasoning measures 77-91 o200k tokens a
    /// name, single or batched (bench <c>--pipeline</c>); the estimate rounds up.
    /// </summary>
    public const int OutputTokensPerName = 90;

    private static readonly TokenEstimator Tokens = new();

    /// <summary>The estimate for sending <paramref name="names"/> to the first backend of <paramref name="settings"/>.</summary>
    public static CostEstimate For(LlmStackSettings settings, IReadOnlyList<string> names)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(names);
        var member = settings.Backends.Count > 0 ? settings.Backends[0].Backend : throw new ArgumentException("the settings have no backend", nameof(settings));
        var batch = settings.Pipeline.Batching ? settings.Pipeline.BatchSize : 1;
        long input = 0;
        for (var start = 0; start < names.Count; start += batch)
        {
            var chunk = names.Skip(start).Take(batch).ToList();
            var settle = settings.Pipeline.Strategy == Pipeline.Strategy.RulesFirst;
            var rules = chunk.Select(Core.Parsing.RuleParser.Default.Parse).ToList();
            var messages = chunk.Count == 1
                ? ParsePrompt.OneName(settings.Prompts, chunk[0], rulesHint: settle ? RulesHint.ForOneName(rules[0]) : null)
                : ParsePrompt.Batch(settings.Prompts, chunk, settle ? RulesHint.ForBatch(rules) : null);
            input += Tokens.Estimate(messages, null);
        }

        long output = (long)OutputTokensPerName * names.Count;
        var priced = member.Kind == Providers.BackendKind.Ollama || settings.Prices.Knows(member.Model);
        return new CostEstimate(member.Name, names.Count, input, output, settings.Prices.Cost(member.Kind, member.Model, input, output), priced);
    }
}
