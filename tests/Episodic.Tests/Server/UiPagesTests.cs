using System.Net;
using System.Text.RegularExpressions;
using Episodic.Automation.Review;
using Episodic.Core.Parsing;
using Episodic.Routing.Planning;
using Episodic.Server;
using Episodic.Tests.Automation;
using Episodic.Tests.Routing;
using Xunit;

namespace Episodic.Tests.Server;

/// <summary>The pages over real HTTP with a real queue and real files: review accept/skip moves (or keeps) files, undo puts them back, hostile names stay text.</summary>
public sealed partial class UiPagesTests : IDisposable
{
    private const string Hostile = "<img src=x onerror=alert(1)>.S01E01.mkv";

    private readonly RoutingFixture _fx = new();

    public void Dispose() => _fx.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<RunningServer> StartAsync() => RunningServer.StartAsync(new ServerOptions
    {
        Review = new ReviewDesk(new ReviewDeskOptions { Libraries = [_fx.Options], LockWait = TimeSpan.FromSeconds(30) }),
        Caches = [new CacheLocation("metadata", Path.Join(_fx.Root, "metadata-cache.db"))],
    });

    private Task<string> HoldAsync() => ReviewDeskTests.HoldUnnamedAsync(_fx);

    /// <summary>Puts a file in the queue directly, as a run holds one (for names a run would have filed).</summary>
    private ReviewItem Put(ReviewStore store, string name)
    {
        return store.Hold(ReviewStoreTests.Item(_fx, _fx.Write(name)) with { Detail = "held: " + name, Proposal = RuleParser.Default.Parse(name) })!;
    }

    private static string Id(string html) => ItemId().Match(html) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("no item on the page");

    private static string Status(string html) => WebUtility.HtmlDecode(StatusRegion().Match(html).Groups[1].Value);

