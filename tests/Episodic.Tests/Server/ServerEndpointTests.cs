using System.Net;
using System.Text;
using System.Text.Json;
using Episodic.Core.Model;
using Episodic.Core.Parsing;
using Episodic.Server;
using Xunit;

namespace Episodic.Tests.Server;

/// <summary>Parse, batch, route plan, metrics and OpenAPI over real HTTP.</summary>
public sealed class ServerEndpointTests
{
    private static readonly string[] JsonFields =
    [
        "input", "show_name", "year", "season", "episode", "episodes", "absolute_episodes", "air_date", "full_season",
        "special", "crc32", "release_group", "version", "confidence", "source", "reasoning",
    ];

    private static readonly string[] PlanNames = ["the.office.us.s02e03.720p.hdtv.mkv", "Brand.New.Show.S01E05.1080p.WEB.mkv", "readme.txt"];

    private static readonly string[] ExistingShows = ["The Office (US)", "Other Show"];

    [Fact]
    public async Task Parse_returns_the_cli_json_contract_exactly()
    {
        await using var server = await RunningServer.StartAsync();
        const string name = "Show.Name.S01E02.720p.HDTV.x264-GRP.mkv";

        using var response = await server.PostJsonAsync("/parse", JsonSerializer.Serialize(new { name }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", RunningServer.MediaType(response)?.MediaType);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal(EpisodeParseJson.ToJson(RuleParser.Default.Parse(name)), body);
        using var doc = JsonDocument.Parse(body);
        Assert.Equal(JsonFields, doc.RootElement.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal(1, doc.RootElement.GetProperty("season").GetInt32());
        Assert.Equal(2, doc.RootElement.GetProperty("episode").GetInt32());
        Assert.Equal("rules", doc.RootElement.GetProperty("source").GetString());
    }

    [Fact]
    public async Task Batch_returns_results_in_input_order_with_the_contract_fields()
    {
        await using var server = await RunningServer.StartAsync();
        string[] names = ["Show.Name.S01E02.mkv", "[Group] Other Show - 03 [ABCDEF12].mkv", "readme", "Show.Name.S01E01.mkv"];

        using var response = await server.PostJsonAsync("/parse/batch", JsonSerializer.Serialize(new { names }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var results = doc.RootElement.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(names, results.Select(r => r.GetProperty("input").GetString()).ToArray());
        Assert.All(results, r => Assert.Equal(JsonFields, r.EnumerateObject().Select(p => p.Name).ToArray()));
        for (var i = 0; i < names.Length; i++)
        {
            Assert.Equal(EpisodeParseJson.ToJson(RuleParser.Default.Parse(names[i])), results[i].GetRawText());
        }
    }

    [Fact]
    public async Task Empty_batch_returns_no_results()
    {
        await using var server = await RunningServer.StartAsync();

        using var response = await server.PostJsonAsync("/parse/batch", """{"names": []}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"results":[]}""", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Route_plan_gives_destinations_reasons_and_skips_without_touching_files()
    {
        await using var server = await RunningServer.StartAsync();
        var library = Path.Combine(Path.GetTempPath(), $"episodic-no-such-library-{Guid.NewGuid():N}");
        var request = JsonSerializer.Serialize(new { names = PlanNames, library, existing_shows = ExistingShows });

        using var response = await server.PostJsonAsync("/route/plan", request);

        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        using var doc = JsonDocument.Parse(text);
        var items = doc.RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(3, items.Count);

        Assert.Equal("move", items[0].GetProperty("action").GetString());
        Assert.Equal("The Office (US)/Season 02/The Office (US) - S02E03.mkv", items[0].GetProperty("relative_path").GetString());
        Assert.Equal(Path.Join(library, "The Office (US)", "Season 02", "The Office (US) - S02E03.mkv"), items[0].GetProperty("destination").GetString());
        Assert.False(items[0].GetProperty("new_show_folder").GetBoolean());
        Assert.False(string.IsNullOrWhiteSpace(items[0].GetProperty("reason").GetString()));
        Assert.True(items[0].GetProperty("confidence").GetDouble() >= 0.7);
        Assert.Equal(2, items[0].GetProperty("parse").GetProperty("season").GetInt32());

        Assert.Equal("move", items[1].GetProperty("action").GetString());
        Assert.True(items[1].GetProperty("new_show_folder").GetBoolean());
        Assert.EndsWith("Season 01/Brand New Show - S01E05.mkv", items[1].GetProperty("relative_path").GetString(), StringComparison.Ordinal);

        Assert.Equal("skip", items[2].GetProperty("action").GetString());
        Assert.Equal(JsonValueKind.Null, items[2].GetProperty("destination").ValueKind);
        Assert.False(string.IsNullOrWhiteSpace(items[2].GetProperty("reason").GetString()));
        Assert.False(Directory.Exists(library));
    }

    [Fact]
    public async Task Route_plan_requires_a_library()
    {
        await using var server = await RunningServer.StartAsync();

        using var response = await server.PostJsonAsync("/route/plan", """{"names": ["Show.S01E01.mkv"]}""");

        await ProblemAssert.IsAsync(response, HttpStatusCode.BadRequest, "library");
    }

    [Fact]
    public async Task Metrics_expose_the_episodic_counters_after_parsing()
    {
        await using var server = await RunningServer.StartAsync();
        for (var i = 0; i < 3; i++)
        {
            using var parsed = await server.PostJsonAsync("/parse", $$"""{"name": "Show.S01E0{{i + 1}}.mkv"}""");
            Assert.Equal(HttpStatusCode.OK, parsed.StatusCode);
        }

        using var response = await server.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("episodic_names_total{", text, StringComparison.Ordinal);
        Assert.Contains("tier=\"rules\"", text, StringComparison.Ordinal);
        Assert.Contains("# TYPE episodic_names_total counter", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenApi_document_lists_the_endpoints()
    {
        await using var server = await RunningServer.StartAsync();

        using var response = await server.GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var paths = doc.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/parse", paths);
        Assert.Contains("/parse/batch", paths);
        Assert.Contains("/route/plan", paths);
        var schemas = doc.RootElement.GetProperty("components").GetProperty("schemas");
        var episode = schemas.GetProperty("EpisodeParse").GetProperty("properties");
        Assert.Equal(JsonFields, episode.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal("#/components/schemas/AnswerSource", episode.GetProperty("source").GetProperty("$ref").GetString());
        Assert.Equal("string", schemas.GetProperty("AnswerSource").GetProperty("type").GetString());
        Assert.Equal("integer", episode.GetProperty("season").GetProperty("type")[1].GetString());
        Assert.Equal(2, episode.GetProperty("season").GetProperty("type").GetArrayLength()); // null or integer, never a string
        Assert.Equal("number", episode.GetProperty("confidence").GetProperty("type").GetString());
        Assert.False(schemas.TryGetProperty("EpisodeParseDocument", out _));
    }

    [Fact]
    public async Task OpenApi_document_lists_every_endpoint_and_the_api_key_scheme()
    {
        const string key = "openapi-test-key-0123456789";
        await using var server = await RunningServer.StartAsync(new ServerOptions { ApiKey = key });

        using var response = await server.GetAsync("/openapi/v1.json", key);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var paths = doc.RootElement.GetProperty("paths");
        Assert.Equal(
            ["/health/live", "/health/ready", "/identify", "/metrics", "/parse", "/parse/batch", "/review", "/review/{id}/accept", "/review/{id}/skip", "/route/plan"],
            paths.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray());
        var scheme = doc.RootElement.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey");
        Assert.Equal("apiKey", scheme.GetProperty("type").GetString());
        Assert.Equal("header", scheme.GetProperty("in").GetString());
        Assert.Equal("X-Api-Key", scheme.GetProperty("name").GetString());
        foreach (var path in paths.EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                var keyed = operation.Value.TryGetProperty("security", out var security) && security[0].TryGetProperty("ApiKey", out _);
                Assert.True(keyed == (path.Name != "/health/live"), $"{operation.Name} {path.Name}: security {keyed}");
                Assert.Equal(keyed, operation.Value.GetProperty("responses").TryGetProperty("401", out _));
            }
        }

        var ready = paths.GetProperty("/health/ready").GetProperty("get").GetProperty("responses");
        Assert.Equal("#/components/schemas/HealthReport", ready.GetProperty("503").GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString());
        Assert.True(paths.GetProperty("/metrics").GetProperty("get").GetProperty("responses").GetProperty("200").GetProperty("content").TryGetProperty("text/plain", out _));
    }

    [Fact]
    public async Task Json_encoding_keeps_non_ascii_names_readable()
    {
        await using var server = await RunningServer.StartAsync();
        const string name = "[Grupo] Café Show 🎬 - 04 [1080p].mkv";

        using var response = await server.PostJsonAsync("/parse", JsonSerializer.Serialize(new { name }));

        var bytes = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        Assert.Contains(name, Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
        Assert.DoesNotContain("\\u", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_path_is_a_problem_404()
    {
        await using var server = await RunningServer.StartAsync();

        using var response = await server.GetAsync("/nope");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", RunningServer.MediaType(response)?.MediaType);
    }

    [Fact]
    public void Server_options_are_checked_before_anything_starts()
    {
        Assert.Throws<ServerConfigurationException>(() => EpisodicServer.Build(new ServerOptions { MaxBatch = 0 }));
        Assert.Throws<ServerConfigurationException>(() => EpisodicServer.Build(new ServerOptions { Urls = "ftp://127.0.0.1:21" }));
        Assert.Throws<ServerConfigurationException>(() => EpisodicServer.Build(new ServerOptions { Urls = " " }));
    }
}
