using Episodic.Llm.Providers;

namespace Episodic.Llm.Resilience;

/// <summary>
/// The backend's circuit is open: the call was refused without touching the network. Not an
/// <see cref="LlmBackendException"/> on purpose (that type is sealed and means "the provider answered badly"); the
/// pipeline treats this as "skip to the next backend".
/// </summary>
public sealed class BackendUnavailableException : Exception
{
    public BackendUnavailableException()
    {
    }

    public BackendUnavailableException(string message)
        : base(message)
    {
    }

    public BackendUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public BackendUnavailableException(BackendKind backend, TimeSpan? retryAfter, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Backend = backend;
        RetryAfter = retryAfter;
    }

    public BackendKind Backend { get; }

    /// <summary>Roughly when the circuit will let a probe through, when known.</summary>
    public TimeSpan? RetryAfter { get; }
}
