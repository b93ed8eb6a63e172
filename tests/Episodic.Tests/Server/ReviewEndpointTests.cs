using System.Net;
using System.Text.Json;
using Episodic.Automation.Review;
using Episodic.Server;
using Episodic.Tests.Automation;
using Episodic.Tests.Routing;
using Xunit;

namespace Episodic.Tests.Server;

/// <summary><c>/review</c> over real HTTP with a real queue (SQLite) and real files: list, accept (the file moves), skip, 404, 400, the API key.</summary>
public sealed class ReviewEndpointTests : IDisposable
{
    private readonly RoutingFixture _fx = new();

    public void Dispose() => _fx.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<string> HoldAsync() => ReviewDeskTests.HoldUnnamedAsync(_fx);

    private Task<RunningServer> StartAsync(string? apiKey = null) => RunningServer.StartAsync(new ServerOptions
    {
        ApiKey = apiKey,
        Review = new ReviewDesk(new ReviewDeskOptions { Libraries = [_fx.Options], LockWait = TimeSpan.FromSeconds(30) }),
    });

    private static async Task<JsonElement[]> ListAsync(RunningServer server, string? key = null)
    {
        using var response = await server.GetAsync("/review", key);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return [.. JsonDocument.Parse(text).RootElement.GetProperty("items").EnumerateArray()];
    }

    [Fact]
    public async Task A_held_item_is_listed_then_accepted_with_a_show_season_and_episode_and_the_file_moves()
    {
        var source = await HoldAsync();
        var before = RoutingFixture.Fingerprint(source);
        await using var server = await StartAsync();

        var item = Assert.Single(await ListAsync(server));
        Assert.Equal(source, item.GetProperty("path").GetString());
        Assert.False(string.IsNullOrWhiteSpace(item.GetProperty("reason").GetString()));
        Assert.Equal(JsonValueKind.Object, item.GetProperty("proposal").ValueKind);
        var id = item.GetProperty("id").GetString()!;

        using var accept = await server.PostJsonAsync($"/review/{id}/accept", """{"show": "Other Show (2010)", "season": 2, "episodes": [5]}""");
        var text = await accept.Content.ReadAsStringAsync(Ct);

        Assert.True(accept.StatusCode == HttpStatusCode.OK, text);
        var expected = Path.Join(_fx.Library, "Other Show (2010)", "Season 02", "Other Show (2010) - S02E05.mkv");
        var body = JsonDocument.Parse(text).RootElement;
        Assert.Equal("filed", body.GetProperty("status").GetString());
        Assert.Equal(expected, body.GetProperty("destination").GetString());
        Assert.StartsWith(Path.Join(_fx.Library, ".episodic", "journal-"), body.GetProperty("journal").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, RoutingFixture.Fingerprint(expected));
        Assert.False(File.Exists(source));
        Assert.Empty(await ListAsync(server));
    }

    [Fact]
    public async Task Skip_drops_the_item_leaves_the_file_and_a_second_skip_is_404()
    {
        var source = await HoldAsync();
        await using var server = await StartAsync();
        var id = Assert.Single(await ListAsync(server)).GetProperty("id").GetString()!;

        using var skip = await server.PostJsonAsync($"/review/{id}/skip", "{}");
        using var again = await server.PostJsonAsync($"/review/{id}/skip", "{}");

        Assert.Equal(HttpStatusCode.OK, skip.StatusCode);
        Assert.Empty(await ListAsync(server));
        Assert.True(File.Exists(source));
        await ProblemAssert.IsAsync(again, HttpStatusCode.NotFound, "no held item");
    }

    [Fact]
    public async Task An_unknown_id_is_404_and_a_bad_body_is_400_and_nothing_moves()
    {
        var source = await HoldAsync();
        await using var server = await StartAsync();
        var id = Assert.Single(await ListAsync(server)).GetProperty("id").GetString()!;

        using var unknown = await server.PostJsonAsync("/review/0000000000/accept", "{}");
        using var two = await server.PostJsonAsync($"/review/{id}/accept", """{"show": "A", "tmdb_id": 1}""");
        using var wrongType = await server.PostJsonAsync($"/review/{id}/accept", """{"season": "two"}""");
        using var broken = await server.PostJsonAsync($"/review/{id}/accept", "{\"show\":");

        await ProblemAssert.IsAsync(unknown, HttpStatusCode.NotFound, "no held item");
        await ProblemAssert.IsAsync(two, HttpStatusCode.BadRequest, "one of 'show', 'tmdb_id' and 'tvmaze_id'");
        await ProblemAssert.IsAsync(wrongType, HttpStatusCode.BadRequest, "season");
        await ProblemAssert.IsAsync(broken, HttpStatusCode.BadRequest);
        Assert.True(File.Exists(source));
        Assert.Single(await ListAsync(server));
    }

    [Fact]
    public async Task With_an_api_key_the_review_endpoints_answer_401_without_it()
    {
        const string key = "review-test-key-0123456789abcdef";
        var source = await HoldAsync();
        await using var server = await StartAsync(key);

        using var list = await server.GetAsync("/review");
        using var skip = await server.PostJsonAsync("/review/anything/skip", "{}");
        var item = Assert.Single(await ListAsync(server, key));
        using var accept = await server.PostJsonAsync($"/review/{item.GetProperty("id").GetString()}/accept", "{}");

        Assert.Equal(HttpStatusCode.Unauthorized, list.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, skip.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, accept.StatusCode);
        Assert.True(File.Exists(source));
    }

    [Fact]
    public async Task The_openapi_document_describes_the_review_endpoints_and_without_a_library_they_say_so()
    {
        await using var server = await RunningServer.StartAsync();

        using var doc = await server.GetAsync("/openapi/v1.json");
        using var list = await server.GetAsync("/review");

        var paths = JsonDocument.Parse(await doc.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/review", out _));
        Assert.True(paths.GetProperty("/review/{id}/accept").TryGetProperty("post", out _));
        Assert.True(paths.GetProperty("/review/{id}/skip").TryGetProperty("post", out _));
        await ProblemAssert.IsAsync(list, HttpStatusCode.ServiceUnavailable, "--library");
    }
}
