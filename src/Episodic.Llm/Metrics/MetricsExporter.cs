using OpenTelemetry;
using OpenTelemetry.Metrics;

namespace Episodic.Llm.Metrics;

/// <summary>Exposes the process's metrics to Prometheus while a long run (a library scan) is going.</summary>
public static class MetricsExporter
{
    /// <summary>
    /// The meters exported: ours, plus the gen_ai.* meter of Microsoft.Extensions.AI's <c>UseOpenTelemetry()</c>
    /// (its default source name, and the unprefixed name in case a caller passes it explicitly).
    /// </summary>
    public static IReadOnlyList<string> MeterNames { get; } =
        [EpisodicMetrics.MeterName, "Experimental.Microsoft.Extensions.AI", "Microsoft.Extensions.AI"];

    /// <summary>
    /// Serves http://127.0.0.1:{port}/metrics until disposed. Loopback only: the endpoint has no authentication
    /// and names the models in use.
    /// </summary>
    /// <exception cref="System.Net.HttpListenerException">The port is taken.</exception>
    public static IDisposable StartPrometheus(int port)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(port, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, 65535);
        try
        {
            return Sdk.CreateMeterProviderBuilder()
                .AddMeter([.. MeterNames])
                .AddPrometheusHttpListener(options =>
                {
                    options.Host = "127.0.0.1";
                    options.Port = port;
                    options.ScrapeEndpointPath = "/metrics";
                })
                .Build();
        }
        catch (InvalidOperationException ex) when (ex.InnerException is System.Net.HttpListenerException listener)
        {
            // The exporter wraps the listener's failure in a message that names neither the port nor the cause.
            throw new System.Net.HttpListenerException(listener.ErrorCode, $"metrics on http://127.0.0.1:{port}/metrics: {listener.Message}");
        }
    }
}
