using System.Net;
using System.Text;
using Episodic.Server;
using Microsoft.AspNetCore.Http;
using Xunit;

namespace Episodic.Tests.Server;

/// <summary>Problem details for every bad request.</summary>
public sealed class ServerErrorTests
{
    [Theory]
    [InlineData("/parse", "{\"name\": ")]
    [InlineData("/parse", "not json")]
    [InlineData("/parse", "{\"name\": 5}")]
    [InlineData("/parse/batch", "{\"names\": \"one\"}")]
    [InlineData("/parse", "null")]
    public async Task Bad_json_is_a_400_problem(string path, string body)
    {
        await using var server = await RunningServer.StartAsync();

        using var response = await server.PostJsonAsync(path, body);

        await ProblemAssert.IsAsync(response, HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("/parse", "{\"name\": \"\"}", "empty")]
    [InlineData("/parse", "{\"name\": \"  \\t \"}", "empty")]
    [InlineData("/parse", "{}", "required")]
    [InlineData("/parse/batch", "{\"names\": [\"Show.S01E01.mkv\", \" \"]}", "names[1]")]
    [InlineData("/parse/batch", "{\"names\": [null]}", "names[0]")]
    [InlineData("/parse/batch", "{}", "required")]
    public async Task Empty_or_missing_names_are_400_problems(string path, string body, string detail)
    {
        await using var server = await RunningServer.StartAsync();

        using var response = await server.PostJsonAsync(path, body);

        await ProblemAssert.IsAsync(response, HttpStatusCode.BadRequest, detail);
    }

    [Theory]
    [InlineData(StatusCodes.Status400BadRequest)]
    [InlineData(StatusCodes.Status408RequestTimeout)]
    [InlineData(StatusCodes.Status413PayloadTooLarge)]
    public async Task A_body_that_breaks_off_is_a_problem_with_kestrels_status_not_an_exception(int status)
    {
        // Kestrel throws this from the body stream when the client closes before its Content-Length (400) or sends
        // too slowly (408); on a real socket the race with the connection's abort decides whether anyone hears it.
        var context = new DefaultHttpContext();
        context.Request.ContentType = "application/json";
        context.Request.Body = new BreakingStream(new BadHttpRequestException("Unexpected end of request content.", status));

        var (value, error) = await JsonBody.ReadAsync<ParseRequest>(context.Request, 2048, TestContext.Current.CancellationToken);

        Assert.Null(value);
        var problem = Assert.IsAssignableFrom<IStatusCodeHttpResult>(error);
        Assert.Equal(status, problem.StatusCode);
    }

    [Fact]
    public async Task Wrong_content_type_is_a_415_problem()
    {
        await using var server = await RunningServer.StartAsync();

        using var response = await server.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/parse")
        {
            Content = new StringContent("{\"name\": \"Show.S01E01.mkv\"}", Encoding.UTF8, "text/plain"),
        });

        await ProblemAssert.IsAsync(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Oversized_body_is_a_413_problem()
    {
        await using var server = await RunningServer.StartAsync(new ServerOptions { MaxBodyBytes = 2048 });
        var big = "{\"name\": \"" + new string('a', 4096) + "\"}";

        using var response = await server.PostJsonAsync("/parse", big);

        var problem = await ProblemAssert.IsAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(2048, problem.GetProperty("max_body_bytes").GetInt64());
    }

    [Fact]
    public async Task Oversized_chunked_body_hits_the_kestrel_limit_as_a_413_problem()
    {
        await using var server = await RunningServer.StartAsync(new ServerOptions { MaxBodyBytes = 2048 });
        var big = Encoding.UTF8.GetBytes("{\"names\": [\"" + new string('a', 4096) + "\"]}");
        var content = new StreamContent(new MemoryStream(big));
        content.Headers.ContentType = new("application/json");

        var request = new HttpRequestMessage(HttpMethod.Post, "/parse/batch") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        using var response = await server.SendAsync(request);

        await ProblemAssert.IsAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Batch_over_the_limit_is_a_400_problem_naming_the_limit()
    {
        await using var server = await RunningServer.StartAsync(new ServerOptions { MaxBatch = 3 });

        using var response = await server.PostJsonAsync("/parse/batch", """{"names": ["a.S01E01.mkv", "a.S01E02.mkv", "a.S01E03.mkv", "a.S01E04.mkv"]}""");

        var problem = await ProblemAssert.IsAsync(response, HttpStatusCode.BadRequest, "at most 3");
        Assert.Equal(3, problem.GetProperty("max_batch").GetInt32());
    }

    [Fact]
    public async Task Batch_at_the_limit_is_accepted()
    {
        await using var server = await RunningServer.StartAsync(new ServerOptions { MaxBatch = 3 });

        using var response = await server.PostJsonAsync("/parse/batch", """{"names": ["a.S01E01.mkv", "a.S01E02.mkv", "a.S01E03.mkv"]}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>A request body whose every read fails as Kestrel's does.</summary>
    private sealed class BreakingStream(Exception failure) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => 0; set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw failure;

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => ValueTask.FromException<int>(failure);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => Task.FromException<int>(failure);

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
