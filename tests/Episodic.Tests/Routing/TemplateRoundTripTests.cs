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
}
