using System.Text.Json;
using Episodic.Core.Parsing;
using Episodic.Routing.Planning;
using Episodic.Tests.Fakes;
using Episodic.Tests.Metadata;
using Xunit;

namespace Episodic.Tests.Routing;

/// <summary>
/// Issue 17 item 11, one show, one root: with a separate anime root, the episodes of one show never split between
/// the TV and anime libraries because their names are styled differently; an existing folder in either root keeps
/// the show there; with metadata the identified show groups; shows that merely share a prefix are not grouped.
/// </summary>
public sealed class ShowRootTests
{
    private const string Fansub = "[SubsPlease] Frieren - 26 (1080p) [ABCD1234].mkv";
    private const string Season = "Frieren.S02E01.1080p.WEB.mkv";

    [Fact]
    public async Task Both_styles_of_one_show_in_one_run_land_in_one_root_on_disk()
    {
        using var fx = new RoutingFixture();
        var sources = new[] { fx.Write(Fansub), fx.Write(Season) };
        var plan = await fx.PlanAsync();

        Assert.All(plan.Items, i => Assert.Equal(RouteAction.Move, i.Action));
        Assert.Single(plan.Items.Select(i => i.Target!.Root).Distinct());
        var summary = fx.Apply(plan);

        Assert.Equal(2, summary.Moved);
        Assert.All(sources, s => Assert.False(File.Exists(s)));
        Assert.Equal(2, Directory.GetFiles(Path.Join(fx.Anime, "Frieren"), "*.mkv", SearchOption.AllDirectories).Length);
        Assert.False(Directory.Exists(Path.Join(fx.Library, "Frieren")));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_show_with_a_folder_in_one_root_stays_there_whatever_the_name_style(bool folderInAnime)
    {
        using var fx = new RoutingFixture();
        var existing = fx.Folder("Frieren", under: folderInAnime ? fx.Anime : fx.Library);
        fx.Write(folderInAnime ? Season : Fansub);
        var plan = await fx.PlanAsync();

        var item = Assert.Single(plan.Items);
        Assert.Equal(RouteAction.Move, item.Action);
        Assert.StartsWith(existing + Path.DirectorySeparatorChar, item.Destination, StringComparison.Ordinal);
        Assert.Equal(folderInAnime, item.Target!.Anime);
        Assert.Contains($"root: the show's folder is already in the {(folderInAnime ? "anime" : "TV")} root", item.Reason, StringComparison.Ordinal);
        fx.Apply(plan);
        Assert.Single(Directory.GetFiles(existing, "*.mkv", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Shows_that_merely_share_a_prefix_are_not_grouped_in_a_run_or_by_an_existing_folder()
    {
        using var fx = new RoutingFixture();
        fx.Folder("Attack on Titan", under: fx.Anime);
        fx.Write("[SubsPlease] Frieren - 26 (1080p) [ABCD1234].mkv");
        fx.Write("Frieren.Beyond.Journeys.End.S01E02.1080p.mkv");
        fx.Write("Attack.on.Titan.Junior.High.S01E03.1080p.mkv");
        var plan = await fx.PlanAsync();

        var byShow = plan.Items.ToDictionary(i => i.Parse.ShowName!, i => i.Target!.Root, StringComparer.Ordinal);
        Assert.Equal(fx.Anime, byShow["Frieren"]);
        Assert.Equal(fx.Library, byShow["Frieren Beyond Journeys End"]);
        Assert.Equal(fx.Library, byShow["Attack on Titan Junior High"]);
        Assert.NotEqual(ShowRoots.KeyOf(RuleParser.Default.Parse("Show.S01E01.mkv"), null), ShowRoots.KeyOf(RuleParser.Default.Parse("Show.Ladies.S01E01.mkv"), null));
    }

    [Theory]
    [InlineData(2, 1, true)]
    [InlineData(1, 1, true)]
    [InlineData(1, 2, false)]
    [InlineData(0, 3, false)]
    public void Without_a_folder_the_majority_of_the_runs_episodes_decides_and_a_tie_goes_to_anime(int animeStyled, int seasonStyled, bool anime)
    {
        var votes = Enumerable.Repeat(new RootVote("name:show", true, false, false), animeStyled)
            .Concat(Enumerable.Repeat(new RootVote("name:show", false, false, false), seasonStyled));

        var choice = ShowRoots.Decide(votes)["name:show"];

        Assert.Equal(anime, choice.Anime);
    }

    [Fact]
    public void A_folder_in_both_roots_decides_nothing_and_the_majority_rules()
    {
        var choice = ShowRoots.Decide([new RootVote("name:show", false, true, true), new RootVote("name:show", false, true, true), new RootVote("name:show", true, true, true)])["name:show"];

        Assert.False(choice.Anime);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task With_metadata_the_identified_show_groups_names_that_do_not_look_alike(bool tvFolder)
    {
        using var fx = new RoutingFixture();
        using var server = new FakeTvmazeServer(MetadataFixture.Shows());
        using var cache = new TempCache();
        Directory.CreateDirectory(fx.Anime);
        if (tvFolder)
        {
            fx.Folder("The Apothecary Diaries (2023)");
        }

        fx.Write("[SubsPlease] Kusuriya no Hitorigoto - 27 (1080p) [A1B2C3D4].mkv");
        fx.Write("The.Apothecary.Diaries.S02E04.1080p.WEB.mkv");
        var (exit, stdout, stderr) = await IdentifyCliTests.Run(
            ["route", fx.Downloads, "--library", fx.Library, "--anime-library", fx.Anime, "--metadata", "tvmaze", "-f", "json"], IdentifyCliTests.Env(server, cache));

        Assert.True(exit == 0, stderr);
        var destinations = JsonDocument.Parse(stdout).RootElement.GetProperty("plan").EnumerateArray().Select(p => p.GetProperty("destination").GetString()!).ToList();
        Assert.Equal(2, destinations.Count);
        var root = tvFolder ? fx.Library : fx.Anime;
        Assert.All(destinations, d => Assert.StartsWith(Path.Join(root, "The Apothecary Diaries (2023)") + Path.DirectorySeparatorChar, d, StringComparison.Ordinal));
    }
}
