using Episodic.Core.Metadata;
using Episodic.Metadata.Configuration;
using Episodic.Tests.Fakes;
using Xunit;

namespace Episodic.Tests.Metadata;

/// <summary>Keys, cache, offline, 429 storms and outages, against the fake providers on 127.0.0.1.</summary>
public sealed class ProviderHttpTests
{
    private static readonly string[] Season =
    [
        "Attack.on.Titan.S01E01.1080p.mkv", "Attack.on.Titan.S01E02.1080p.mkv", "Attack.on.Titan.S02E05.1080p.mkv",
        "Doctor.Who.2005.S01E01.720p.mkv", "Doctor.Who.2005.S03E05.720p.mkv",
        "[SubsPlease] Kusuriya no Hitorigoto - 27 (1080p) [A1B2C3D4].mkv", "[SubsPlease] Kusuriya no Hitorigoto - 02 (1080p) [A1B2C3D4].mkv",
    ];

    [Fact]
    public async Task A_v3_key_travels_as_the_api_key_parameter_and_never_reaches_the_cache()
    {
        using var server = new FakeTmdbServer(MetadataFixture.Shows()) { RequiredApiKey = MetadataFixture.TmdbKey };
        using var cache = new TempCache();
        using (var host = MetadataFixture.Host(server, cache.Path))
        {
            Assert.Equal(IdentifyStatus.Identified, (await host.IdentifyAsync(Season[0])).Status);
        }

        Assert.All(server.Requests, r => Assert.Equal(MetadataFixture.TmdbKey, r.Query["api_key"]));
        Assert.Contains(server.Requests, r => r.Path == "/3/search/tv" && r.Query["query"] == "Attack on Titan" && r.Query["language"] == "en-US");
        var bytes = await File.ReadAllBytesAsync(cache.Path, TestContext.Current.CancellationToken);
        var text = System.Text.Encoding.UTF8.GetString(bytes);
        Assert.Contains("search/tv", text, StringComparison.Ordinal);
        Assert.DoesNotContain(MetadataFixture.TmdbKey, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_v4_read_token_travels_as_bearer_and_not_in_the_url()
    {
        const string token = "eyJhbGciOiJIUzI1NiJ9.eyJhdWQiOiJ0ZXN0In0.c2lnbmF0dXJl";
        using var server = new FakeTmdbServer(MetadataFixture.Shows()) { RequiredApiKey = token };
        using var cache = new TempCache();
        using var host = MetadataFixture.Host(server, cache.Path, tweak: s => s with { TmdbApiKey = token });
        Assert.Equal(IdentifyStatus.Identified, (await host.IdentifyAsync(Season[0])).Status);
        Assert.All(server.Requests, r => Assert.DoesNotContain("api_key", r.RawUrl, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_refused_key_is_one_warning_with_tmdbs_message_and_no_further_calls()
    {
        using var server = new FakeTmdbServer(MetadataFixture.Shows()) { RequiredApiKey = "another-key-entirely-0000000000" };
        using var cache = new TempCache();
        var log = new RecordingLogger();
        using var host = MetadataFixture.Host(server, cache.Path, log: log);
        var results = new List<Identification>();
        foreach (var name in Season)
        {
            results.Add(await host.IdentifyAsync(name));
        }

        Assert.All(results, r => Assert.Equal(IdentifyStatus.ProviderUnavailable, r.Status));
        var warning = Assert.Single(log.Messages);
        Assert.Contains("401", warning, StringComparison.Ordinal);
        Assert.Contains("Invalid API key", warning, StringComparison.Ordinal);
        Assert.DoesNotContain(MetadataFixture.TmdbKey, warning, StringComparison.Ordinal);
        Assert.Single(server.Requests);
    }

    [Theory]
    [InlineData("tmdb")]
    [InlineData("tvmaze")]
    public async Task A_warm_rerun_makes_zero_provider_calls_and_offline_answers_from_the_cache(string provider)
    {
        using var server = MetadataFixture.Server(provider);
        using var cache = new TempCache();
        var first = new List<Identification>();
        using (var cold = MetadataFixture.Host(server, cache.Path))
        {
            foreach (var name in Season)
            {
                first.Add(await cold.IdentifyAsync(name));
            }

            Assert.Equal(server.Requests.Count, cold.NetworkRequests);
        }

        var before = server.Requests.Count;
        Assert.True(before > 0);
        foreach (var offline in new[] { false, true })
        {
            using var warm = MetadataFixture.Host(server, cache.Path, tweak: s => s with { Offline = offline });
            foreach (var (name, expected) in Season.Zip(first))
            {
                var again = await warm.IdentifyAsync(name);
                Assert.Equal((expected.Status, expected.Season, expected.EpisodeTitle), (again.Status, again.Season, again.EpisodeTitle));
            }

            Assert.Equal(0, warm.NetworkRequests);
        }

        Assert.Equal(before, server.Requests.Count);
        Assert.All(first, r => Assert.Equal(IdentifyStatus.Identified, r.Status));
    }

    [Fact]
    public async Task Offline_with_an_empty_cache_makes_no_call_and_says_so()
    {
        using var server = MetadataFixture.Server("tvmaze");
        using var cache = new TempCache();
        using var host = MetadataFixture.Host(server, cache.Path, tweak: s => s with { Offline = true });
        var result = await host.IdentifyAsync(Season[0]);
        Assert.Equal(IdentifyStatus.ProviderUnavailable, result.Status);
        Assert.StartsWith("offline:", result.Reason, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Theory]
    [InlineData("tmdb")]
    [InlineData("tvmaze")]
    public async Task A_429_storm_still_identifies_every_file_and_waits_as_retry_after_says(string provider)
    {
        using var server = MetadataFixture.Server(provider);

        // Every other request of the first six is refused with 429 + Retry-After: 1.
        server.Throttle = n => n <= 6 && n % 2 == 1;
        using var cache = new TempCache();
        var log = new RecordingLogger();
        using var host = MetadataFixture.Host(server, cache.Path, log: log);
        foreach (var name in Season)
        {
            var result = await host.IdentifyAsync(name);
            Assert.Equal(IdentifyStatus.Identified, result.Status);
        }

        Assert.Empty(log.Messages);
        var requests = server.Requests;
        Assert.Contains(requests, r => r.Status == 429);
        for (var i = 0; i < requests.Count - 1; i++)
        {
            if (requests[i].Status == 429)
            {
                Assert.True(requests[i + 1].At - requests[i].At >= TimeSpan.FromMilliseconds(900), $"request {i + 2} came {(requests[i + 1].At - requests[i].At).TotalMilliseconds} ms after a 429 with Retry-After: 1");
            }
        }
    }

    [Fact]
    public async Task A_provider_that_is_down_is_one_warning_and_every_file_reports_it()
    {
        using var server = MetadataFixture.Server("tvmaze");
        server.FailWith = 503;
        using var cache = new TempCache();
        var log = new RecordingLogger();
        using var host = MetadataFixture.Host(server, cache.Path, log: log, tweak: s => s with { MaxRetries = 1 });
        foreach (var name in Season)
        {
            Assert.Equal(IdentifyStatus.ProviderUnavailable, (await host.IdentifyAsync(name)).Status);
        }

        var warning = Assert.Single(log.Messages);
        Assert.Contains("503", warning, StringComparison.Ordinal);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task Nobody_listening_is_unreachable_not_a_crash()
    {
        using var cache = new TempCache();
        var settings = new MetadataSettings { TvmazeBaseUrl = new Uri("http://127.0.0.1:1/"), MaxRetries = 0, CachePath = cache.Path };
        var log = new RecordingLogger();
        using var host = Episodic.Metadata.MetadataHost.Create(settings, MetadataProvider.Tvmaze, logger: log);
        var result = await host.IdentifyAsync(Season[0]);
        Assert.Equal(IdentifyStatus.ProviderUnavailable, result.Status);
        Assert.Contains("unreachable", Assert.Single(log.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void Configuration_reads_sections_environment_and_aliases_and_names_bad_keys()
    {
        var env = new Dictionary<string, string?>
        {
            ["TMDB_API_KEY"] = "env-key-123",
            ["EPISODIC_TVMAZE__BASE_URL"] = "http://127.0.0.1:9/tvmaze",
        };
        var ini = "[tmdb]\nlanguage = de-DE\nbase_url = ftp://nope\n[aliases]\nKusuriya no Hitorigoto = tmdb:220542\nBroken Show = imdb:tt1\n";
        var configuration = Episodic.Llm.Configuration.LlmConfiguration.BuildFromText(ini, env);
        var (settings, problems) = MetadataConfiguration.Read(configuration);

        Assert.Equal("env-key-123", settings.TmdbApiKey);
        Assert.Equal("de-DE", settings.TmdbLanguage);
        Assert.Equal("http://127.0.0.1:9/tvmaze/", settings.TvmazeBaseUrl.AbsoluteUri);
        Assert.Equal(new ShowId(MetadataProvider.Tmdb, 220542), settings.Aliases.Find("kusuriya.no.hitorigoto", MetadataProvider.Tmdb));
        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, p => p.Contains("[tmdb] base_url", StringComparison.Ordinal) && p.Contains("EPISODIC_TMDB__BASE_URL", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("[aliases]", StringComparison.Ordinal) && p.Contains("tvmaze:", StringComparison.Ordinal));
    }
}
