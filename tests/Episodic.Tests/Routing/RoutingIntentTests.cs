using System.Text.Json;
using Episodic.Core.Text;
using Episodic.Routing.Apply;
using Episodic.Routing.Planning;
using Episodic.Routing.Reporting;
using Xunit;

namespace Episodic.Tests.Routing;

/// <summary>Routing does what a person means: extras stay, roots are not shows, links route content, output is inert.</summary>
public sealed class RoutingIntentTests
{
    [Fact]
    public async Task Samples_trailers_and_extras_are_left_out_and_listed()
    {
        using var fx = new RoutingFixture();
        fx.Write("Show.S01E01.720p-GRP/Show.S01E01.720p-GRP.mkv", "the episode");
        fx.Write("Show.S01E01.720p-GRP/Sample/show.s01e01.720p-grp-sample.mkv", "sample in folder");
        fx.Write("Show.S01E02.720p-GRP-sample.mkv", "suffix sample");
        fx.Write("sample-show.s01e03.mkv", "prefix sample");
        fx.Write("Show.S01E04.Making.Of-featurette.mkv", "featurette");
        fx.Write("Show/Featurettes/Show.S01E05.mkv", "extras folder");
        fx.Write("Show.S01E06.Free.Samples.mkv", "an episode titled Free Samples");
        fx.Write("show.s01e07.720p.sample.mkv", "dotted sample");

        var plan = await fx.PlanAsync();

        Assert.Equal(["Show.S01E01.720p-GRP.mkv", "Show.S01E06.Free.Samples.mkv"], plan.Items.Select(i => Path.GetFileName(i.Source)).Order(StringComparer.Ordinal));
        Assert.Equal(6, plan.Excluded.Count);
        var table = new StringWriter();
        RouteReport.WriteTable(plan, RouteForecast.Of(plan, new ApplyOptions()).Items, table);
        Assert.Contains("left out (6 sample(s)/extra(s))", table.ToString(), StringComparison.Ordinal);
        Assert.Contains("left out: an extra: it is in a 'Featurettes' folder", table.ToString(), StringComparison.Ordinal);

        var summary = fx.Apply(plan);
        Assert.Equal(2, summary.Moved);
        Assert.Equal(0, summary.Conflicts);
        Assert.True(File.Exists(Path.Join(fx.Downloads, "Show.S01E02.720p-GRP-sample.mkv")));
    }

    [Fact]
    public async Task The_source_root_folder_never_names_the_show()
    {
        using var fx = new RoutingFixture();
        var incoming = Path.Join(fx.Root, "Incoming");
        fx.Write("S01E01.mkv", under: incoming);
        fx.Write("Real Show/S01E02.mkv", under: incoming);

        var plan = await fx.PlanAsync(null, incoming);

        var bare = Assert.Single(plan.Items, i => i.Source.EndsWith("S01E01.mkv", StringComparison.Ordinal));
        Assert.Equal(RouteAction.Skip, bare.Action);
        Assert.DoesNotContain("Incoming", bare.Destination ?? "", StringComparison.Ordinal);
        var named = Assert.Single(plan.Items, i => i.Source.EndsWith("S01E02.mkv", StringComparison.Ordinal));
        Assert.Equal("Real Show", named.Target?.ShowFolder);
    }

    [Theory]
    [InlineData("move")]
    [InlineData("copy")]
    [InlineData("hardlink")]
    public async Task A_symlinked_source_routes_its_content_never_a_dangling_link(string mode)
    {
        using var fx = new RoutingFixture();
        var store = Path.Join(fx.Root, "store");
        var target = fx.Write("real-bytes.mkv", "the real content", store);
        var link = Path.Join(fx.Downloads, "Show.S01E01.mkv");
        File.CreateSymbolicLink(link, Path.GetRelativePath(fx.Downloads, target));

        var run = await RouteCliTests.Run(["route", fx.Downloads, "--library", fx.Library, "--apply", "--mode", mode]);

        Assert.Equal(0, run.Exit);
        var routed = Path.Join(fx.Library, "Show", "Season 01", "Show - S01E01.mkv");
        Assert.Null(new FileInfo(routed).LinkTarget);
        Assert.Equal("the real content", File.ReadAllText(routed));
        Assert.Equal("the real content", File.ReadAllText(target));
        Assert.Equal(mode != "move", File.Exists(link) || new FileInfo(link).LinkTarget is not null);
    }

    [Fact]
    public async Task A_missing_library_root_is_refused_unless_create_library()
    {
        using var fx = new RoutingFixture();
        fx.Write("Show.S01E01.mkv");
        var unmounted = Path.Join(fx.Root, "nas", "tv");

        var refused = await RouteCliTests.Run(["route", fx.Downloads, "--library", unmounted, "--apply"]);

        Assert.Equal(2, refused.Exit);
        Assert.Contains("does not exist (is the share mounted?); add --create-library", refused.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(unmounted));
        Assert.Single(Directory.GetFiles(fx.Downloads));

        var created = await RouteCliTests.Run(["route", fx.Downloads, "--library", unmounted, "--apply", "--create-library"]);
        Assert.Equal(0, created.Exit);
        Assert.True(File.Exists(Path.Join(unmounted, "Show", "Season 01", "Show - S01E01.mkv")));
    }

    [Fact]
    public async Task Control_characters_in_names_are_escaped_in_the_table_and_plan()
    {
        using var fx = new RoutingFixture();
        fx.Write("Show.S01E01.\u001b]0;pwned\u0007\nfake row.mkv");

        var table = await RouteCliTests.Run(["route", fx.Downloads, "--library", fx.Library]);
        var json = await RouteCliTests.Run(["route", fx.Downloads, "--library", fx.Library, "--format", "json"]);

        Assert.DoesNotContain('\u001b', table.Stdout + table.Stderr);
        Assert.DoesNotContain('\u0007', table.Stdout + table.Stderr);
        Assert.Contains("\\x1b]0;pwned\\x07\\nfake row.mkv", table.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(table.Stdout.Split('\n'), l => l.StartsWith("fake row", StringComparison.Ordinal));
        Assert.DoesNotContain('\u001b', json.Stdout);
        using var doc = JsonDocument.Parse(json.Stdout);
        Assert.Contains("\u001b", doc.RootElement.GetProperty("plan")[0].GetProperty("source").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("plain name.mkv", "plain name.mkv")]
    [InlineData("a\tb\r\n", "a\\tb\\r\\n")]
    [InlineData("\u202eevil\u0000", "\\u202eevil\\x00")]
    [InlineData("caf\u00e9 \u65e5\u672c", "caf\u00e9 \u65e5\u672c")]
    public void Printable_escapes_only_what_a_terminal_would_act_on(string input, string expected) =>
        Assert.Equal(expected, Printable.Escape(input));
}
