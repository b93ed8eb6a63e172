using System.Net;
using System.Net.Sockets;
using Episodic.Llm.Metrics;
using Xunit;

namespace Episodic.Tests.Metrics;

public sealed class MetricsExporterTests
{
    [Fact]
    public async Task Prometheus_endpoint_serves_episodic_metrics()
    {
        var port = FreePort();
        using var exporter = MetricsExporter.StartPrometheus(port);
        using var metrics = new EpisodicMetrics();
        metrics.Request("openai", "gpt-4o-mini", "ok", 12.5);
        metrics.Tokens("openai", "gpt-4o-mini", 100, 20, 0.001);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };

        var text = await http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/metrics"), TestContext.Current.CancellationToken);

        Assert.Contains("episodic_llm_requests", text, StringComparison.Ordinal);
        Assert.Contains("episodic_llm_tokens_input", text, StringComparison.Ordinal);
        Assert.Contains("model=\"gpt-4o-mini\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Port_must_be_valid()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => MetricsExporter.StartPrometheus(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => MetricsExporter.StartPrometheus(70000));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
