using System.Runtime.ExceptionServices;
using Episodic.Core.Model;
using Episodic.Llm.Providers;
using Episodic.Llm.Resilience;

namespace Episodic.Llm;

/// <summary>
/// Some names of a batch were answered and the request for the others failed (a re-ask or a split half hit a 500, a
/// 429, a timeout). Thrown instead of the bare failure so the answers that survived are not thrown away with it: the
/// caller keeps each non-null entry of <see cref="Answers"/> and sends only the names whose entry is null to the next
/// backend or the rule parser. <see cref="Exception.InnerException"/> is the first request failure (what the
/// end-of-run summary names).
/// </summary>
public sealed class PartialBatchException : Exception
{
    public PartialBatchException()
    {
    }

    public PartialBatchException(string message)
        : base(message)
    {
    }

    public PartialBatchException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <param name="answers">One entry per name of the batch, in order: its answer, or null where its request failed.</param>
    /// <param name="failure">The first request failure.</param>
    public PartialBatchException(IReadOnlyList<EpisodeParse?> answers, Exception failure)
        : base($"{answers?.Count(a => a is null) ?? 0} of {answers?.Count ?? 0} names got no answer: {failure?.Message}", failure)
    {
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(failure);
        Answers = answers;
    }

    /// <summary>One entry per name, in input order; null where that name's request failed.</summary>
    public IReadOnlyList<EpisodeParse?> Answers { get; } = [];

    /// <summary>The request failure behind the missing answers.</summary>
    public Exception Failure => InnerException ?? this;

    /// <summary>
    /// True for a failure of the request itself (provider error, open circuit, timeout, connection), which says
    /// nothing about the names; false for cancellation and bugs, which must not be mistaken for a backend outage.
    /// </summary>
    public static bool IsRequestFailure(Exception exception) =>
        exception is LlmBackendException or BackendUnavailableException or TimeoutException or HttpRequestException or PartialBatchException;

    /// <summary>
    /// The outcome of a batch whose names were asked in parts: the answers when all came back, the failure itself
    /// when none did (nothing to keep), else a <see cref="PartialBatchException"/> carrying the survivors.
    /// </summary>
    public static IReadOnlyList<EpisodeParse> Complete(EpisodeParse?[] answers, Exception? failure)
    {
        ArgumentNullException.ThrowIfNull(answers);
        if (failure is null)
        {
            return [.. answers.Select(a => a!)];
        }

        if (answers.All(a => a is null))
        {
            ExceptionDispatchInfo.Throw(failure is PartialBatchException p ? p.Failure : failure);
        }

        throw new PartialBatchException(answers, failure is PartialBatchException partial ? partial.Failure : failure);
    }
}
