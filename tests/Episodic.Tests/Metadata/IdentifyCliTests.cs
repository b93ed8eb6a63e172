using System.Text.Json;
using Episodic.Cli;
using Episodic.Tests.Fakes;
using Xunit;

namespace Episodic.Tests.Metadata;

/// <summary><c>episodic identify</c> end to end, against the fake providers through the environment variables a user sets.</summary>
public sealed class IdentifyCliTests
{
    [Fact]
    public async Task Identify_prints_json_lines_with_canonical_name_numbering_title_and_match()
    {
        using var server = new FakeTvmazeServer(MetadataFixture.Shows());
        using var cache = new TempCache();
        var (exit, stdout, stderr) = await Run(
            ["identify", "[SubsPlease] Kusuriya no Hitorigoto - 27 (1080p) [A1B2C3D4].mkv", "Doctor.Who.2005.S02E03.mkv", "-f", "jsonl", "--metadata", "tvmaze"],
            Env(server, cache));

        Assert.Equal(0, exit);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(2, lines.Count);
        Assert.Equal("The Apothecary Diaries", lines[0].GetProperty("show").GetString());
        Assert.Equal("tvmaze:62983", lines[0].GetProperty("show_id").GetString());
        Assert.Equal(2, lines[0].GetProperty("season").GetInt32());
        Assert.Equal(3, lines[0].GetProperty("episodes")[0].GetInt32());
        Assert.Equal("alternative_title", lines[0].GetProperty("matched_by").GetString());
        Assert.Equal("Doctor Who Chapter 2.3", lines[1].GetProperty("episode_title").GetString());
        Assert.Contains("2 of 2 identified with tvmaze", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Identify_json_writes_non_ascii_as_it_is()
    {
        using var server = new FakeTvmazeServer([.. MetadataFixture.Shows(), MetadataFixture.NonAscii]);
        using var cache = new TempCache();
        var (exit, stdout, stderr) = await Run(["identify", MetadataFixture.NonAsciiName, "-f", "json", "--metadata", "tvmaze"], Env(server, cache));

        Assert.True(exit == 0, stderr);
        Assert.DoesNotContain("\\u", stdout, StringComparison.Ordinal);
        var row = JsonDocument.Parse(stdout).RootElement[0];
        Assert.Equal(MetadataFixture.NonAsciiName, row.GetProperty("input").GetString());
        Assert.Equal("Pokémon Café", row.GetProperty("show").GetString());
        Assert.Contains("\"episode_title\":\"Pokémon Café Chapter 1.2\"", stdout, StringComparison.Ordinal);
        Assert.Contains("\"input\":\"" + MetadataFixture.NonAsciiName + "\"", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Identify_table_reports_what_it_could_not_identify_and_exits_5_a_partial_result()
    {
        using var server = new FakeTvmazeServer(MetadataFixture.Shows());
        using var cache = new TempCache();
        var (exit, stdout, _) = await Run(["identify", "Attack.on.Titan.S09E40.mkv", "Attack.on.Titan.S01E02.mkv", "--metadata", "tvmaze"], Env(server, cache));

        // 1 means a failure outside the input (I/O); some names left unidentified is the partial-result code.
        Assert.Equal(5, exit);
        Assert.Equal(ExitCodes.SomeFailed, IdentifyCommand.ExitSomeUnidentified);
        Assert.Contains("episode_unknown", stdout, StringComparison.Ordinal);
        Assert.Contains("Attack on Titan (2013)", stdout, StringComparison.Ordinal);
        Assert.Contains("no S09E40", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tmdb_without_a_key_is_a_one_line_configuration_error()
    {
        using var cache = new TempCache();
        var (exit, _, stderr) = await Run(["identify", "Show.S01E01.mkv", "--metadata", "tmdb"], new Dictionary<string, string?> { ["EPISODIC_METADATA__CACHE_PATH"] = cache.Path });
        Assert.Equal(CliApp.ExitConfigError, exit);
        Assert.Contains("TMDB_API_KEY", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    internal static Dictionary<string, string?> Env(FakeMetadataServer server, TempCache cache) => new()
    {
        [server is FakeTmdbServer ? "EPISODIC_TMDB__BASE_URL" : "EPISODIC_TVMAZE__BASE_URL"] = server.BaseUrl.AbsoluteUri,
        [server is FakeTmdbServer ? "EPISODIC_TMDB__REQUESTS_PER_SECOND" : "EPISODIC_TVMAZE__REQUESTS_PER_SECOND"] = "500",
        ["TMDB_API_KEY"] = server is FakeTmdbServer ? MetadataFixture.TmdbKey : null,
        ["EPISODIC_METADATA__CACHE_PATH"] = cache.Path,
    };

    internal static async Task<(int Exit, string Stdout, string Stderr)> Run(string[] args, Dictionary<string, string?> environment)
    {
        using var input = new StringReader("");
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CliApp.RunAsync(args, input, output, error, stderrIsTerminal: false, environment);
        return (exit, output.ToString(), error.ToString());
    }
}
