using Episodic.Tests.Routing;
using Xunit;

namespace Episodic.Tests.Automation;

/// <summary>
/// <c>episodic hook CLIENT</c> run as each client runs it (its command line or its environment), as a real second
/// process on real files: what that download brought is filed, nothing else is touched, failed jobs and other
/// categories are left alone with the exit code the client expects.
/// </summary>
public sealed class HookCommandTests : IDisposable
{
    private readonly RoutingFixture _fx = new();

    public void Dispose() => _fx.Dispose();

    private string Config(string extra = "")
    {
        var path = Path.Join(_fx.Root, "hook.ini");
        File.WriteAllText(path, $"[routing]\ntv_path = {_fx.Library}\n\n[hook]\n{extra}\n");
        return path;
    }

    private Task<(int Exit, string Stdout, string Stderr)> Hook(string client, IEnumerable<string> args, Dictionary<string, string>? environment = null, string extra = "") =>
        CliProcess.RunAsync(["hook", "--config", Config(extra), client, .. args], _fx.Root, environment);

    private string InLibrary(string show, int season, int episode) =>
        Path.Join(_fx.Library, show, $"Season {season:00}", $"{show} - S{season:00}E{episode:00}.mkv");

    [Fact]
    public async Task QBittorrent_single_file_is_hardlinked_and_keeps_seeding()
    {
        var content = _fx.Write("Some.Show.S01E02.720p.WEB.x264-GRP.mkv");
        var other = _fx.Write("Other.Show.S02E03.720p.WEB.x264-GRP.mkv");

        var (exit, stdout, stderr) = await Hook("qbittorrent", [content, "tv", "Some.Show.S01E02.720p.WEB.x264-GRP", "0123456789abcdef0123456789abcdef01234567"]);

        Assert.True(exit == 0, stderr);
        Assert.Contains("1 filed (hardlink)", stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(content), "the torrent's file must stay for seeding");
        Assert.Equal(File.ReadAllText(content), File.ReadAllText(InLibrary("Some Show", 1, 2)));
        Assert.True(File.Exists(other));
        Assert.False(Directory.Exists(Path.Join(_fx.Library, "Other Show")), "only what this download brought is routed");
        var log = File.ReadAllText(Path.Join(_fx.Library, ".episodic", "hook.log"));
        Assert.Contains("qbittorrent exit=0 name=\"Some.Show.S01E02.720p.WEB.x264-GRP\" category=\"tv\"", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Transmission_reads_its_environment_and_routes_the_torrent_folder_only()
    {
        _fx.Write("Pack.S03/Pack.S03E01.1080p.mkv");
        _fx.Write("Pack.S03/Pack.S03E02.1080p.mkv");
        var sibling = _fx.Write("Else.S01/Else.S01E01.mkv");
        var environment = new Dictionary<string, string>
        {
            ["TR_TORRENT_DIR"] = _fx.Downloads,
            ["TR_TORRENT_NAME"] = "Pack.S03",
            ["TR_TORRENT_ID"] = "7",
            ["TR_TORRENT_LABELS"] = "tv,hd",
        };

        var (exit, stdout, stderr) = await Hook("transmission", [], environment, "categories = tv");

        Assert.True(exit == 0, stderr);
        Assert.Contains("2 filed (hardlink)", stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(InLibrary("Pack", 3, 1)));
        Assert.True(File.Exists(InLibrary("Pack", 3, 2)));
        Assert.True(File.Exists(sibling));
        Assert.False(Directory.Exists(Path.Join(_fx.Library, "Else")));
    }

    [Fact]
    public async Task Transmission_without_its_variables_is_one_line_and_exit_2()
    {
        var (exit, _, stderr) = await Hook("transmission", []);

        Assert.Equal(2, exit);
        Assert.Contains("missing TR_TORRENT_DIR", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sabnzbd_positional_arguments_move_the_job()
    {
        var job = Path.Join(_fx.Downloads, "Job.Show.S02E05.720p.HDTV");
        _fx.Write("Job.Show.S02E05.720p.HDTV/Job.Show.S02E05.720p.HDTV.x264-GRP.mkv");
        _fx.Write("Job.Show.S02E05.720p.HDTV/readme.txt");

        var (exit, stdout, stderr) = await Hook("sabnzbd", [job, "Job.Show.S02E05.720p.HDTV.nzb", "Job Show S02E05 720p HDTV", "", "tv", "alt.binaries.test", "0"]);

        Assert.True(exit == 0, stderr);
        Assert.Contains("1 filed (move)", stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(InLibrary("Job Show", 2, 5)));
        Assert.False(File.Exists(Path.Join(job, "Job.Show.S02E05.720p.HDTV.x264-GRP.mkv")), "usenet defaults to move");
    }

    [Theory]
    [InlineData("1")]
    [InlineData("-1")]
    public async Task Sabnzbd_failed_job_is_not_routed(string status)
    {
        var job = Path.Join(_fx.Downloads, "Bad.Show.S01E01");
        var file = _fx.Write("Bad.Show.S01E01/Bad.Show.S01E01.720p.mkv");

        var (exit, stdout, stderr) = await Hook("sabnzbd", [job, "Bad.Show.S01E01.nzb", "Bad Show S01E01", "", "tv", "alt.binaries.test", status]);

        Assert.True(exit == 0, stderr);
        Assert.Contains("not routed", stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(file));
        Assert.DoesNotContain(Directory.GetDirectories(_fx.Library), d => Path.GetFileName(d) != ".episodic");
    }

    [Fact]
    public async Task Nzbget_success_is_93_and_the_files_are_moved()
    {
        var job = Path.Join(_fx.Downloads, "Nz.Show.S04E09");
        var file = _fx.Write("Nz.Show.S04E09/Nz.Show.S04E09.1080p.WEB.mkv");

        var (exit, _, stderr) = await Hook("nzbget", [], Nzbget(job, "SUCCESS"));

        Assert.True(exit == 93, $"exit {exit}: {stderr}");
        Assert.False(File.Exists(file));
        Assert.True(File.Exists(InLibrary("Nz Show", 4, 9)));
    }

    [Theory]
    [InlineData("FAILURE")]
    [InlineData("WARNING")]
    [InlineData("DELETED")]
    public async Task Nzbget_unsuccessful_job_is_95_and_nothing_moves(string status)
    {
        var job = Path.Join(_fx.Downloads, "Nz.Show.S04E10");
        var file = _fx.Write("Nz.Show.S04E10/Nz.Show.S04E10.1080p.WEB.mkv");

        var (exit, _, stderr) = await Hook("nzbget", [], Nzbget(job, status));

        Assert.True(exit == 95, $"exit {exit}: {stderr}");
        Assert.True(File.Exists(file));
        Assert.False(File.Exists(InLibrary("Nz Show", 4, 10)));
    }

    [Fact]
    public async Task Nzbget_missing_directory_is_94()
    {
        var (exit, _, stderr) = await Hook("nzbget", [], Nzbget(Path.Join(_fx.Downloads, "gone"), "SUCCESS"));

        Assert.True(exit == 94, $"exit {exit}: {stderr}");
        Assert.Contains("no such file or folder", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deluge_execute_arguments_id_name_path()
    {
        _fx.Write("Del.Show.S01E03.mkv");

        var (exit, stdout, stderr) = await Hook("deluge", ["c0ffee", "Del.Show.S01E03.mkv", _fx.Downloads], extra: "categories = tv");

        Assert.True(exit == 0, stderr);
        Assert.Contains("1 filed (hardlink)", stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(InLibrary("Del Show", 1, 3)));
    }

    [Fact]
    public async Task A_category_not_listed_is_nothing_to_do()
    {
        var content = _fx.Write("Cat.Show.S01E01.mkv");
        var job = Path.Join(_fx.Downloads, "Cat.Show.S01E02");
        var nzb = _fx.Write("Cat.Show.S01E02/Cat.Show.S01E02.mkv");

        var torrent = await Hook("qbittorrent", [content, "movies", "Cat.Show.S01E01", "ab"], extra: "categories = tv, anime\nqbittorrent_mode = move");
        var environment = Nzbget(job, "SUCCESS");
        environment["NZBPP_CATEGORY"] = "Movies";
        var usenet = await Hook("nzbget", [], environment, "categories = tv, anime");

        Assert.True(torrent.Exit == 0, torrent.Stderr);
        Assert.Contains("nothing to do: category 'movies'", torrent.Stdout, StringComparison.Ordinal);
        Assert.True(usenet.Exit == 95, usenet.Stderr);
        Assert.True(File.Exists(content));
        Assert.True(File.Exists(nzb));
        Assert.Contains("exit=nothing", File.ReadAllText(Path.Join(_fx.Library, ".episodic", "hook.log")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_name_that_cannot_be_settled_is_held_for_review_not_moved()
    {
        var job = Path.Join(_fx.Downloads, "Mixed");
        _fx.Write("Mixed/Good.Show.S01E01.mkv");
        var odd = _fx.Write("Mixed/holiday clip.mkv");

        var (exit, stdout, stderr) = await Hook("sabnzbd", [job, "Mixed.nzb", "Mixed", "", "tv", "alt.binaries.test", "0"]);

        Assert.True(exit == 0, stderr);
        Assert.Contains("1 filed (move), 1 held for review", stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(odd), "a held file is never moved");
        Assert.True(File.Exists(Path.Join(_fx.Library, ".episodic", "review.db")));
    }

    [Fact]
    public async Task Waits_for_the_library_lock_instead_of_dropping_the_download()
    {
        var content = _fx.Write("Lock.Show.S01E01.mkv");
        var libraryLock = Episodic.Routing.Library.LibraryLock.Acquire([_fx.Library], TimeSpan.Zero, "test", TestContext.Current.CancellationToken);
        using var hook = CliProcess.Start(["hook", "--config", Config(), "qbittorrent", content, "tv", "Lock.Show.S01E01", "ff"], _fx.Root);

        await Task.Delay(TimeSpan.FromSeconds(3), TestContext.Current.CancellationToken);
        var waited = !hook.HasExited && !File.Exists(InLibrary("Lock Show", 1, 1));
        libraryLock.Dispose();
        var (exit, _, stderr) = await hook.WaitAsync();

        Assert.True(waited, "the hook must wait while another run holds the library");
        Assert.True(exit == 0, stderr);
        Assert.True(File.Exists(InLibrary("Lock Show", 1, 1)));
    }

    private static Dictionary<string, string> Nzbget(string directory, string status) => new()
    {
        ["NZBPP_DIRECTORY"] = directory,
        ["NZBPP_NZBNAME"] = Path.GetFileName(directory),
        ["NZBPP_CATEGORY"] = "tv",
        ["NZBPP_TOTALSTATUS"] = status,
        ["NZBPP_STATUS"] = $"{status}/ALL",
        ["NZBPP_NZBID"] = "42",
    };
}
