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
