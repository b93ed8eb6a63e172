using Episodic.Core.Text;
using Episodic.Llm.Providers;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Episodic.Server;

/// <summary>
/// Readiness of one configured backend, from a (cached) <see cref="Llm.Health.BackendProbe"/>. A failing probe reports
/// the registration's failure status: Unhealthy for the selected backend (→ 503), Degraded for a fallback.
/// </summary>
internal sealed class BackendHealthCheck(BackendOptions backend, string role, ProbeCache probes) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var probe = await probes.GetAsync(backend, cancellationToken).ConfigureAwait(false);
        var data = new Dictionary<string, object>
        {
            ["role"] = role,
            ["backend"] = backend.Kind.WireName(),
            ["model"] = backend.Model,
            ["endpoint"] = SafeUrl.Of(probe.Endpoint),
            ["latency_ms"] = Math.Round(probe.Latency.TotalMilliseconds),
        };
        return probe.Healthy
            ? HealthCheckResult.Healthy(probe.Verdict, data)
            : new HealthCheckResult(context.Registration.FailureStatus, probe.Verdict, data: data);
    }
}
