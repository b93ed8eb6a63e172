using System.Text.Json;
using Episodic.Tests.Fakes;
using Episodic.Tests.Routing;
using Xunit;

namespace Episodic.Tests.Automation;

/// <summary>
/// <c>review accept</c> changes a library, so the media servers are asked to rescan it: exactly one call to an
/// in-process Jellyfin fake per accept, none with <c>--no-refresh</c>, and a bad server section refuses before the
/// held file moves.
/// </summary>
public sealed class ReviewRefreshTests : IDisposable
{
    private const string JellyfinKey = "jellyfin-key-5555SECRET";

    private readonly RoutingFixture _fx = new();

    public void Dispose() => _fx.Dispose();

    private string Config(string servers, string name = "episodic.ini")
    {
        var path = Path.Join(_fx.Root, name);
        File.WriteAllText(path, $"[routing]\ntv_path = {_fx.Library}\n\n{servers}");
        return path;
    }

    private Task<(int Exit, string Stdout, string Stderr)> Run(params string[] args) =>
        CliProcess.RunAsync(args, _fx.Root, new Dictionary<string, string> { ["JELLYFIN_API_KEY"] = JellyfinKey });

    private async Task<string[]> HeldIdsAsync(string config)
    {
        var list = await Run("review", "--config", config, "-f", "json");
        Assert.True(list.Exit == 0, list.Stderr);
        return [.. JsonDocument.Parse(list.Stdout).RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!)];
    }

    [Fact]
    public async Task Each_accept_asks_the_media_server_once_and_a_bad_section_refuses_before_the_file_moves()
    {
        using var jellyfin = new FakeJellyfinServer(JellyfinKey);
        var config = Config($"[jellyfin]\nurl = {jellyfin.Url}\n");
        var job = Path.Join(_fx.Downloads, "Clips");
        var first = _fx.Write("Clips/holiday clip.mkv");
        var second = _fx.Write("Clips/birthday clip.mkv");
        var hook = await Run("hook", "--config", config, "--no-refresh", "sabnzbd", job, "Clips.nzb", "Clips", "", "tv", "alt.binaries.test", "0");
        Assert.True(hook.Exit == 0, hook.Stderr);
        var ids = await HeldIdsAsync(config);
        Assert.Equal(2, ids.Length);
        Assert.Empty(jellyfin.Requests);

        var refused = await Run("review", "accept", ids[0], "--config", Config("[jellyfin]\nurl = not a url\n", "bad.ini"), "--show", "Family Clips", "--season", "1", "--episode", "1");

        Assert.Equal(3, refused.Exit);
        Assert.True(File.Exists(first) && File.Exists(second), "nothing moves when a server section is invalid");
        Assert.Equal(2, (await HeldIdsAsync(config)).Length);

        var accept = await Run("review", "accept", ids[0], "--config", config, "--show", "Family Clips", "--season", "1", "--episode", "1");

        Assert.True(accept.Exit == 0, accept.Stderr);
        var refresh = Assert.Single(jellyfin.Requests);
        Assert.Equal(("POST", "/Library/Media/Updated"), (refresh.Method, refresh.Path));
        Assert.Contains("Family Clips", refresh.Body, StringComparison.Ordinal);
        Assert.Equal($"MediaBrowser Token=\"{JellyfinKey}\"", refresh.Header("Authorization"));

        var quiet = await Run("review", "accept", ids[1], "--config", config, "--no-refresh", "--show", "Family Clips", "--season", "1", "--episode", "2");

        Assert.True(quiet.Exit == 0, quiet.Stderr);
        Assert.Single(jellyfin.Requests);
        Assert.Equal(2, Directory.GetFiles(Path.Join(_fx.Library, "Family Clips", "Season 01"), "*.mkv").Length);
    }
}
