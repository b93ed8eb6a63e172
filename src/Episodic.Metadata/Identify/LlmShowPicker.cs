using Episodic.Core.Naming;
using Episodic.Metadata.Providers;

namespace Episodic.Metadata.Identify;

/// <summary>
/// <see cref="IShowPicker"/> through <see cref="INamingAdvisor.SuggestShowNameAsync"/> (the LLM stack's one composition root supplies it), fed the provider's real
/// candidates (ids, names, original names, first air dates, overviews, alternative titles). The service already
/// validates that the answer is a candidate id; this adapter checks again, so a pick is never a show nobody offered.
/// </summary>
public sealed class LlmShowPicker(INamingAdvisor llm) : IShowPicker
{
    public string Name => llm.Name;

    public async Task<ShowPick?> PickAsync(string showName, IReadOnlyList<ShowCandidateInfo> candidates, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var offered = candidates.Select(c => new ShowCandidate(
            c.Id.Id,
            c.Name,
            c.OriginalName,
            c.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            c.Overview,
            c.AlternativeTitles.Count > 0 ? c.AlternativeTitles : null)).ToList();
        var answer = await llm.SuggestShowNameAsync(showName, offered, cancellationToken).ConfigureAwait(false);
        if (!answer.IsMatch)
        {
            return null;
        }

        var chosen = candidates.FirstOrDefault(c => c.Id.Id == answer.Id);
        return chosen is null ? null : new ShowPick(chosen, answer.Confidence, answer.Reasoning);
    }
}
