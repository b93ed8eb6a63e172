using Episodic.Llm.Health;
using Episodic.Llm.Providers;

namespace Episodic.Server;

/// <summary>
/// Remembers each backend's last probe for a few seconds, and lets concurrent readiness checks share one probe in
/// flight, so a busy load balancer does not turn into a stream of provider requests.
/// </summary>
internal sealed class ProbeCache(TimeSpan duration, TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (Task<ProbeResult> Probe, DateTimeOffset Started)> _entries = new(StringComparer.Ordinal);

    public Task<ProbeResult> GetAsync(BackendOptions backend, CancellationToken cancellationToken)
    {
        Task<ProbeResult> probe;
        lock (_gate)
        {
            if (!_entries.TryGetValue(backend.Name, out var entry)
                || (entry.Probe.IsCompleted && time.GetUtcNow() - entry.Started >= duration))
            {
                // Not tied to one caller's cancellation: the probe has its own deadline and serves every waiter.
                entry = (BackendProbe.ProbeAsync(backend, cancellationToken: CancellationToken.None), time.GetUtcNow());
                _entries[backend.Name] = entry;
            }

            probe = entry.Probe;
        }

        return probe.WaitAsync(cancellationToken);
    }
}
