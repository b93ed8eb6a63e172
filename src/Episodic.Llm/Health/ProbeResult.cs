using Episodic.Llm.Providers;

namespace Episodic.Llm.Health;

/// <summary>
/// What one probe of a backend found. <paramref name="Verdict"/> is one line for a person ("ok", "model missing: ...")
/// and never contains the API key.
/// </summary>
public sealed record ProbeResult(
    BackendKind Kind,
    string Name,
    bool Reachable,
    bool Authenticated,
    bool ModelPresent,
    TimeSpan Latency,
    string Verdict)
{
    /// <summary>The endpoint probed, for display: no user:password@ part and no query (<see cref="Core.Text.SafeUrl"/>).</summary>
    public Uri? Endpoint { get; init; }

    /// <summary>Reachable, authenticated and serving the configured model: the backend can answer.</summary>
    public bool Healthy => Reachable && Authenticated && ModelPresent;
}
