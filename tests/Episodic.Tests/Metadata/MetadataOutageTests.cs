using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Episodic.Cli;
using Episodic.Tests.Fakes;
using Episodic.Tests.Routing;
using Xunit;

namespace Episodic.Tests.Metadata;

/// <summary>
/// Issue 17 item 10: <c>route --metadata</c> with a provider that cannot answer (connection refused, key refused, too
/// slow, garbage, JSON of the wrong shape) holds the names it could not identify instead of filing them by a release
/// name the provider would have corrected; <c>--metadata-fallback name</c> keeps filing by name. Real files, the
/// in-process fake providers, the CLI as a user runs it.
/// </summary>
public sealed class MetadataOutageTests
{
    private static readonly string[] Names =
    [
        "One.Piece.1089.1080p.WEB.mkv",
        "[SubsPlease] Kusuriya no Hitorigoto - 27 (1080p) [A1B2C3D4].mkv",
        "Attack.on.Titan.S01E05.1080p.mkv",
    ];

    /// <summary>
    /// The rules read <c>One.Piece.1089</c> at about 0.6 (they name the absolute-1089 rival), below the default floor;
    /// the floor is lowered so these tests see the outage alone, not a low-confidence skip.
    /// </summary>
    private const string LowFloor = "0.5";

    [Theory]
    [InlineData("tmdb", "refused")]
    [InlineData("tvmaze", "refused")]
    [InlineData("tmdb", "unauthorized")]
    [InlineData("tmdb", "timeout")]
    [InlineData("tvmaze", "timeout")]
    [InlineData("tmdb", "garbage")]
    [InlineData("tvmaze", "garbage")]
    [InlineData("tmdb", "wrong_shape")]
    [InlineData("tvmaze", "wrong_shape")]
    public async Task An_outage_holds_every_name_it_left_unidentified_and_moves_nothing(string provider, string outage)
    {
        using var fx = new RoutingFixture();
        using var server = MetadataFixture.Server(provider);
        using var cache = new TempCache();
        var env = IdentifyCliTests.Env(server, cache);
        Break(server, outage, env);
        Directory.CreateDirectory(fx.Anime);
        var sources = Names.Select(n => fx.Write(n)).ToList();

        var (exit, stdout, stderr) = await IdentifyCliTests.Run(
            ["route", fx.Downloads, "--library", fx.Library, "--anime-library", fx.Anime, "--metadata", provider, "--apply", "--journal", fx.Journal, "-f", "json", "--min-confidence", LowFloor], env);

        Assert.True(exit == 0, stderr);
        Assert.All(sources, s => Assert.True(File.Exists(s), $"{s} was moved:\n{stdout}"));
        Assert.DoesNotContain(Directory.GetFiles(fx.Library, "*", SearchOption.AllDirectories), f => !f.Contains(".episodic", StringComparison.Ordinal));
        var plan = JsonDocument.Parse(stdout).RootElement.GetProperty("plan").EnumerateArray().ToList();
        Assert.Equal(3, plan.Count);
        Assert.All(plan, item =>
        {
            Assert.Equal("skip", item.GetProperty("action").GetString());
            Assert.Equal("metadata_outage", item.GetProperty("hold").GetString());
            Assert.Equal("provider_unavailable", item.GetProperty("metadata_status").GetString());
        });
        var summary = Assert.Single(stderr.Split('\n'), l => l.Contains(" held: ", StringComparison.Ordinal));
        Assert.StartsWith($"episodic: 3 held: metadata provider {provider} could not answer (", summary, StringComparison.Ordinal);
        Assert.EndsWith("use --metadata-fallback name to file them by their release names", summary.TrimEnd('\r'), StringComparison.Ordinal);
        Assert.DoesNotContain(MetadataFixture.TmdbKey, stdout + stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Metadata_fallback_name_by_flag_or_config_files_by_the_release_name_as_before(bool flag)
    {
        using var fx = new RoutingFixture();
        using var server = MetadataFixture.Server("tmdb");
        using var cache = new TempCache();
        server.FailWith = 503;
        var env = IdentifyCliTests.Env(server, cache);
        env["EPISODIC_METADATA__MAX_RETRIES"] = "0";
        if (!flag)
        {
            env["EPISODIC_ROUTING__METADATA_FALLBACK"] = "name";
        }

        var source = fx.Write("One.Piece.1089.1080p.WEB.mkv");
        string[] args = ["route", fx.Downloads, "--library", fx.Library, "--metadata", "tmdb", "--apply", "--journal", fx.Journal, "--min-confidence", LowFloor, .. flag ? new[] { "--metadata-fallback", "name" } : []];
        var (exit, stdout, stderr) = await IdentifyCliTests.Run(args, env);

        Assert.True(exit == 0, stderr);
        Assert.False(File.Exists(source));
        Assert.True(File.Exists(Path.Join(fx.Library, "One Piece", "Season 10", "One Piece - S10E89.mkv")), stdout);
        Assert.DoesNotContain(" held: ", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("EPISODIC_METADATA__TIMEOUT", "soon", "[metadata] timeout = soon")]
    [InlineData("EPISODIC_METADATA__TIMEOUT", "0", "[metadata] timeout = 0")]
    [InlineData("EPISODIC_ROUTING__METADATA_FALLBACK", "guess", "[routing] metadata_fallback")]
    public async Task A_bad_timeout_or_fallback_setting_is_one_line_naming_the_key_and_exit_3(string variable, string value, string named)
    {
        using var fx = new RoutingFixture();
        using var server = MetadataFixture.Server("tvmaze");
        using var cache = new TempCache();
        var env = IdentifyCliTests.Env(server, cache);
        env[variable] = value;
        fx.Write("Attack.on.Titan.S01E05.1080p.mkv");

        var (exit, _, stderr) = await IdentifyCliTests.Run(["route", fx.Downloads, "--library", fx.Library, "--metadata", "tvmaze"], env);

        Assert.Equal(CliApp.ExitConfigError, exit);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(named, line, StringComparison.Ordinal);
        Assert.Contains(variable.EndsWith("TIMEOUT", StringComparison.Ordinal) ? "e.g. timeout = 10s" : "hold, name", line, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task A_timeout_setting_is_honoured_a_slow_provider_is_an_outage_within_it()
    {
        using var fx = new RoutingFixture();
        using var server = MetadataFixture.Server("tvmaze");
        using var cache = new TempCache();
        server.Delay = TimeSpan.FromSeconds(3);
        var env = IdentifyCliTests.Env(server, cache);
        env["EPISODIC_METADATA__TIMEOUT"] = "300ms";
        env["EPISODIC_METADATA__MAX_RETRIES"] = "0";
        fx.Write("Attack.on.Titan.S01E05.1080p.mkv");

        var started = System.Diagnostics.Stopwatch.StartNew();
        var (exit, _, stderr) = await IdentifyCliTests.Run(["route", fx.Downloads, "--library", fx.Library, "--metadata", "tvmaze"], env);

        Assert.True(exit == 0, stderr);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(2.5), $"took {started.Elapsed}");
        Assert.Contains("1 held: metadata provider tvmaze could not answer (", stderr, StringComparison.Ordinal);
        Assert.Contains("timed out", stderr, StringComparison.Ordinal);
    }

    /// <summary>Makes the fake fail the way <paramref name="outage"/> names; retries off so a test takes a second, not minutes.</summary>
    private static void Break(FakeMetadataServer server, string outage, Dictionary<string, string?> env)
    {
        env["EPISODIC_METADATA__MAX_RETRIES"] = "0";
        var tmdb = server is FakeTmdbServer;
        switch (outage)
        {
            case "refused":
                env[tmdb ? "EPISODIC_TMDB__BASE_URL" : "EPISODIC_TVMAZE__BASE_URL"] = $"http://127.0.0.1:{ClosedPort()}/";
                break;
            case "unauthorized":
                server.FailWith = 401;
                break;
            case "timeout":
                server.Delay = TimeSpan.FromSeconds(2);
                env["EPISODIC_METADATA__TIMEOUT"] = "0.3";
                break;
            case "garbage":
                server.RawBody = "<html><body><h1>502 Bad Gateway</h1></body></html>";
                break;
            case "wrong_shape":
                server.RawBody = tmdb ? """{"page":1,"total_pages":0}""" : """{"shows":[]}""";
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(outage), outage, null);
        }
    }

    /// <summary>A loopback port nothing listens on: connecting is refused at once.</summary>
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
