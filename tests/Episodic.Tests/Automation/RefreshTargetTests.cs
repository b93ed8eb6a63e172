using Episodic.Automation.Refresh;
using Xunit;

namespace Episodic.Tests.Automation;

/// <summary>How changed files become refresh targets: grouped by library root, reduced to show folders, one per library.</summary>
public sealed class RefreshTargetTests
{
    private static readonly string Base = Path.Join(Path.GetTempPath(), "episodic-refresh-targets");
    private static readonly string Tv = Path.Join(Base, "tv");
    private static readonly string Anime = Path.Join(Base, "tv", "anime");

    [Fact]
    public void Files_of_one_show_scan_its_folder_several_shows_scan_the_root_and_the_deepest_root_owns_a_path()
    {
        var changes = LibraryChange.Of(
            [Tv, Anime],
            [
                Path.Join(Tv, "Severance", "Season 02", "a.mkv"),
                Path.Join(Tv, "Severance", "Season 02", "a.en.srt"),
                Path.Join(Tv, "The Bear", "Season 03", "b.mkv"),
                Path.Join(Anime, "Frieren", "c.mkv"),
                Path.Join(Base, "downloads", "not-a-library.mkv"),
                Path.Join(Base, "tvshows", "prefix-but-not-inside.mkv"),
            ]);

        Assert.Equal(2, changes.Count);
        var anime = Assert.Single(changes, c => c.Root == Anime);
        Assert.Equal([Path.Join(Anime, "Frieren")], anime.Folders);
        Assert.Equal(Path.Join(Anime, "Frieren"), anime.ScanPath);
        var tv = Assert.Single(changes, c => c.Root == Tv);
        Assert.Equal([Path.Join(Tv, "Severance"), Path.Join(Tv, "The Bear")], tv.Folders);
        Assert.Equal(Tv, tv.ScanPath);
    }

    [Fact]
    public void A_file_directly_in_the_root_scans_the_root_and_nothing_changed_is_no_target()
    {
        var change = Assert.Single(LibraryChange.Of([Tv], [Path.Join(Tv, "loose.mkv"), Path.Join(Tv, "Severance", "x.mkv")]));
        Assert.Equal([Tv], change.Folders);
        Assert.Equal(Tv, change.ScanPath);
        Assert.Empty(LibraryChange.Of([Tv], []));
    }
}
