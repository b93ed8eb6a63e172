using System.Globalization;
using Episodic.Llm.Providers;
using Polly;
using Polly.Timeout;

namespace Episodic.Llm.Resilience;

/// <summary>
/// A Polly strategy that turns its inner timeout's <see cref="TimeoutRejectedException"/> into a transient
/// <see cref="LlmBackendException"/> (status null). Placed right outside a timeout strategy, so the retry and
/// breaker above it, and the caller, see one exception type for every provider failure.
/// A caller's own cancellation is not a <see cref="TimeoutRejectedException"/> and passes through untouched.
/// </summary>
internal sealed class TimeoutTranslatingStrategy(BackendKind backend, string scope) : ResilienceStrategy
{
    protected override async ValueTask<Outcome<TResult>> ExecuteCore<TResult, TState>(
        Func<ResilienceContext, TState, ValueTask<Outcome<TResult>>> callback, ResilienceContext context, TState state)
    {
        var outcome = await callback(context, state).ConfigureAwait(context.ContinueOnCapturedContext);
        if (outcome.Exception is TimeoutRejectedException timeout)
        {
            var seconds = timeout.Timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
            return Outcome.FromException<TResult>(
                new LlmBackendException(backend, null, null, $"{backend} request timed out after {seconds} s ({scope}).", timeout));
        }

        return outcome;
    }
}
