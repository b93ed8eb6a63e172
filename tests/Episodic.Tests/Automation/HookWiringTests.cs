using Episodic.Tests.Fakes;
using Episodic.Tests.Routing;
using Xunit;

namespace Episodic.Tests.Automation;

/// <summary>
/// A SABnzbd job run through the real <c>episodic hook</c> process end to end: the subtitle in <c>Subs/</c> lands beside
/// its video, the scene <c>.nfo</c> becomes <c>.nfo-orig</c>, the job folder (with its sample) is cleaned, the media
/// server (an in-process Jellyfin fake) is asked once, and <c>undo --last</c> puts the job folder back byte for byte.
/// </summary>
public sealed class HookWiringTests : IDisposable
{
    private const string JellyfinKey = "jellyfin-key-4444SECRET";
    private const string Job = "Wired.Show.S03E07.720p.WEB-GRP";

    private readonly RoutingFixture _fx = new();

    public void Dispose() => _fx.Dispose();

    private string Config(string servers)
    {
        var path = Path.Join(_fx.Root, "hook.ini");
        File.WriteAllText(path, $"[routing]\ntv_path = {_fx.Library}\n\n[hook]\n\n{servers}");
        return path;
    }

    private Task<(int Exit, string Stdout, string Stderr)> Sabnzbd(string config, params string[] extra) =>
        CliProcess.RunAsync(["hook", "--config", config, .. extra, "sabnzbd", Path.Join(_fx.Downloads, Job), $"{Job}.nzb", Job, "", "tv", "alt.binaries.test", "0"], _fx.Root, new Dictionary<string, string> { ["JELLYFIN_API_KEY"] = JellyfinKey });

    private void WriteJob()
    {
        _fx.Write($"{Job}/{Job}.mkv");
        _fx.Write($"{Job}/Subs/English.srt");
        _fx.Write($"{Job}/{Job.ToLowerInvariant()}.nfo", "<scene nfo>");
        _fx.Write($"{Job}/Sample/{Job.ToLowerInvariant()}-sample.mkv");
        _fx.Write($"{Job}/{Job}.sfv");
    }

    [Fact]
    public async Task Sabnzbd_job_files_its_companions_cleans_the_folder_refreshes_once_and_undo_last_restores_it()
    {
        using var jellyfin = new FakeJellyfinServer(JellyfinKey);
        WriteJob();
        var before = _fx.Snapshot(_fx.Downloads);

        var (exit, stdout, stderr) = await Sabnzbd(Config($"[jellyfin]\nurl = {jellyfin.Url}\n"));

        Assert.True(exit == 0, stderr);
        Assert.Contains("1 filed (move), 0 held for review", stdout, StringComparison.Ordinal);
        var season = Path.Join(_fx.Library, "Wired Show", "Season 03");
        Assert.Equal(
            ["Wired Show - S03E07.en.srt", "Wired Show - S03E07.mkv", "Wired Show - S03E07.nfo-orig"],
            Directory.GetFiles(season).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal("<scene nfo>", File.ReadAllText(Path.Join(season, "Wired Show - S03E07.nfo-orig")));
        Assert.False(Directory.Exists(Path.Join(_fx.Downloads, Job)), "the job folder, its sample and .sfv are cleaned after a move");
        var refresh = Assert.Single(jellyfin.Requests);
        Assert.Equal(("POST", "/Library/Media/Updated"), (refresh.Method, refresh.Path));
        Assert.Contains(Path.Join(_fx.Library, "Wired Show").Replace("\\", "\\\\", StringComparison.Ordinal), refresh.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(JellyfinKey, stdout + stderr, StringComparison.Ordinal);

        var undo = await CliProcess.RunAsync(["undo", "--last", "--library", _fx.Library], _fx.Root);

        Assert.True(undo.Exit == 0, undo.Stderr);
        Assert.Equal(before, _fx.Snapshot(_fx.Downloads));
        Assert.DoesNotContain(Directory.GetFiles(_fx.Library, "*", SearchOption.AllDirectories), f => !f.Contains(".episodic", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_bad_server_section_is_exit_3_before_anything_moves_and_no_refresh_skips_the_call()
    {
        using var jellyfin = new FakeJellyfinServer(JellyfinKey);
        WriteJob();
        var before = _fx.Snapshot(_fx.Downloads);

        var bad = await Sabnzbd(Config("[jellyfin]\nurl = not a url\n"));

        Assert.Equal(3, bad.Exit);
        Assert.Equal(before, _fx.Snapshot(_fx.Downloads));

        var quiet = await Sabnzbd(Config($"[jellyfin]\nurl = {jellyfin.Url}\n"), "--no-refresh");

        Assert.True(quiet.Exit == 0, quiet.Stderr);
        Assert.True(File.Exists(Path.Join(_fx.Library, "Wired Show", "Season 03", "Wired Show - S03E07.mkv")));
        Assert.Empty(jellyfin.Requests);
    }
}
