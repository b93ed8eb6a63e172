using System.Net;
using System.Text;
using System.Text.Json;
using Episodic.Cli;
using Episodic.Server;
using Episodic.Tests.Fakes;
using Episodic.Tests.Server;
using Xunit;

namespace Episodic.Tests.Metadata;

/// <summary>The metadata layer through suggest-show, check and the HTTP server.</summary>
public sealed class MetadataSurfacesTests
{
    private const string OpenAiKey = "sk-metadata-test-0123456789ab";

    [Fact]
    public async Task Suggest_show_without_candidates_searches_the_provider_and_the_model_picks_one_of_them()
    {
        using var tvmaze = new FakeTvmazeServer(MetadataFixture.Shows());
        using var openAi = new FakeOpenAiServer();
        openAi.Enqueue(FakeReply.Text("""{"id":1795,"show_name":"The Office","confidence":0.8,"reasoning":"UK spelling."}"""));
        using var cache = new TempCache();
        var env = IdentifyCliTests.Env(tvmaze, cache);
        foreach (var (k, v) in OpenAi(openAi))
        {
            env[k] = v;
        }

        var (exit, stdout, stderr) = await IdentifyCliTests.Run(["suggest-show", "The Office", "--metadata", "tvmaze"], env);

        Assert.True(exit == 0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        Assert.Equal("tvmaze:1795", doc.RootElement.GetProperty("show_id").GetString());
        Assert.Equal(2, doc.RootElement.GetProperty("candidates").GetInt32());
        var prompt = Assert.Single(openAi.ChatRequests).Body;
        Assert.Contains("1795", prompt, StringComparison.Ordinal);
        Assert.Contains("526", prompt, StringComparison.Ordinal);
        Assert.Contains(tvmaze.Requests, r => r.Path == "/search/shows" && r.Query["q"] == "The Office");
    }

    [Theory]
    [InlineData("tmdb", 2996)]
    [InlineData("tvmaze", 1795)]
    public async Task Suggest_show_reads_a_search_answer_saved_from_the_provider_as_is(string provider, int ukOffice)
    {
        using var server = MetadataFixture.Server(provider);
        using var openAi = new FakeOpenAiServer();
        openAi.Enqueue(FakeReply.Text($$"""{"id":{{ukOffice}},"show_name":"The Office","confidence":0.8,"reasoning":"UK spelling."}"""));
        using var dir = new Routing.RoutingFixture();
        var saved = Path.Join(dir.Root, "results.json");
        using (var http = new HttpClient())
        {
            // What a user saves with curl: the API's own answer, byte for byte.
            var url = provider == "tmdb" ? new Uri(server.BaseUrl, "search/tv?query=The%20Office") : new Uri(server.BaseUrl, "search/shows?q=The%20Office");
            await File.WriteAllTextAsync(saved, await http.GetStringAsync(url, TestContext.Current.CancellationToken), TestContext.Current.CancellationToken);
        }

        var (exit, stdout, stderr) = await IdentifyCliTests.Run(["suggest-show", "The Office", "--candidates", saved], OpenAi(openAi));

        Assert.True(exit == 0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        Assert.Equal($"{provider}:{ukOffice}", doc.RootElement.GetProperty("show_id").GetString());
        Assert.Equal(2, doc.RootElement.GetProperty("candidates").GetInt32());
        var prompt = Assert.Single(openAi.ChatRequests).Body;
        Assert.Contains("2001", prompt, StringComparison.Ordinal); // the UK show's first year, from first_air_date or premiered
        Assert.Single(server.Requests); // only the save: suggest-show asked the provider nothing
    }

    [Theory]
    [InlineData("""{"page":1,"results":[{"id":"x","name":"A"}],"total_pages":1,"total_results":1}""", "as a TMDB search/tv answer, $.results[0].id")]
    [InlineData("""[{"score":0.9,"show":{"id":1,"name":["A"]}}]""", "as a TVmaze search/shows answer, $[0].show.name")]
    public async Task A_saved_answer_with_a_field_of_the_wrong_kind_names_it_in_one_line(string json, string expected)
    {
        using var dir = new Routing.RoutingFixture();
        var saved = Path.Join(dir.Root, "results.json");
        await File.WriteAllTextAsync(saved, json, TestContext.Current.CancellationToken);

        var (exit, _, stderr) = await IdentifyCliTests.Run(["suggest-show", "A", "--candidates", saved], []);

        Assert.Equal(ExitCodes.InputError, exit);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(expected, line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_probes_the_routing_provider_and_fails_when_it_cannot_answer()
    {
        using var tvmaze = new FakeTvmazeServer(MetadataFixture.Shows());
        using var openAi = new FakeOpenAiServer();
        using var cache = new TempCache();
        var env = OpenAi(openAi);
        env["EPISODIC_ROUTING__METADATA"] = "tvmaze";
        env["EPISODIC_TVMAZE__BASE_URL"] = tvmaze.BaseUrl.AbsoluteUri;
        env["EPISODIC_METADATA__MAX_RETRIES"] = "0";

        var healthy = await IdentifyCliTests.Run(["check"], env);
        Assert.True(healthy.Exit == 0, healthy.Stderr + healthy.Stdout);
        var row = Assert.Single(healthy.Stdout.Split('\n'), l => l.StartsWith("tvmaze", StringComparison.Ordinal));
        Assert.Contains("routing", row, StringComparison.Ordinal);
        Assert.EndsWith("ok", row.TrimEnd(), StringComparison.Ordinal);
        Assert.Contains(tvmaze.Requests, r => r.Path == "/search/shows");

        tvmaze.FailWith = 503;
        var down = await IdentifyCliTests.Run(["check"], env);
        Assert.Equal(CheckCommand.ExitUnhealthy, down.Exit);
        Assert.Contains("503", down.Stdout, StringComparison.Ordinal);
        Assert.Contains("[routing] metadata names cannot answer", down.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_fails_when_a_configured_tmdb_rejects_its_key_even_if_routing_does_not_name_it()
    {
        // The fake answers a wrong key as TMDB does: 401 with {"status_code":7,"status_message":"Invalid API key: ...","success":false}.
        using var tmdb = new FakeTmdbServer(MetadataFixture.Shows()) { RequiredApiKey = MetadataFixture.TmdbKey };
        using var openAi = new FakeOpenAiServer();
        const string wrongKey = "fedcba9876543210fedcba9876543210";
        var env = OpenAi(openAi);
        env["TMDB_API_KEY"] = wrongKey;
        env["EPISODIC_TMDB__BASE_URL"] = tmdb.BaseUrl.AbsoluteUri;
        env["EPISODIC_METADATA__MAX_RETRIES"] = "0";

        var refused = await IdentifyCliTests.Run(["check"], env);

        Assert.Equal(CheckCommand.ExitUnhealthy, refused.Exit);
        var row = Assert.Single(refused.Stdout.Split('\n'), l => l.StartsWith("tmdb", StringComparison.Ordinal));
        Assert.Contains("configured", row, StringComparison.Ordinal);
        Assert.Contains("the metadata provider tmdb rejects its key", refused.Stderr, StringComparison.Ordinal);
        Assert.Contains(tmdb.Requests, r => r.Path == "/3/search/tv");
        Assert.DoesNotContain(wrongKey, refused.Stdout + refused.Stderr, StringComparison.Ordinal);

        env["TMDB_API_KEY"] = MetadataFixture.TmdbKey;
        var accepted = await IdentifyCliTests.Run(["check"], env);
        Assert.True(accepted.Exit == 0, accepted.Stderr + accepted.Stdout);
    }

    [Fact]
    public async Task Post_identify_answers_with_the_identification_contract()
    {
        using var tvmaze = new FakeTvmazeServer(MetadataFixture.Shows());
        using var cache = new TempCache();
        using var host = MetadataFixture.Host(tvmaze, cache.Path);
        await using var server = await RunningServer.StartAsync(new ServerOptions { Identifier = host.Identifier });

        using var ok = await server.PostJsonAsync("/identify", """{"name":"Doctor.Who.2005.S02E03.720p.mkv"}""");
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        using var doc = JsonDocument.Parse(await ok.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("identified", doc.RootElement.GetProperty("status").GetString());
        Assert.Equal("tvmaze:210", doc.RootElement.GetProperty("show_id").GetString());
        Assert.Equal("Doctor Who Chapter 2.3", doc.RootElement.GetProperty("episode_title").GetString());

        using var blank = await server.PostJsonAsync("/identify", """{"name":"  "}""");
        Assert.Equal(HttpStatusCode.BadRequest, blank.StatusCode);
    }

    [Fact]
    public async Task Post_identify_writes_non_ascii_as_it_is()
    {
        using var tvmaze = new FakeTvmazeServer([.. MetadataFixture.Shows(), MetadataFixture.NonAscii]);
        using var cache = new TempCache();
        using var host = MetadataFixture.Host(tvmaze, cache.Path);
        await using var server = await RunningServer.StartAsync(new ServerOptions { Identifier = host.Identifier });

        using var ok = await server.PostJsonAsync("/identify", JsonSerializer.Serialize(new { name = MetadataFixture.NonAsciiName }));

        var text = Encoding.UTF8.GetString(await ok.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        Assert.True(HttpStatusCode.OK == ok.StatusCode, text);
        Assert.Equal("utf-8", ok.Content.Headers.ContentType?.CharSet);
        Assert.DoesNotContain("\\u", text, StringComparison.Ordinal);
        Assert.Contains("\"input\":\"" + MetadataFixture.NonAsciiName + "\"", text, StringComparison.Ordinal);
        Assert.Contains("\"show\":\"Pokémon Café\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_identify_without_a_provider_says_how_to_configure_one()
    {
        await using var server = await RunningServer.StartAsync();
        using var response = await server.PostJsonAsync("/identify", """{"name":"Show.S01E01.mkv"}""");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("--metadata tvmaze", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    private static Dictionary<string, string?> OpenAi(FakeOpenAiServer server) => new()
    {
        ["EPISODIC_LLM__SERVICE"] = "openai",
        ["OPENAI_API_KEY"] = OpenAiKey,
        ["OPENAI_BASE_URL"] = server.BaseUri.ToString(),
        ["EPISODIC_OPENAI__MODEL"] = FakeOpenAiServer.Model,
        ["EPISODIC_CACHE__DIR"] = Path.Join(Path.GetTempPath(), "episodic-meta-llm-" + Guid.NewGuid().ToString("N")[..8]),
    };
}

/// <summary>The real TMDB, only when a key is given and live tests are asked for (CI never leaves loopback).</summary>
public sealed class LiveMetadataTests
{
    [Fact]
    public async Task Tmdb_live_identifies_a_well_known_episode()
    {
        var key = Environment.GetEnvironmentVariable("TMDB_API_KEY");
        if (string.IsNullOrWhiteSpace(key) || Environment.GetEnvironmentVariable("EPISODIC_LIVE_METADATA") != "1")
        {
            Assert.Skip("TMDB_API_KEY and EPISODIC_LIVE_METADATA=1 are not both set; the live TMDB test needs the network.");
        }

        using var cache = new TempCache();
        using var host = Episodic.Metadata.MetadataHost.Create(new Episodic.Metadata.Configuration.MetadataSettings { TmdbApiKey = key, CachePath = cache.Path }, Episodic.Core.Metadata.MetadataProvider.Tmdb);
        var result = await host.IdentifyAsync("Doctor.Who.2005.S01E01.720p.mkv");
        Assert.True(result.IsIdentified, result.Reason);
        Assert.Equal(2005, result.Show!.Year);
    }
}