    [Fact]
    public async Task Accept_from_the_review_form_files_the_held_file_and_the_status_names_where_it_went()
    {
        var source = await HoldAsync();
        var before = RoutingFixture.Fingerprint(source);
        await using var server = await StartAsync();
        using var ui = new UiClient(server.Client.BaseAddress!);

        var (page, html) = await ui.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("episode five 720p.mkv", html, StringComparison.Ordinal);
        var id = Id(html);
        using var accept = await ui.PostAsync("/ui/review/accept", [new("item", id), new($"show-{id}", "Other Show (2010)"), new($"season-{id}", "2"), new($"episodes-{id}", "5")]);
        var after = await ui.FollowAsync(accept);

        var expected = Path.Join(_fx.Library, "Other Show (2010)", "Season 02", "Other Show (2010) - S02E05.mkv");
        Assert.Equal(before, RoutingFixture.Fingerprint(expected));
        Assert.False(File.Exists(source));
        Assert.Contains($"Filed episode five 720p.mkv to {expected}", Status(after), StringComparison.Ordinal);
        Assert.Contains("id=\"empty\"", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_accept_without_the_antiforgery_token_is_400_and_moves_nothing()
    {
        var source = await HoldAsync();
        await using var server = await StartAsync();
        using var ui = new UiClient(server.Client.BaseAddress!);
        var (_, html) = await ui.GetAsync("/");
        var id = Id(html);

        using var forged = await ui.PostAsync("/ui/review/accept", [new("item", id), new($"show-{id}", "Other Show (2010)"), new($"season-{id}", "2"), new($"episodes-{id}", "5")], withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.True(File.Exists(source));
        Assert.Contains(id, (await ui.GetAsync("/")).Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Skip_selected_drops_the_items_and_leaves_the_files()
    {
        var source = await HoldAsync();
        string other;
        using (var store = ReviewStore.Open(_fx.Library))
        {
            other = Put(store, "Some Show.S01E02.mkv").Path;
        }

        await using var server = await StartAsync();
        using var ui = new UiClient(server.Client.BaseAddress!);
        var (_, html) = await ui.GetAsync("/");
        var ids = ItemId().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(2, ids.Count);

        using var skip = await ui.PostAsync("/ui/review/skip", ids.Select(i => new KeyValuePair<string, string>("ids", i)));
        var after = await ui.FollowAsync(skip);

        Assert.Contains("Skipped episode five 720p.mkv", Status(after), StringComparison.Ordinal);
        Assert.Contains("Skipped Some Show.S01E02.mkv", Status(after), StringComparison.Ordinal);
        Assert.Contains("Nothing is waiting for review", after, StringComparison.Ordinal);
        Assert.True(File.Exists(source));
        Assert.True(File.Exists(other));
    }

    [Fact]
    public async Task A_hostile_file_name_is_shown_as_text_on_the_review_and_parse_pages()
    {
        using (var store = ReviewStore.Open(_fx.Library))
        {
            Put(store, Hostile);
        }

        await using var server = await StartAsync();
        using var ui = new UiClient(server.Client.BaseAddress!);

        var (_, review) = await ui.GetAsync("/");
        using var parse = await ui.PostAsync("/ui/parse", [new("names", Hostile + "\nShow.Name.S02E03.720p.mkv")]);
        var parsed = await parse.Content.ReadAsStringAsync(Ct);

        foreach (var html in new[] { review, parsed })
        {
            Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("&lt;img src=x onerror=alert(1)&gt;.S01E01.mkv", html, StringComparison.Ordinal);
        }

        Assert.Equal(2, RowPattern().Count(parsed));
        Assert.Contains("Show Name", parsed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parse_as_json_gives_the_batch_document()
    {
        await using var server = await StartAsync();
        using var ui = new UiClient(server.Client.BaseAddress!);
        _ = await ui.GetAsync("/ui/parse");

        using var json = await ui.PostAsync("/ui/parse", [new("names", "Show.Name.S02E03.720p.mkv"), new("format", "json")]);
        var text = await json.Content.ReadAsStringAsync(Ct);

        Assert.Equal("application/json", json.Content.Headers.ContentType!.MediaType);
        using var doc = System.Text.Json.JsonDocument.Parse(text);
        var result = Assert.Single(doc.RootElement.GetProperty("results").EnumerateArray());
        Assert.Equal(2, result.GetProperty("season").GetInt32());
    }

    [Fact]
    public async Task History_lists_the_accept_and_undo_after_confirmation_puts_the_file_back()
    {
        var source = await HoldAsync();
        await using var server = await StartAsync();
        using var ui = new UiClient(server.Client.BaseAddress!);
        var (_, html) = await ui.GetAsync("/");
        var id = Id(html);
        using var accept = await ui.PostAsync("/ui/review/accept", [new("item", id), new($"show-{id}", "Other Show (2010)"), new($"season-{id}", "2"), new($"episodes-{id}", "5")]);
        _ = await ui.FollowAsync(accept);
        Assert.False(File.Exists(source));

        var (_, history) = await ui.GetAsync("/ui/history");
        Assert.Contains($"review accept {id}", history, StringComparison.Ordinal);
        var library = Path.GetFullPath(_fx.Library);
        using var unconfirmed = await ui.PostAsync("/ui/history/undo", [new("library", library)]);
        Assert.Equal(HttpStatusCode.SeeOther, unconfirmed.StatusCode);
        Assert.False(File.Exists(source));

        var (confirm, page) = await ui.GetAsync("/ui/history/undo?library=" + Uri.EscapeDataString(library));
        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        Assert.Contains($"review accept {id}", page, StringComparison.Ordinal);
        using var undo = await ui.PostAsync("/ui/history/undo", [new("library", library), new("confirm", "yes")]);
        var after = await ui.FollowAsync(undo);

        Assert.True(File.Exists(source));
        Assert.Contains("1 restored", Status(after), StringComparison.Ordinal);
        Assert.Contains("undone", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Undo_refuses_a_folder_that_is_not_one_of_the_servers_libraries()
    {
        await using var server = await StartAsync();
        using var ui = new UiClient(server.Client.BaseAddress!);
        _ = await ui.GetAsync("/ui/parse"); // a page with a form, for its antiforgery token

        using var undo = await ui.PostAsync("/ui/history/undo", [new("library", _fx.Root), new("confirm", "yes")]);

        Assert.Contains("not one of this server's libraries", Status(await ui.FollowAsync(undo)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_lists_the_checks_metadata_caches_and_version()
    {
        await using var server = await StartAsync();
        using var ui = new UiClient(server.Client.BaseAddress!);

        var (response, html) = await ui.GetAsync("/ui/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches("<tr class=\"backend\"><td class=\"name\">rules</td>", html);
        Assert.Contains("No metadata provider configured", html, StringComparison.Ordinal);
        Assert.Contains("metadata-cache.db", html, StringComparison.Ordinal);
        Assert.Contains("id=\"version\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_thousand_held_items_make_a_page_under_200_KB_with_pagination()
    {
        using (var store = ReviewStore.Open(_fx.Library))
        {
            for (var i = 0; i < 1000; i++)
            {
                Put(store, $"Queue Show {i % 37}/Queue.Show.{i % 37}.S{1 + (i % 9):00}E{1 + (i % 23):00}.{i}.mkv");
            }
        }

        await using var server = await StartAsync();
        using var ui = new UiClient(server.Client.BaseAddress!);

        var (first, html) = await ui.GetAsync("/");
        var (_, css) = await ui.GetAsync("/ui/assets/app.css");
        var (_, js) = await ui.GetAsync("/ui/assets/app.js");
        var (_, last) = await ui.GetAsync("/?page=10");
        var total = html.Length + css.Length + js.Length;
        TestContext.Current.SendDiagnosticMessage($"review page 1 of 1,000 items: {html.Length} bytes; with css and js: {total} bytes");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.True(total < 200 * 1024, $"first load {total} bytes");
        Assert.Equal(100, ItemId().Count(html));
        Assert.Contains("Items 1–100 of 1000", html, StringComparison.Ordinal);
        Assert.Equal(100, ItemId().Count(last));
        Assert.Contains("Items 901–1000 of 1000", last, StringComparison.Ordinal);
    }

    [GeneratedRegex("data-item-id=\"([^\"]+)\"", RegexOptions.None, 1000)]
    private static partial Regex ItemId();

    [GeneratedRegex("<div id=\"status\" role=\"status\">(.*?)</div>", RegexOptions.Singleline, 1000)]
    private static partial Regex StatusRegion();

    [GeneratedRegex("<tr class=\"row\">", RegexOptions.None, 1000)]
    private static partial Regex RowPattern();
}
