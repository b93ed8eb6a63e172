using System.Net;
using System.Text;
using Episodic.Server;
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
}
