namespace Episodic.Llm.Resilience;

/// <summary>
/// A backend's circuit, as the pipeline sees it. Our own enum so callers need no Polly reference; the values mirror
/// Polly's circuit breaker states.
/// </summary>
public enum CircuitState
{
    /// <summary>Calls flow normally.</summary>
    Closed,

    /// <summary>Too many recent failures: calls fail at once with <see cref="BackendUnavailableException"/>.</summary>
    Open,

    /// <summary>The break is over; the next call is a probe that closes or re-opens the circuit.</summary>
    HalfOpen,

    /// <summary>Held open by hand (Polly's manual isolation).</summary>
    Isolated,
}
