using System.Net.Http.Headers;
using System.Text;
using Episodic.Server;
using Microsoft.AspNetCore.Builder;
using Xunit;

namespace Episodic.Tests.Server;

/// <summary>The real server on Kestrel, 127.0.0.1 and a port the OS picks, with a client pointed at it.</summary>
internal sealed class RunningServer : IAsyncDisposable
{
    private readonly WebApplication app;

    private RunningServer(WebApplication app, Uri baseUri)
    {
        this.app = app;
        Client = new HttpClient { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(30) };
    }

    public HttpClient Client { get; }

    public static async Task<RunningServer> StartAsync(ServerOptions? options = null)
    {
        var app = EpisodicServer.Build((options ?? new ServerOptions()) with { Urls = "http://127.0.0.1:0", Quiet = true });
        await app.StartAsync(TestContext.Current.CancellationToken);
        return new RunningServer(app, new Uri(app.Urls.Single()));
    }

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public Task<HttpResponseMessage> PostJsonAsync(string path, string json, string? apiKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = Json(json) };
        if (apiKey is not null)
        {
            request.Headers.Add("X-Api-Key", apiKey);
        }

        return SendAsync(request);
    }

    public Task<HttpResponseMessage> GetAsync(string path, string? apiKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (apiKey is not null)
        {
            request.Headers.Add("X-Api-Key", apiKey);
        }

        return SendAsync(request);
    }

    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
    {
        using (request)
        {
            return await Client.SendAsync(request, TestContext.Current.CancellationToken);
        }
    }

    public static MediaTypeHeaderValue? MediaType(HttpResponseMessage response) => response.Content.Headers.ContentType;

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await app.StopAsync(CancellationToken.None);
        await app.DisposeAsync();
    }
}
