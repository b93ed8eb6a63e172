using Episodic.Core.Parsing;
using Episodic.Routing.Planning;
using Episodic.Routing.Templates;
using Xunit;

namespace Episodic.Tests.Routing;

/// <summary>Where each kind of episode is planned, through the pure <see cref="RoutePlanner.Destination"/> and a real scan.</summary>
public sealed class PlannerLayoutTests
{
    private static readonly RoutingOptions Options = new() { LibraryRoot = "/lib/tv", AnimeRoot = "/lib/anime" };

    private static RouteTarget? Plan(string name, RoutingOptions? options = null, params string[] folders) =>
        RoutePlanner.Destination(RuleParser.Default.Parse(name), name, options ?? Options, folders);

    [Theory]
    [InlineData("Show.Name.S01E02.720p.HDTV.x264-GRP.mkv", "Show Name/Season 01/Show Name - S01E02.mkv", RouteLayout.Season)]
    [InlineData("Show.S01E01E02.mkv", "Show/Season 01/Show - S01E01-E02.mkv", RouteLayout.Season)]
    [InlineData("Show.S01E01-E02.mkv", "Show/Season 01/Show - S01E01-E02.mkv", RouteLayout.Season)]
    [InlineData("Doctor.Who.2005.S00E01.mkv", "Doctor Who (2005)/Season 00/Doctor Who (2005) - S00E01.mkv", RouteLayout.Season)]
    [InlineData("The.Daily.Show.2024.01.15.720p.WEB.mkv", "The Daily Show/Season 2024/The Daily Show - 2024-01-15.mkv", RouteLayout.Daily)]
    public void Tv_layouts(string name, string expected, RouteLayout layout)
    {
        var target = Plan(name);

        Assert.NotNull(target);
        Assert.Equal(expected, target.RelativePath);
        Assert.Equal(layout, target.Layout);
        Assert.False(target.Anime);
        Assert.Equal("/lib/tv", target.Root);
    }

    [Fact]
    public void Absolute_anime_goes_to_the_anime_root()
    {
        var target = Plan("[SubsPlease] Frieren - 05 (1080p) [ABCD1234].mkv");

        Assert.NotNull(target);
        Assert.True(target.Anime);
        Assert.Equal(RouteLayout.Absolute, target.Layout);
        Assert.Equal("/lib/anime", target.Root);
        Assert.Equal("Frieren/Frieren - Episode 005.mkv", target.RelativePath);
        Assert.Equal(Path.Join("/lib/anime", "Frieren", "Frieren - Episode 005.mkv"), target.FullPath);
    }

    [Fact]
    public void Fansub_tagged_season_release_is_anime_too()
    {
        var name = "[Group] Some Show S2 - 05 [ABCD1234].mkv";
        var parse = RuleParser.Default.Parse(name);

        Assert.Equal(2, parse.Season);
        Assert.True(RoutePlanner.IsAnime(parse, name));
        Assert.False(RoutePlanner.IsAnime(RuleParser.Default.Parse("Show.S02E05.mkv"), "Show.S02E05.mkv"));
    }

    [Fact]
    public void Keep_original_name_keeps_the_file_name_inside_the_planned_folder()
    {
        var name = "[SubsPlease] Frieren - 05 (1080p) [ABCD1234].mkv";
        var target = Plan(name, Options with { KeepOriginalName = true });

        Assert.NotNull(target);
        Assert.Equal("Frieren/" + name, target.RelativePath);
    }

    [Fact]
    public void Anime_root_defaults_to_the_library()
    {
        var target = Plan("[SubsPlease] Frieren - 05 [ABCD1234].mkv", new RoutingOptions { LibraryRoot = "/lib/tv" });

        Assert.Equal("/lib/tv", target!.Root);
    }

    [Fact]
    public void Configurable_template_with_every_placeholder()
    {
        var options = Options with { Template = "{show}/S{season}/{episodes:00} {year} {original}{ext}" };
        var target = Plan("Show.2019.S03E04E05.mkv", options);

        Assert.Equal("Show (2019)/S3/04-05 2019 Show.2019.S03E04E05.mkv", target!.RelativePath);
    }

    [Theory]
    [InlineData("{show}/{nope}{ext}", true)]
    [InlineData("/abs/{show}{ext}", true)]
    [InlineData("{show}/../{show}{ext}", true)]
    [InlineData("{show}/Season {season:00}/{show} - S{season:00}E{episode:00}{ext}", false)]
    public void Template_validation(string template, bool bad) => Assert.Equal(bad, TemplateRenderer.Validate(template).Count > 0);

