using System.Text.Json;
using Episodic.Tests.Fakes;
using Episodic.Tests.Routing;
using Xunit;

namespace Episodic.Tests.Metadata;

/// <summary><c>route --metadata</c> on real files: Plex/Jellyfin layout from the provider, folders through alternative titles, no wrong moves.</summary>
public sealed class RouteMetadataTests
{
    [Fact]
    public async Task Anime_and_season_names_of_one_show_land_in_one_season_folder_with_titles()
    {
        using var fx = new RoutingFixture();
        using var server = new FakeTvmazeServer(MetadataFixture.Shows());
        using var cache = new TempCache();
        fx.Write("[SubsPlease] Kusuriya no Hitorigoto - 27 (1080p) [A1B2C3D4].mkv");
        fx.Write("The.Apothecary.Diaries.S02E04.1080p.WEB.mkv");
        var (exit, stdout, stderr) = await IdentifyCliTests.Run(["route", fx.Downloads, "--library", fx.Library, "--metadata", "tvmaze", "-f", "json"], IdentifyCliTests.Env(server, cache));

        Assert.True(exit == 0, stderr);
        var plan = JsonDocument.Parse(stdout).RootElement.GetProperty("plan").EnumerateArray().OrderBy(p => p.GetProperty("destination").GetString(), StringComparer.Ordinal).ToList();
        const string folder = "The Apothecary Diaries (2023)";
        Assert.Equal(Path.Join(fx.Library, folder, "Season 02", $"{folder} - S02E03 - The Apothecary Diaries Chapter 2.3.mkv"), plan[0].GetProperty("destination").GetString());
        Assert.Equal(Path.Join(fx.Library, folder, "Season 02", $"{folder} - S02E04 - The Apothecary Diaries Chapter 2.4.mkv"), plan[1].GetProperty("destination").GetString());
        Assert.Equal("tvmaze:62983", plan[0].GetProperty("show_id").GetString());
        Assert.Equal(2, plan[0].GetProperty("season").GetInt32());
        Assert.Equal(3, plan[0].GetProperty("episodes")[0].GetInt32());
        Assert.Equal("The Apothecary Diaries Chapter 2.3", plan[0].GetProperty("episode_title").GetString());
        Assert.Equal("alternative_title", plan[0].GetProperty("matched_by").GetString());
        Assert.Equal("name", plan[1].GetProperty("matched_by").GetString());
    }

    [Fact]
    public async Task An_existing_folder_named_by_an_alternative_title_is_used_and_apply_moves_the_file()
    {
        using var fx = new RoutingFixture();
        using var server = new FakeTmdbServer(MetadataFixture.Shows());
        using var cache = new TempCache();
        fx.Folder("Shingeki no Kyojin");
        var source = fx.Write("Attack.on.Titan.S01E05.1080p.mkv");
        var (exit, stdout, stderr) = await IdentifyCliTests.Run(
            ["route", fx.Downloads, "--library", fx.Library, "--metadata", "tmdb", "--apply", "--journal", fx.Journal],
            IdentifyCliTests.Env(server, cache));

        Assert.True(exit == 0, stderr);
        var expected = Path.Join(fx.Library, "Shingeki no Kyojin", "Season 01", "Shingeki no Kyojin - S01E05 - Attack on Titan Chapter 1.5.mkv");
        Assert.True(File.Exists(expected), stdout);
        Assert.False(File.Exists(source));
    }

    [Fact]
    public async Task An_episode_the_provider_does_not_know_is_reported_and_not_moved()
    {
        using var fx = new RoutingFixture();
        using var server = new FakeTvmazeServer(MetadataFixture.Shows());
        using var cache = new TempCache();
        var source = fx.Write("Attack.on.Titan.S09E40.1080p.mkv");
        var (exit, stdout, _) = await IdentifyCliTests.Run(["route", fx.Downloads, "--library", fx.Library, "--metadata", "tvmaze", "--apply", "--journal", fx.Journal], IdentifyCliTests.Env(server, cache));

        Assert.Equal(0, exit);
        Assert.True(File.Exists(source));
        Assert.Contains("no S09E40", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(Directory.GetFileSystemEntries(fx.Library), e => !Path.GetFileName(e).StartsWith('.'));
    }

    [Theory]
    [InlineData("hold")]
    [InlineData("name")]
    [InlineData("required")]
    public async Task A_refused_key_is_one_warning_then_a_hold_or_with_fallback_name_todays_filing_or_with_required_a_skip(string mode)
    {
        using var fx = new RoutingFixture();
        using var server = new FakeTmdbServer(MetadataFixture.Shows()) { RequiredApiKey = "a-different-key-0000000000000000" };
        using var cache = new TempCache();
        fx.Write("Attack.on.Titan.S01E05.1080p.mkv");
        fx.Write("Attack.on.Titan.S01E06.1080p.mkv");
        string[] extra = mode switch { "name" => ["--metadata-fallback", "name"], "required" => ["--metadata-required"], _ => [] };
        string[] args = ["route", fx.Downloads, "--library", fx.Library, "--metadata", "tmdb", "-f", "json", .. extra];
        var (exit, stdout, stderr) = await IdentifyCliTests.Run(args, IdentifyCliTests.Env(server, cache));

        Assert.Equal(0, exit);
        Assert.Single(stderr.Split('\n'), l => l.Contains("Invalid API key", StringComparison.Ordinal) && l.Contains("not asked again", StringComparison.Ordinal));
        Assert.Equal(mode == "hold", stderr.Contains("2 held: metadata provider tmdb could not answer", StringComparison.Ordinal));
        Assert.DoesNotContain(MetadataFixture.TmdbKey, stderr + stdout, StringComparison.Ordinal);
        var plan = JsonDocument.Parse(stdout).RootElement.GetProperty("plan").EnumerateArray().ToList();
        Assert.Equal(2, plan.Count);
        foreach (var item in plan)
        {
            Assert.Equal(mode == "name" ? "move" : "skip", item.GetProperty("action").GetString());
            Assert.Equal(mode switch { "hold" => "metadata_outage", "required" => "metadata_unavailable", _ => null }, item.GetProperty("hold").GetString());
            if (mode == "name")
            {
                Assert.StartsWith(Path.Join(fx.Library, "Attack on Titan", "Season 01"), item.GetProperty("destination").GetString(), StringComparison.Ordinal);
            }
        }
    }
}
