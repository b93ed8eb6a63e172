using Episodic.Llm.Providers;
using Episodic.Tests.Fakes;
using Microsoft.Extensions.AI;
using Xunit;

namespace Episodic.Tests.Providers;

public sealed class ChatClientFactoryTests
{
    [Theory]
    [InlineData(BackendKind.OpenAI)]
    [InlineData(BackendKind.Anthropic)]
    public void Cloud_backends_need_a_key(BackendKind kind) =>
        Assert.Throws<ArgumentException>(() => ChatClientFactory.Create(new BackendOptions { Kind = kind, Model = "m" }));

    [Fact]
    public void Non_positive_timeout_is_rejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ChatClientFactory.Create(
            new BackendOptions { Kind = BackendKind.Ollama, Model = "m", Timeout = TimeSpan.Zero }));

    [Fact]
    public async Task A_supplied_http_client_carries_the_requests()
    {
        using var server = new FakeOllamaServer();
        using var counter = new CountingHandler();
        using var http = new HttpClient(counter) { Timeout = Timeout.InfiniteTimeSpan };
        using var client = ChatClientFactory.Create(new BackendOptions { Kind = BackendKind.Ollama, Model = "m", BaseUri = server.RootUri }, http);

        var response = await client.GetResponseAsync("hi", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("{}", response.Text);
        Assert.Equal(1, counter.Count);
    }

    private sealed class CountingHandler : DelegatingHandler
    {
        public CountingHandler()
            : base(new SocketsHttpHandler())
        {
        }

        public int Count { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Count++;
            return base.SendAsync(request, cancellationToken);
        }
    }
}