    [Theory]
    [InlineData("random_video.mkv", "not an episode")]
    [InlineData("Show.S01.Complete.1080p.mkv", "season pack")]
    public void Non_episodes_are_skipped_with_the_reason(string name, string reason)
    {
        var parse = RuleParser.Default.Parse(name);

        Assert.Null(RoutePlanner.Destination(parse, name, Options, []));
        Assert.Contains(reason, RoutePlanner.SkipReason(parse, Options), StringComparison.Ordinal);
    }

    [Fact]
    public void Below_the_confidence_floor_is_skipped()
    {
        var parse = RuleParser.Default.Parse("Show.S01E02.mkv") with { Confidence = 0.5 };

        Assert.Null(RoutePlanner.Destination(parse, "Show.S01E02.mkv", Options, []));
        Assert.Equal("confidence 0.50 is below the floor 0.70", RoutePlanner.SkipReason(parse, Options));
        Assert.NotNull(RoutePlanner.Destination(parse, "Show.S01E02.mkv", Options with { MinConfidence = 0.4 }, []));
    }

    [Fact]
    public async Task Scan_plans_every_video_with_sidecars_and_lists_skips()
    {
        using var fx = new RoutingFixture();
        fx.Write("Show.S01E01.mkv");
        fx.Write("Show.S01E01.srt");
        fx.Write("Show.S01E01.en.forced.srt");
        fx.Write("Show.S01E010.srt");
        fx.Write("notes.txt");
        fx.Write("nested/[SubsPlease] Frieren - 05 [ABCD1234].mkv");
        fx.Write("holiday.mp4");

        var plan = await fx.PlanAsync();

        Assert.Equal(3, plan.Items.Count);
        var show = plan.Items.Single(i => i.Source.EndsWith("Show.S01E01.mkv", StringComparison.Ordinal));
        Assert.Equal(RouteAction.Move, show.Action);
        Assert.Equal(Path.Join(fx.Library, "Show", "Season 01", "Show - S01E01.mkv"), show.Destination);
        Assert.Equal(
            [Path.Join(fx.Library, "Show", "Season 01", "Show - S01E01.en.forced.srt"), Path.Join(fx.Library, "Show", "Season 01", "Show - S01E01.srt")],
            show.Sidecars.Select(s => s.Destination).Order(StringComparer.Ordinal));
        var anime = plan.Items.Single(i => i.Source.Contains("Frieren", StringComparison.Ordinal));
        Assert.Equal(Path.Join(fx.Anime, "Frieren", "Frieren - Episode 005.mkv"), anime.Destination);
        Assert.Equal(RouteAction.Skip, plan.Items.Single(i => i.Source.EndsWith("holiday.mp4", StringComparison.Ordinal)).Action);
    }

    [Fact]
    public async Task Folder_names_give_the_parser_context()
    {
        using var fx = new RoutingFixture();
        fx.Write("Some Show/Season 2/05.mkv");

        var plan = await fx.PlanAsync(null, fx.Downloads);

        Assert.Equal(Path.Join(fx.Library, "Some Show", "Season 02", "Some Show - S02E05.mkv"), Assert.Single(plan.Items).Destination);

        // Folders below the root give context; the root itself never does (it is a download client's folder).
        var fromRoot = await fx.PlanAsync(null, Path.Join(fx.Downloads, "Some Show"));
        Assert.NotEqual(Path.Join(fx.Library, "Some Show", "Season 02", "Some Show - S02E05.mkv"), Assert.Single(fromRoot.Items).Destination);
    }

    [Fact]
    public async Task A_file_already_in_place_is_already_done()
    {
        using var fx = new RoutingFixture();
        fx.Write("Show/Season 01/Show - S01E01.mkv", under: fx.Library);

        var plan = await fx.PlanAsync(null, fx.Library);

        Assert.Equal(RouteAction.AlreadyDone, Assert.Single(plan.Items).Action);
    }

    [Fact]
    public async Task A_new_show_gets_one_folder_for_all_its_spellings()
    {
        using var fx = new RoutingFixture();
        fx.Write("the.office.us.s01e01.mkv");
        fx.Write("The.Office.US.S01E02.720p.mkv");
        fx.Write("The Office (US) - S01E03.mkv");

        var plan = await fx.PlanAsync();

        Assert.Equal(["The Office (US)"], plan.Items.Select(i => i.Target!.ShowFolder).Distinct());
        Assert.Single(plan.Items, i => i.Reason.Contains("new folder", StringComparison.Ordinal));
    }
}
