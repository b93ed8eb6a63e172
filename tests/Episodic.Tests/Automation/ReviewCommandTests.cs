using System.Text.Json;
using Episodic.Tests.Routing;
using Xunit;

namespace Episodic.Tests.Automation;

/// <summary>
/// <c>episodic review</c>, <c>review accept/skip</c>, <c>route --apply --hold</c>, <c>history</c> and
/// <c>undo --last</c> through the real CLI process on real files.
/// </summary>
public sealed class ReviewCommandTests : IDisposable
{
    private readonly RoutingFixture _fx = new();

    public void Dispose() => _fx.Dispose();

    private Task<(int Exit, string Stdout, string Stderr)> Run(params string[] args) => CliProcess.RunAsync(args, _fx.Root);

    private async Task<string> HoldOneAsync()
    {
        var job = Path.Join(_fx.Downloads, "Mixed");
        _fx.Write("Mixed/Good.Show.S01E01.mkv");
        _fx.Write("Mixed/holiday clip.mkv");
        var hook = await Run("hook", "sabnzbd", "--library", _fx.Library, job, "Mixed.nzb", "Mixed", "", "tv", "alt.binaries.test", "0");
        Assert.True(hook.Exit == 0, hook.Stderr);
        return Path.Join(job, "holiday clip.mkv");
    }

    private async Task<JsonElement[]> ListAsync()
    {
        var list = await Run("review", "--library", _fx.Library, "-f", "json");
        Assert.True(list.Exit == 0, list.Stderr);
        return [.. JsonDocument.Parse(list.Stdout).RootElement.GetProperty("items").EnumerateArray()];
    }

    [Fact]
    public async Task Held_item_is_listed_then_accepted_with_a_show_and_undone_by_undo_last()
    {
        var held = await HoldOneAsync();
        var before = RoutingFixture.Fingerprint(held);

        var items = await ListAsync();
        var item = Assert.Single(items);
        Assert.Equal(held, item.GetProperty("path").GetString());
        Assert.Equal("not_an_episode", item.GetProperty("reason").GetString());
        var table = await Run("review", "--library", _fx.Library);
        Assert.Contains(item.GetProperty("id").GetString()!, table.Stdout, StringComparison.Ordinal);

        var accept = await Run("review", "accept", item.GetProperty("id").GetString()!, "--show", "Holiday Show", "--season", "1", "--episode", "4", "--library", _fx.Library);

        Assert.True(accept.Exit == 0, accept.Stderr);
        var filed = Path.Join(_fx.Library, "Holiday Show", "Season 01", "Holiday Show - S01E04.mkv");
        Assert.Equal(before, RoutingFixture.Fingerprint(filed));
        Assert.False(File.Exists(held));
        Assert.Empty(await ListAsync());

        var history = await Run("history", "--library", _fx.Library);
        Assert.Contains("review accept", history.Stdout, StringComparison.Ordinal);
        Assert.Contains("hook sabnzbd", history.Stdout, StringComparison.Ordinal);

        var undo = await Run("undo", "--last", "--library", _fx.Library);

        Assert.True(undo.Exit == 0, undo.Stderr);
        Assert.Contains("review accept", undo.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, RoutingFixture.Fingerprint(held));
        Assert.False(File.Exists(filed));
    }

    [Fact]
    public async Task Accepting_a_file_the_library_already_holds_identically_says_so_and_removes_the_duplicate()
    {
        var held = await HoldOneAsync();
        var filed = Path.Join(_fx.Library, "Holiday Show", "Season 01", "Holiday Show - S01E04.mkv");
        Directory.CreateDirectory(Path.GetDirectoryName(filed)!);
        File.Copy(held, filed);
        var id = Assert.Single(await ListAsync()).GetProperty("id").GetString()!;

        var accept = await Run("review", "accept", id, "--show", "Holiday Show", "--season", "1", "--episode", "4", "--library", _fx.Library);

        Assert.True(accept.Exit == 0, accept.Stderr);
        Assert.Contains($"already in the library as '{filed}'", accept.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("filed as", accept.Stdout, StringComparison.Ordinal);
        Assert.False(File.Exists(held));
        Assert.True(File.Exists(filed));
        Assert.Empty(await ListAsync());
    }

    [Fact]
    public async Task Skip_drops_the_item_and_leaves_the_file()
    {
        var held = await HoldOneAsync();
        var id = Assert.Single(await ListAsync()).GetProperty("id").GetString()!;

        var skip = await Run("review", "skip", id, "--library", _fx.Library);
        var again = await Run("review", "skip", id, "--library", _fx.Library);

        Assert.True(skip.Exit == 0, skip.Stderr);
        Assert.True(File.Exists(held));
        Assert.Empty(await ListAsync());
        Assert.Equal(2, again.Exit);
        Assert.Contains($"no held item '{id}'", again.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Route_apply_holds_only_with_hold()
    {
        _fx.Write("a/Known.Show.S02E02.mkv");
        var odd = _fx.Write("a/untitled video.mkv");

        var plain = await Run("route", _fx.Downloads, "--library", _fx.Library, "--apply");
        Assert.True(plain.Exit == 0, plain.Stderr);
        Assert.Empty(await ListAsync());

        var held = await Run("route", _fx.Downloads, "--library", _fx.Library, "--apply", "--hold");

        Assert.True(held.Exit == 0, held.Stderr);
        Assert.Contains("1 held for review", held.Stderr, StringComparison.Ordinal);
        Assert.Equal(odd, Assert.Single(await ListAsync()).GetProperty("path").GetString());
        Assert.True(File.Exists(odd));
    }

    [Fact]
    public async Task Undo_last_restores_the_newest_hook_run_byte_for_byte()
    {
        var job = Path.Join(_fx.Downloads, "Season.Pack.S01");
        for (var e = 1; e <= 5; e++)
        {
            _fx.Write($"Season.Pack.S01/Season.Pack.S01E{e:00}.720p.mkv");
        }

        var before = _fx.Snapshot(_fx.Downloads);
        var hook = await Run("hook", "sabnzbd", "--library", _fx.Library, job, "Season.Pack.S01.nzb", "Season Pack S01", "", "tv", "alt.binaries.test", "0");
        Assert.True(hook.Exit == 0, hook.Stderr);
        Assert.Empty(_fx.Snapshot(_fx.Downloads));

        var undo = await Run("undo", "--last", "--library", _fx.Library);
        var history = await Run("history", "--library", _fx.Library, "-f", "json");

        Assert.True(undo.Exit == 0, undo.Stderr);
        Assert.Equal(before, _fx.Snapshot(_fx.Downloads));
        Assert.Empty(_fx.Snapshot(_fx.Library));
        var run = Assert.Single(JsonDocument.Parse(history.Stdout).RootElement.GetProperty("runs").EnumerateArray());
        Assert.Equal("undone", run.GetProperty("state").GetString());
        Assert.Equal("hook sabnzbd", run.GetProperty("command").GetString());
    }

    [Fact]
    public async Task Undo_needs_a_journal_or_last_and_last_needs_a_run()
    {
        var neither = await Run("undo");
        var none = await Run("undo", "--last", "--library", _fx.Library);

        Assert.Equal(2, neither.Exit);
        Assert.Contains("--last", neither.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, none.Exit);
        Assert.Contains("no run to undo", none.Stderr, StringComparison.Ordinal);
    }
}
