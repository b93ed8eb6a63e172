using Xunit;

namespace Episodic.Tests.Routing;

/// <summary>
/// The clean-up after <c>route --apply</c> through the real CLI: only fully routed release folders holding nothing but
/// leftovers go (into the library's trash, journaled), and <c>undo</c> brings the download back byte for byte.
/// </summary>
public sealed class CompanionCleanTests
{
    private const string Release = "Rel.Show.S01E01.720p-GRP";

    [Fact]
    public async Task A_fully_routed_release_folder_is_cleaned_and_undo_restores_it_byte_for_byte()
    {
        using var fx = new RoutingFixture();
        fx.Write($"{Release}/{Release}.mkv");
        fx.Write($"{Release}/rel-grp.nfo", "<scene nfo>");
        fx.Write($"{Release}/info.txt");
        fx.Write($"{Release}/Visit.url");
        fx.Write($"{Release}/rel.sfv");
        fx.Write($"{Release}/rel.vol00+01.par2");
        fx.Write($"{Release}/Sample/rel-sample.mkv");
        Directory.CreateDirectory(Path.Join(fx.Downloads, Release, "Proof"));
        fx.Write("notes.txt", "my own notes");
        fx.Write("Loose.Show.S01E02.mkv");
        fx.Write("Pack.S01/Pack.S01E01.mkv");
        fx.Write("Pack.S01/random_video.mkv");
        fx.Write("Pack.S01/pack.txt");
        fx.Write("Keep.Show.S01E03-GRP/Keep.Show.S01E03-GRP.mkv");
        fx.Write("Keep.Show.S01E03-GRP/cover.jpg");
        var before = fx.Snapshot(fx.Downloads);
        var beforeDirs = Dirs(fx.Downloads);

        var run = await RouteCliTests.Run(["route", fx.Downloads, "--library", fx.Library, "--apply"]);

        Assert.Equal(0, run.Exit);
        Assert.False(Directory.Exists(Path.Join(fx.Downloads, Release)));
        Assert.True(File.Exists(Path.Join(fx.Library, "Rel Show", "Season 01", "Rel Show - S01E01.nfo-orig")));
        Assert.Equal(5, Directory.GetFiles(Path.Join(fx.Library, ".episodic", "trash"), "*", SearchOption.AllDirectories).Length);

        // The download root is no release folder; a release with an unrouted video, or a file not in the leftover table, stays.
        Assert.Equal("my own notes", File.ReadAllText(Path.Join(fx.Downloads, "notes.txt")));
        Assert.Equal(["pack.txt", "random_video.mkv"], Directory.GetFiles(Path.Join(fx.Downloads, "Pack.S01")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(["cover.jpg"], Directory.GetFiles(Path.Join(fx.Downloads, "Keep.Show.S01E03-GRP")).Select(Path.GetFileName));

        var journal = Assert.Single(Directory.GetFiles(Path.Join(fx.Library, ".episodic"), "journal-*.jsonl"));
        var undo = await RouteCliTests.Run(["undo", journal]);

        Assert.Equal(0, undo.Exit);
        Assert.Equal(before, fx.Snapshot(fx.Downloads));
        Assert.Equal(beforeDirs, Dirs(fx.Downloads));
        Assert.False(Directory.Exists(Path.Join(fx.Library, ".episodic", "trash")));
    }

    [Theory]
    [InlineData("--mode", "copy")]
    [InlineData("--mode", "hardlink")]
    [InlineData("--no-clean", null)]
    public async Task Copy_hardlink_and_no_clean_leave_the_release_folder(string flag, string? value)
    {
        using var fx = new RoutingFixture();
        fx.Write($"{Release}/{Release}.mkv");
        fx.Write($"{Release}/info.txt");
        fx.Write($"{Release}/Sample/rel-sample.mkv");

        string[] args = ["route", fx.Downloads, "--library", fx.Library, "--apply", flag, .. value is null ? Array.Empty<string>() : [value]];
        var run = await RouteCliTests.Run(args);

        Assert.Equal(0, run.Exit);
        Assert.True(File.Exists(Path.Join(fx.Library, "Rel Show", "Season 01", "Rel Show - S01E01.mkv")));
        Assert.True(File.Exists(Path.Join(fx.Downloads, Release, "info.txt")));
        Assert.True(File.Exists(Path.Join(fx.Downloads, Release, "Sample", "rel-sample.mkv")));
        Assert.False(Directory.Exists(Path.Join(fx.Library, ".episodic", "trash")));
    }

    private static List<string> Dirs(string root) =>
        Directory.GetDirectories(root, "*", SearchOption.AllDirectories).Select(d => Path.GetRelativePath(root, d)).Order(StringComparer.Ordinal).ToList();
}
