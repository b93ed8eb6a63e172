using System.Text.Json;
using Episodic.Tests.Fakes;
using Episodic.Tests.Metadata;
using Episodic.Tests.Routing;
using Xunit;

namespace Episodic.Tests.Automation;

/// <summary><c>route --show/--tmdb-id/--tvmaze-id</c> through the real CLI on real files: the show is forced for every name, the numbers still come from each name.</summary>
public sealed class RouteOverrideTests : IDisposable
{
    private readonly RoutingFixture _fx = new();

    public void Dispose() => _fx.Dispose();

    [Fact]
    public async Task Show_files_every_name_of_the_run_under_that_show_with_each_names_numbers()
    {
        var first = _fx.Write("Pack/Wrong.Title.S01E02.1080p.mkv", "two");
        var second = _fx.Write("Pack/Wrong.Title.S01E03.1080p.mkv", "three");
        var (before2, before3) = (RoutingFixture.Fingerprint(first), RoutingFixture.Fingerprint(second));

        var (exit, _, stderr) = await CliProcess.RunAsync(["route", _fx.Downloads, "--library", _fx.Library, "--show", "Right Show (2019)", "--apply"], _fx.Root);

        Assert.True(exit == 0, stderr);
        var folder = Path.Join(_fx.Library, "Right Show (2019)", "Season 01");
        Assert.Equal(before2, RoutingFixture.Fingerprint(Path.Join(folder, "Right Show (2019) - S01E02.mkv")));
        Assert.Equal(before3, RoutingFixture.Fingerprint(Path.Join(folder, "Right Show (2019) - S01E03.mkv")));
        Assert.False(Directory.Exists(Path.Join(_fx.Library, "Wrong Title")));
    }

    [Fact]
    public async Task Tvmaze_id_files_a_name_the_search_cannot_find_under_that_show()
    {
        using var server = new FakeTvmazeServer(MetadataFixture.Shows());
        using var cache = new TempCache();
        _fx.Write("Nothing.Like.It.S02E04.1080p.WEB.mkv");
        string[] args = ["route", _fx.Downloads, "--library", _fx.Library, "-f", "json"];

        var searched = await IdentifyCliTests.Run([.. args, "--metadata", "tvmaze"], IdentifyCliTests.Env(server, cache));
        var chosen = await IdentifyCliTests.Run([.. args, "--tvmaze-id", "62983"], IdentifyCliTests.Env(server, cache));

        Assert.True(chosen.Exit == 0, chosen.Stderr);
        var searchedPlan = JsonDocument.Parse(searched.Stdout).RootElement.GetProperty("plan")[0];
        Assert.NotEqual("tvmaze:62983", searchedPlan.TryGetProperty("show_id", out var none) ? none.GetString() : null);
        var plan = JsonDocument.Parse(chosen.Stdout).RootElement.GetProperty("plan")[0];
        Assert.Equal("tvmaze:62983", plan.GetProperty("show_id").GetString());
        Assert.Equal(Path.Join(_fx.Library, "The Apothecary Diaries (2023)", "Season 02", "The Apothecary Diaries (2023) - S02E04 - The Apothecary Diaries Chapter 2.4.mkv"), plan.GetProperty("destination").GetString());
    }

    [Theory]
    [InlineData("--show", "A", "--tmdb-id", "1")]
    [InlineData("--tmdb-id", "1", "--tvmaze-id", "2")]
    public async Task Two_ways_of_naming_the_show_are_refused_in_one_line_before_anything_moves(string a, string av, string b, string bv)
    {
        var source = _fx.Write("Some.Show.S01E01.mkv");

        var (exit, _, stderr) = await CliProcess.RunAsync(["route", _fx.Downloads, "--library", _fx.Library, a, av, b, bv, "--apply"], _fx.Root);

        Assert.Equal(2, exit);
        Assert.Equal("episodic: give one of --show, --tmdb-id and --tvmaze-id", stderr.Trim());
        Assert.True(File.Exists(source));
    }
}
