using System.Net;
using Episodic.Cli;
using Episodic.Server;
using Xunit;

namespace Episodic.Tests.Server;

/// <summary>The optional X-Api-Key, and the refusal to listen publicly without one.</summary>
public sealed class ServerAuthTests
{
    private const string Key = "srv-key-0123456789abcdef";

    [Fact]
    public async Task Configured_key_is_required_on_every_endpoint_but_liveness()
    {
        await using var server = await RunningServer.StartAsync(new ServerOptions { ApiKey = Key });
        const string body = """{"name": "Show.S01E01.mkv"}""";

        using var missing = await server.PostJsonAsync("/parse", body);
        using var wrong = await server.PostJsonAsync("/parse", body, "srv-key-0123456789abcdeX");
        using var shorter = await server.PostJsonAsync("/parse", body, "srv");
        using var right = await server.PostJsonAsync("/parse", body, Key);
        using var readyWithout = await server.GetAsync(EpisodicServer.ReadyPath);
        using var metricsWithout = await server.GetAsync("/metrics");
        using var live = await server.GetAsync(EpisodicServer.LivePath);

        foreach (var response in new[] { missing, wrong, shorter, readyWithout, metricsWithout })
        {
            await ProblemAssert.IsAsync(response, HttpStatusCode.Unauthorized, "X-Api-Key");
            Assert.DoesNotContain(Key, response.Headers.ToString(), StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    [Fact]
    public async Task Without_a_key_loopback_needs_no_header()
    {
        await using var server = await RunningServer.StartAsync();

        using var response = await server.PostJsonAsync("/parse", """{"name": "Show.S01E01.mkv"}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("http://0.0.0.0:5080")]
    [InlineData("http://*:5080")]
    [InlineData("http://+:5080")]
    [InlineData("http://[::]:5080")]
    [InlineData("http://192.168.1.20:5080")]
    [InlineData("http://127.0.0.1:5080;http://media-box.lan:5080")]
    public void Non_loopback_address_without_a_key_is_refused_before_binding(string urls)
    {
        var ex = Assert.Throws<ServerConfigurationException>(() => EpisodicServer.Build(new ServerOptions { Urls = urls, Quiet = true }));

        Assert.Contains("without an API key", ex.Message, StringComparison.Ordinal);
        Assert.Contains("--api-key", ex.Message, StringComparison.Ordinal);
        Assert.Contains("EPISODIC_API_KEY", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5080")]
    [InlineData("http://localhost:5080")]
    [InlineData("http://[::1]:5080")]
    public void Loopback_addresses_need_no_key(string urls)
    {
        Assert.All(ListenAddresses.Validate(urls, hasApiKey: false), a => Assert.True(ListenAddresses.IsLoopback(a)));
    }

    [Fact]
    public async Task Non_loopback_address_with_a_key_builds()
    {
        // Built, never started: nothing is bound to 0.0.0.0.
        var app = EpisodicServer.Build(new ServerOptions { Urls = "http://0.0.0.0:5080", ApiKey = Key, Quiet = true });
        await app.DisposeAsync();
    }

    [Fact]
    public async Task Serve_command_refuses_a_public_address_without_a_key()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var exit = await CliApp.RunAsync(["serve", "--urls", "http://0.0.0.0:5080"], new StringReader(""), stdout, stderr, environment: new Dictionary<string, string?>(), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(CliApp.ExitConfigError, exit);
        Assert.Contains("refusing to listen on http://0.0.0.0:5080 without an API key", stderr.ToString(), StringComparison.Ordinal);
    }
}
