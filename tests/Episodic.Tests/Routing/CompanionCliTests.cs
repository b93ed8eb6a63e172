using Xunit;

namespace Episodic.Tests.Routing;

/// <summary>Subtitles and scene .nfo files follow their video through the real <c>route --apply</c>, and <c>undo</c> brings them back.</summary>
public sealed class CompanionCliTests
{
    private const string Pack = "Show.S01.1080p.WEB-GRP";

    [Fact]
    public async Task Subtitles_in_Subs_folders_follow_their_episode_and_undo_restores_them()
    {
        using var fx = new RoutingFixture();
        fx.Write($"{Pack}/Show.S01E01.1080p.WEB-GRP.mkv");
        fx.Write($"{Pack}/Show.S01E02.1080p.WEB-GRP.mkv");
        fx.Write($"{Pack}/show.s01e01.1080p.web-grp.EN.srt");
        fx.Write($"{Pack}/Subs/Show.S01E01.1080p.WEB-GRP/2_English.srt");
        fx.Write($"{Pack}/Subs/Show.S01E02.1080p.WEB-GRP/2_English.srt");
        fx.Write($"{Pack}/Subs/Show.S01E02.1080p.WEB-GRP/3_English (SDH).srt");
        fx.Write($"{Pack}/Subs/Show.S01E02.en.forced.srt");
        fx.Write($"{Pack}/Subs/Show.S01E03.en.forced.srt");
        fx.Write("Other.Show.S02E05.720p-XYZ/Other.Show.S02E05.720p-XYZ.mkv");
        fx.Write("Other.Show.S02E05.720p-XYZ/other.show.s02e05.720p-xyz.nfo", "<scene nfo>");
        fx.Write("Other.Show.S02E05.720p-XYZ/Subtitles/English.srt");
        var before = fx.Snapshot(fx.Downloads);

        var dry = await RouteCliTests.Run(["route", fx.Downloads, "--library", fx.Library]);
        Assert.Equal(0, dry.Exit);
        Assert.Contains("subtitles matching no video (1, left where they are)", dry.Stdout, StringComparison.Ordinal);
        Assert.Contains("Show.S01E03.en.forced.srt", dry.Stdout, StringComparison.Ordinal);

        var run = await RouteCliTests.Run(["route", fx.Downloads, "--library", fx.Library, "--apply", "--no-clean"]);

        Assert.Equal(0, run.Exit);
        var season = Path.Join(fx.Library, "Show", "Season 01");
        Assert.Equal(
            [
                "Show - S01E01.en.2.srt", "Show - S01E01.en.srt", "Show - S01E01.mkv",
                "Show - S01E02.en.forced.srt", "Show - S01E02.en.sdh.srt", "Show - S01E02.en.srt", "Show - S01E02.mkv",
            ],
            Directory.GetFiles(season).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal($"episode bytes of {Pack}/show.s01e01.1080p.web-grp.EN.srt\n", File.ReadAllText(Path.Join(season, "Show - S01E01.en.srt")));
        Assert.Equal($"episode bytes of {Pack}/Subs/Show.S01E01.1080p.WEB-GRP/2_English.srt\n", File.ReadAllText(Path.Join(season, "Show - S01E01.en.2.srt")));
        Assert.Equal($"episode bytes of {Pack}/Subs/Show.S01E02.1080p.WEB-GRP/3_English (SDH).srt\n", File.ReadAllText(Path.Join(season, "Show - S01E02.en.sdh.srt")));

        // The subtitle for an episode that is not here stays; it is not attached to E01 or E02.
        Assert.True(File.Exists(Path.Join(fx.Downloads, Pack, "Subs", "Show.S01E03.en.forced.srt")));
        Assert.DoesNotContain(Directory.GetFiles(fx.Library, "*", SearchOption.AllDirectories), f => File.ReadAllText(f).Contains("S01E03", StringComparison.Ordinal));

        var other = Path.Join(fx.Library, "Other Show", "Season 02");
        Assert.Equal(["Other Show - S02E05.en.srt", "Other Show - S02E05.mkv", "Other Show - S02E05.nfo-orig"], Directory.GetFiles(other).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal("<scene nfo>", File.ReadAllText(Path.Join(other, "Other Show - S02E05.nfo-orig")));

        var journal = Assert.Single(Directory.GetFiles(Path.Join(fx.Library, ".episodic"), "journal-*.jsonl"));
        var undo = await RouteCliTests.Run(["undo", journal]);

        Assert.Equal(0, undo.Exit);
        Assert.Equal(before, fx.Snapshot(fx.Downloads));
        Assert.DoesNotContain(Directory.GetFiles(fx.Library, "*", SearchOption.AllDirectories), f => !f.Contains(".episodic", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_lone_subtitle_for_another_episode_is_not_attached_to_the_only_video()
    {
        using var fx = new RoutingFixture();
        fx.Write("Show.S01E01.720p-GRP/Show.S01E01.720p-GRP.mkv");
        fx.Write("Show.S01E01.720p-GRP/Subs/Show.S01E04.English.srt");

        var run = await RouteCliTests.Run(["route", fx.Downloads, "--library", fx.Library, "--apply", "-f", "json"]);

        Assert.Equal(0, run.Exit);
        Assert.Contains("unmatched_subtitles", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Show.S01E04.English.srt", run.Stdout, StringComparison.Ordinal);
        Assert.Equal(["Show - S01E01.mkv"], Directory.GetFiles(Path.Join(fx.Library, "Show", "Season 01")).Select(Path.GetFileName));
        Assert.True(File.Exists(Path.Join(fx.Downloads, "Show.S01E01.720p-GRP", "Subs", "Show.S01E04.English.srt")));
    }
}
