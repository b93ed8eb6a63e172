using Episodic.Core.Parsing;
using Episodic.Routing.Planning;
using Episodic.Routing.Templates;
using Xunit;

namespace Episodic.Tests.Routing;

/// <summary>What Episodic writes into the library, it reads back to the same numbers, for every template and sample.</summary>
public sealed class TemplateRoundTripTests
{
    private static readonly RoutingOptions Defaults = new() { LibraryRoot = "/lib/tv", AnimeRoot = "/lib/anime" };

    public static TheoryData<RouteLayout> Layouts => [RouteLayout.Season, RouteLayout.Absolute, RouteLayout.Daily];

    [Theory]
    [MemberData(nameof(Layouts))]
    public void Every_default_template_reads_back_every_sample_by_path_and_by_file_name(RouteLayout layout)
    {
        var checkedCount = 0;
        foreach (var sample in TemplateRoundTrip.Samples(layout))
        {
            var target = RoutePlanner.Build(sample, "source.mkv", Defaults, RoutePlanner.NewFolderName(sample), newShowFolder: true);
            Assert.Equal(layout, target.Layout);
            foreach (var written in new[] { target.RelativePath, Path.GetFileName(target.RelativePath) })
            {
                var back = RuleParser.Default.Parse(written);
                Assert.True(TemplateRoundTrip.Mismatch(sample, back, layout) is null, $"{written}: {TemplateRoundTrip.Mismatch(sample, back, layout)}");
                checkedCount++;
            }
        }

        Assert.True(checkedCount >= 20, $"only {checkedCount} names were checked");
        Assert.Empty(TemplateRoundTrip.Problems(Defaults, layout, RuleParser.Default, "template"));
    }

    [Fact]
    public void A_bare_absolute_number_is_reported_because_it_reads_back_as_season_and_episode()
    {
        var options = Defaults with { AnimeTemplate = "{show}/{show} - {absolute:000}{ext}" };

        var problems = TemplateRoundTrip.Problems(options, RouteLayout.Absolute, RuleParser.Default, "[routing] anime_template");

        var problem = Assert.Single(problems);
        Assert.Contains("anime_template", problem, StringComparison.Ordinal);
        Assert.Contains("reads back as season", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void The_default_anime_template_does_not_write_a_bare_three_digit_number()
    {
        var sample = TemplateRoundTrip.Samples(RouteLayout.Absolute).First(s => s.Episodes is [150]);

        var target = RoutePlanner.Build(sample, "source.mkv", Defaults, "Show Name", newShowFolder: true);

        Assert.Equal("Show Name/Show Name - Episode 150.mkv", target.RelativePath);
        var back = RuleParser.Default.Parse(target.RelativePath);
        Assert.Null(back.Season);
        Assert.Equal([150], back.Episodes);
    }

    [Theory]
    [InlineData(RouteLayout.Season, "{show}/Season {season:00}/{show} - S{season:00}E{episode:00}")]
    [InlineData(RouteLayout.Absolute, "{show}/{show} - Episode {absolute:000}")]
    [InlineData(RouteLayout.Daily, "{show}{ext}/{show} {air_date}")]
    public void A_template_without_ext_in_its_file_name_is_refused(RouteLayout layout, string template)
    {
        var options = layout switch
        {
            RouteLayout.Season => Defaults with { Template = template },
            RouteLayout.Absolute => Defaults with { AnimeTemplate = template },
            _ => Defaults with { DailyTemplate = template },
        };

        var problem = Assert.Single(TemplateValidator.Problems(options, layout, "--template"));

        Assert.StartsWith("--template: ", problem, StringComparison.Ordinal);
        Assert.Contains("without their extension", problem, StringComparison.Ordinal);
        Assert.Contains("end it with {ext}", problem, StringComparison.Ordinal);
        // With --rename keep the file keeps its own name and extension: only the folders come from the template.
        Assert.Empty(TemplateValidator.Problems(options with { KeepOriginalName = true }, layout, "--template"));
    }

    [Theory]
    [InlineData("{show} - {season}x{episode:00}{ext}")]
    [InlineData("{show}/Season {season}/{show} - {season}x{episode:00} - {episode_title}{ext}")]
    public void The_tvnamer_style_is_accepted_because_it_reads_back(string template) =>
        Assert.Empty(TemplateValidator.Problems(Defaults with { Template = template }, RouteLayout.Season, "--template"));

    [Theory]
    [InlineData("{show}/{show} {episode}{ext}", "writes 'Show Name/Show Name 1.mkv', which writes season 1, episode 1 but reads back as episode 1 and no season")]
    [InlineData("{show}/{show}{ext}", "which writes season 1, episode 1 but reads back as no season, episode or date at all")]
    [InlineData("{show}/{show} - {season}{episode:00}{ext}", "which writes season 1, episodes 2 to 3 but reads back as season 1, episode 3, with the show read as 'Show Name - 102'")]
    public void A_template_that_does_not_read_back_says_what_it_read_in_words(string template, string expected)
    {
        var problem = Assert.Single(TemplateValidator.Problems(Defaults with { Template = template }, RouteLayout.Season, "--template"));

        Assert.Contains(expected, problem, StringComparison.Ordinal);
        Assert.DoesNotContain("season none", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Route_refuses_a_template_without_ext_and_accepts_the_tvnamer_style()
    {
        using var fx = new RoutingFixture();
        fx.Write("Show.S01E02.mkv", "one");

        var bare = await RouteCliTests.Run(["route", fx.Downloads, "--library", fx.Library, "--template", "{show}/S{season:00}E{episode:00}"]);
        Assert.Equal(2, bare.Exit);
        Assert.Contains("--template: '{show}/S{season:00}E{episode:00}' writes files without their extension", bare.Stderr, StringComparison.Ordinal);

        var tvnamer = await RouteCliTests.Run(["route", fx.Downloads, "--library", fx.Library, "--template", "{show} - {season}x{episode:00}{ext}", "--apply"]);
        Assert.True(tvnamer.Exit == 0, tvnamer.Stderr);
        Assert.True(File.Exists(Path.Join(fx.Library, "Show - 1x02.mkv")), tvnamer.Stdout);
    }
}
