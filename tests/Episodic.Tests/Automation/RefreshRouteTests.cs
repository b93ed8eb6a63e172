using System.Text;
using System.Text.Json;
using Episodic.Tests.Fakes;
using Episodic.Tests.Metadata;
using Episodic.Tests.Routing;
using Xunit;

namespace Episodic.Tests.Automation;

/// <summary>
/// <c>route --apply</c> on real files asks Plex, Jellyfin, Emby and Kodi (in-process fakes speaking their wire shapes)
/// to rescan what it changed: the exact request each receives, one call per changed library per server, and a server
/// that fails warns once without touching the files or the exit code.
/// </summary>
public sealed class RefreshRouteTests
{
    private const string PlexToken = "plex-token-0000SECRET";
    private const string JellyfinKey = "jellyfin-key-1111SECRET";
    private const string EmbyKey = "emby-key-2222SECRET";
    private const string KodiPassword = "kodi-pass-3333SECRET";

    [Fact]
    public async Task One_changed_show_is_a_partial_scan_of_its_folder_in_the_Plex_section_that_holds_it()
    {
        using var fx = new RoutingFixture();
        using var plex = new FakePlexServer(PlexToken, new FakePlexSection("1", "Movies", "movie", Path.Join(fx.Root, "movies")), new FakePlexSection("2", "TV Shows", "show", fx.Library));
        fx.Write("Severance.S02E01.1080p.WEB.mkv");
        fx.Write("Severance.S02E02.1080p.WEB.mkv");

        var (exit, stdout, stderr) = await Route(fx, $"[plex]\nurl = {plex.Url}\n", new() { ["PLEX_TOKEN"] = PlexToken });

        Assert.True(exit == 0, stderr);
        var show = Assert.Single(ShowFolders(fx.Library));
        Assert.Equal(2, Directory.GetFiles(show, "*.mkv", SearchOption.AllDirectories).Length);
        Assert.Collection(
            plex.Requests,
            sections =>
            {
                Assert.Equal(("GET", "/library/sections"), (sections.Method, sections.Path));
                Assert.Contains("application/json", sections.Header("Accept"), StringComparison.Ordinal);
                Assert.Equal(PlexToken, sections.Header("X-Plex-Token"));
            },
            refresh =>
            {
                Assert.Equal(("GET", "/library/sections/2/refresh"), (refresh.Method, refresh.Path));
                Assert.Equal(show, refresh.Query["path"]);
                Assert.Single(refresh.Query);
                Assert.Equal(PlexToken, refresh.Header("X-Plex-Token"));
            });
        Assert.All(plex.Requests, r => Assert.DoesNotContain(PlexToken, r.RawUrl, StringComparison.Ordinal));
        Assert.DoesNotContain(PlexToken, stdout + stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("refresh failed", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_server_is_asked_once_per_changed_library_in_its_own_request_shape()
    {
        using var fx = new RoutingFixture();
        Directory.CreateDirectory(fx.Anime);
        using var plex = new FakePlexServer(PlexToken, new FakePlexSection("3", "TV", "show", fx.Library), new FakePlexSection("4", "Anime", "show", fx.Anime));
        using var jellyfin = new FakeJellyfinServer(JellyfinKey);
        using var emby = new FakeJellyfinServer(EmbyKey, emby: true);
        using var kodi = new FakeKodiServer("kodi", KodiPassword);
        fx.Write("Severance.S02E01.1080p.WEB.mkv");
        fx.Write("The.Bear.S03E01.1080p.WEB.mkv");
        fx.Write("[Grp] Frieren - 03 [ABCDEF12].mkv");
        var ini = $"[plex]\nurl = {plex.Url}\n[jellyfin]\nurl = {jellyfin.Url}\n[emby]\nurl = {emby.Url}/emby\n[kodi]\nurl = {kodi.Url}\nuser = kodi\npassword = {KodiPassword}\n";

        var (exit, stdout, stderr) = await Route(fx, ini, new() { ["PLEX_TOKEN"] = PlexToken, ["JELLYFIN_API_KEY"] = JellyfinKey, ["EMBY_API_KEY"] = EmbyKey }, "--anime-library", fx.Anime);

        Assert.True(exit == 0, stderr);
        var tvShows = ShowFolders(fx.Library);
        var animeShow = Assert.Single(ShowFolders(fx.Anime));
        Assert.Equal(2, tvShows.Count);

        // Plex: the sections once, then one refresh per library: the TV root (two shows changed), the one anime show.
        Assert.Equal(3, plex.Requests.Count);
        Assert.Equal(("/library/sections/3/refresh", fx.Library), (plex.Requests[1].Path, plex.Requests[1].Query["path"]));
        Assert.Equal(("/library/sections/4/refresh", animeShow), (plex.Requests[2].Path, plex.Requests[2].Query["path"]));

        // Jellyfin and Emby: one POST per library naming every changed show folder; each its own auth header.
        foreach (var (server, header, value, prefix) in new[] { (jellyfin, "Authorization", $"MediaBrowser Token=\"{JellyfinKey}\"", ""), (emby, "X-Emby-Token", EmbyKey, "/emby") })
        {
            Assert.Equal(2, server.Requests.Count);
            Assert.All(server.Requests, r =>
            {
                Assert.Equal(("POST", prefix + "/Library/Media/Updated"), (r.Method, r.Path));
                Assert.Equal(value, r.Header(header));
                Assert.StartsWith("application/json", r.Header("Content-Type"), StringComparison.Ordinal);
            });
            Assert.Equal(Updates(tvShows), Normalise(server.Requests[0].Body));
            Assert.Equal(Updates([animeShow]), Normalise(server.Requests[1].Body));
        }

        Assert.Null(emby.Requests[0].Header("Authorization"));
        Assert.Null(jellyfin.Requests[0].Header("X-Emby-Token"));

        // Kodi: JSON-RPC VideoLibrary.Scan of the folder (trailing separator), basic auth.
        Assert.Equal(2, kodi.Requests.Count);
        Assert.All(kodi.Requests, r => Assert.Equal(("POST", "/jsonrpc", "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"kodi:{KodiPassword}"))), (r.Method, r.Path, r.Header("Authorization"))));
        Assert.Equal(Normalise($$"""{"jsonrpc":"2.0","method":"VideoLibrary.Scan","params":{"directory":{{JsonSerializer.Serialize(fx.Library + Path.DirectorySeparatorChar)}}},"id":1}"""), Normalise(kodi.Requests[0].Body));
        Assert.Equal(animeShow + Path.DirectorySeparatorChar, JsonDocument.Parse(kodi.Requests[1].Body).RootElement.GetProperty("params").GetProperty("directory").GetString());

        foreach (var secret in new[] { PlexToken, JellyfinKey, EmbyKey, KodiPassword })
        {
            Assert.DoesNotContain(secret, stdout + stderr, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("plex-401")]
    [InlineData("plex-no-section")]
    [InlineData("jellyfin-down")]
    [InlineData("jellyfin-401")]
    [InlineData("emby-500")]
    [InlineData("kodi-garbage")]
    [InlineData("kodi-slow")]
    public async Task A_failing_server_warns_once_and_the_files_are_routed_with_exit_0(string failure)
    {
        using var fx = new RoutingFixture();
        Directory.CreateDirectory(fx.Anime);
        var kind = failure.Split('-')[0];
        using var plex = new FakePlexServer(failure == "plex-401" ? "another-token" : PlexToken, new FakePlexSection("2", "TV", "show", failure == "plex-no-section" ? Path.Join(fx.Root, "elsewhere") : fx.Root));
        using var jellyfin = new FakeJellyfinServer(JellyfinKey);
        using var emby = new FakeJellyfinServer(EmbyKey, emby: true) { FailWith = failure == "emby-500" ? 500 : null };
        using var kodi = new FakeKodiServer("kodi", KodiPassword)
        {
            RawBody = failure == "kodi-garbage" ? "<html><body>Captive portal: please log in</body></html>" : null,
            Delay = failure == "kodi-slow" ? TimeSpan.FromSeconds(3) : TimeSpan.Zero,
        };
        var jellyfinUrl = failure == "jellyfin-down" ? FakeMediaServer.DownUrl() : jellyfin.Url;
        var url = kind switch { "plex" => plex.Url, "jellyfin" => jellyfinUrl, "emby" => emby.Url, _ => kodi.Url };
        var credential = kind switch
        {
            "kodi" => $"user = kodi\npassword = {KodiPassword}\ntimeout = 500ms\n",
            _ => "",
        };
        var env = new Dictionary<string, string?> { ["PLEX_TOKEN"] = PlexToken, ["JELLYFIN_API_KEY"] = JellyfinKey, ["EMBY_API_KEY"] = EmbyKey };
        if (failure == "jellyfin-401")
        {
            env["JELLYFIN_API_KEY"] = "a-wrong-key";
        }

        fx.Write("Severance.S02E01.1080p.WEB.mkv");
        fx.Write("[Grp] Frieren - 03 [ABCDEF12].mkv");

        var (exit, stdout, stderr) = await Route(fx, $"[{kind}]\nurl = {url}\n{credential}", env, "--anime-library", fx.Anime);

        Assert.True(exit == 0, stderr);
        Assert.Single(ShowFolders(fx.Library));
        Assert.Single(ShowFolders(fx.Anime));
        Assert.Empty(Directory.GetFiles(fx.Downloads, "*.mkv", SearchOption.AllDirectories));
        var warning = Assert.Single(stderr.Split('\n'), l => l.Contains("refresh failed", StringComparison.Ordinal));
        Assert.StartsWith($"episodic: {kind} refresh failed at http://", warning, StringComparison.Ordinal);
        Assert.Contains(failure switch
        {
            "plex-401" => "401 Unauthorized: the server refused the credential; check [plex] token or PLEX_TOKEN",
            "plex-no-section" => "no Plex library section holds",
            "jellyfin-down" => "unreachable",
            "jellyfin-401" => "401 Unauthorized: the server refused the credential; check [jellyfin] api_key or JELLYFIN_API_KEY",
            "emby-500" => "500 InternalServerError",
            "kodi-garbage" => "not Kodi JSON-RPC",
            _ => "no answer within 0.5s",
        }, warning, StringComparison.Ordinal);
        foreach (var secret in new[] { PlexToken, JellyfinKey, EmbyKey, KodiPassword, "a-wrong-key", "another-token" })
        {
            Assert.DoesNotContain(secret, stdout + stderr, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("--no-refresh")]
    [InlineData("dry-run")]
    [InlineData("nothing-changed")]
    public async Task No_refresh_is_asked_with_no_refresh_on_a_dry_run_or_when_nothing_changed(string variant)
    {
        using var fx = new RoutingFixture();
        using var jellyfin = new FakeJellyfinServer(JellyfinKey);
        if (variant != "nothing-changed")
        {
            fx.Write("Severance.S02E01.1080p.WEB.mkv");
        }

        string[] extra = variant == "--no-refresh" ? ["--no-refresh"] : [];
        var (exit, _, stderr) = await Route(fx, $"[jellyfin]\nurl = {jellyfin.Url}\n", new() { ["JELLYFIN_API_KEY"] = JellyfinKey }, [.. extra], apply: variant != "dry-run");

        Assert.True(exit == 0, stderr);
        Assert.Empty(jellyfin.Requests);
        Assert.Equal(variant == "--no-refresh", ShowFolders(fx.Library).Count == 1);
    }

    [Theory]
    [InlineData("[plex]\nurl = ftp://user:pw@nas:32400\ntoken = t\n", "[plex] url = ftp://nas:32400 is not an http(s) URL")]
    [InlineData("[jellyfin]\nurl = http://127.0.0.1:8096\n", "[jellyfin] url is set but no api_key; create one in Dashboard → API Keys and set [jellyfin] api_key (or JELLYFIN_API_KEY)")]
    [InlineData("[kodi]\nurl = http://127.0.0.1:8080\ntimeout = soon\n", "[kodi] timeout = soon must be a time from 0.1s to 300s")]
    public async Task A_bad_media_server_setting_is_one_line_naming_the_key_and_exit_3_before_anything_moves(string ini, string expected)
    {
        using var fx = new RoutingFixture();
        var source = fx.Write("Severance.S02E01.1080p.WEB.mkv");

        var (exit, stdout, stderr) = await Route(fx, ini, []);

        Assert.Equal(3, exit);
        Assert.True(File.Exists(source));
        Assert.Empty(ShowFolders(fx.Library));
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.DoesNotContain("pw", line, StringComparison.Ordinal);
        Assert.Equal("", stdout);
    }

    [Fact]
    public async Task A_server_configured_by_environment_alone_is_asked_and_a_misspelt_key_is_warned_with_the_closest_one()
    {
        using var fx = new RoutingFixture();
        using var jellyfin = new FakeJellyfinServer(JellyfinKey);
        fx.Write("Severance.S02E01.1080p.WEB.mkv");
        var env = new Dictionary<string, string?> { ["EPISODIC_JELLYFIN__URL"] = jellyfin.Url, ["JELLYFIN_API_KEY"] = JellyfinKey };

        var (exit, _, stderr) = await Route(fx, "[jellyfin]\napi_kee = stale\n", env);

        Assert.True(exit == 0, stderr);
        var request = Assert.Single(jellyfin.Requests);
        Assert.Equal($"MediaBrowser Token=\"{JellyfinKey}\"", request.Header("Authorization"));
        Assert.Contains("[jellyfin] api_kee (line 2) is not a known key and is ignored; did you mean api_key?", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(JellyfinKey, stderr, StringComparison.Ordinal);
    }

    private static Task<(int Exit, string Stdout, string Stderr)> Route(RoutingFixture fx, string ini, Dictionary<string, string?> env, params string[] extra) =>
        Route(fx, ini, env, extra, apply: true);

    private static Task<(int Exit, string Stdout, string Stderr)> Route(RoutingFixture fx, string ini, Dictionary<string, string?> env, string[] extra, bool apply)
    {
        var config = Path.Join(fx.Root, "episodic.ini");
        File.WriteAllText(config, ini);
        string[] args = ["route", fx.Downloads, "--library", fx.Library, "--config", config, .. apply ? ["--apply", "--journal", fx.Journal] : Array.Empty<string>(), .. extra];
        return IdentifyCliTests.Run(args, env);
    }

    /// <summary>The show folders of a library (its .episodic state folder left out).</summary>
    private static List<string> ShowFolders(string library) =>
        Directory.Exists(library) ? [.. Directory.GetDirectories(library).Where(d => Path.GetFileName(d) != ".episodic").Order(StringComparer.Ordinal)] : [];

    private static string Updates(IEnumerable<string> folders) =>
        Normalise(JsonSerializer.Serialize(new { Updates = folders.Select(f => new { Path = f, UpdateType = "Created" }) }));

    private static string Normalise(string json) => JsonSerializer.Serialize(JsonDocument.Parse(json).RootElement);
}
