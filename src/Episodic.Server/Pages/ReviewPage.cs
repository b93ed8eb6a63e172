using System.Globalization;
using Episodic.Automation.Review;
using Episodic.Routing.Library;
using Episodic.Routing.Planning;
using Microsoft.AspNetCore.Http;

namespace Episodic.Server.Pages;

/// <summary>
/// The review queue as a page: every held item with why it was held, the proposed show, season and episodes (editable),
/// the confidence as a colour, the reasoning folded and the provider's candidates; accept or skip one or the checked
/// ones. 100 items a page with counts and previous/next links: a queue of thousands stays a small page that is
/// interactive at once, without compressing a page that carries an antiforgery token (BREACH).
/// </summary>
internal static class ReviewPage
{
    public const int PageSize = 100;

    public static IResult Render(UiState ui, HttpContext context)
    {
        var layout = Layout.For(context, ui.Sessions);
        var w = layout.Start("Review", NavItem.Review);
        var page = int.TryParse(context.Request.Query["page"], NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p > 0 ? p : 1;
        Layout.Status(w, ui.Flash.Take(context.Request.Query["status"]));
        if (ui.Options.Review is not { } desk)
        {
            w.Element("p", "No library is configured: start the server with --library LIB (or set [routing] tv_path) to review its held files.");
            w.Open("p").Attr("id", "empty").Text("Nothing is waiting for review.").Close("p");
            return Layout.End(w);
        }

        var items = desk.List();
        if (items.Count == 0)
        {
            w.Open("p").Attr("id", "empty").Text("Nothing is waiting for review.").Close("p");
            return Layout.End(w);
        }

        var pages = (items.Count + PageSize - 1) / PageSize;
        page = Math.Min(page, pages);
        var first = (page - 1) * PageSize;
        var shown = items.Skip(first).Take(PageSize).ToList();

        w.Open("form").Attr("method", "post").Attr("action", "/ui/review/accept").Attr("id", "review").Attr("autocomplete", "off");
        layout.Antiforgery(w);
        w.Hidden("page", page.ToString(CultureInfo.InvariantCulture));
        w.Open("div").Attr("class", "bar");
        w.Open("button").Attr("type", "submit").Attr("class", "go").Text("Accept selected").Close("button");
        w.Open("button").Attr("type", "submit").Attr("formaction", "/ui/review/skip").Text("Skip selected").Close("button");
        Pager(w, page, pages, first, shown.Count, items.Count);
        w.Close("div");
        foreach (var item in shown)
        {
            Item(w, item, ui.Options.Identifier is not null);
        }

        w.Open("div").Attr("class", "bar");
        Pager(w, page, pages, first, shown.Count, items.Count);
        w.Close("div").Close("form");
        if (desk.Untrusted.Count > 0)
        {
            w.Element("p", $"{desk.Untrusted.Count} queue rows are not signed with this user's key and are not offered.");
        }

        return Layout.End(w);
    }

    private static void Pager(HtmlWriter w, int page, int pages, int first, int count, int total)
    {
        w.Open("span").Attr("class", "pages").Text(string.Create(CultureInfo.InvariantCulture, $"Items {first + 1}–{first + count} of {total}")).Close("span");
        if (page > 1)
        {
            w.Open("a").Attr("href", "/?page=" + (page - 1).ToString(CultureInfo.InvariantCulture)).Attr("rel", "prev").Text("Previous page").Close("a");
        }

        if (page < pages)
        {
            w.Open("a").Attr("href", "/?page=" + (page + 1).ToString(CultureInfo.InvariantCulture)).Attr("rel", "next").Text("Next page").Close("a");
        }
    }

    /// <summary>One held item: the hooks the browser tests and the keyboard script use are in UI-CONTRACT.md.</summary>
    private static void Item(HtmlWriter w, ReviewItem item, bool canSearch)
    {
        var id = item.Id;
        w.Open("article").Attr("class", "item").Attr("data-item-id", id).Attr("tabindex", "-1").Attr("aria-label", Path.GetFileName(item.Path));
        w.Open("div").Attr("class", "head");
        w.Open("input").Attr("type", "checkbox").Attr("name", "ids").Attr("value", id).Attr("id", "sel-" + id).Void();
        w.Open("label").Attr("for", "sel-" + id).Attr("class", "sr").Text("Select").Close("label");
        ParseView.Confidence(w, item.Proposal.Confidence);
        w.Open("span").Attr("class", "file").Attr("title", item.Path).Text(Path.GetFileName(item.Path)).Close("span");
        w.Close("div");
        w.Open("p").Attr("class", "reason").Text(item.Reason.WireName() + ": " + item.Detail).Close("p");

        w.Open("div").Attr("class", "edit");
        Field(w, "show-" + id, "Show", ReviewForm.DefaultShow(item), "text");
        Field(w, "season-" + id, "Season", ReviewForm.DefaultSeason(item), "numeric");
        Field(w, "episodes-" + id, "Episodes", ReviewForm.DefaultEpisodes(item), "text");
        if (item.Candidates.Count > 0)
        {
            w.Open("label").Attr("for", "candidate-" + id).Text("Candidate").Close("label");
            w.Open("select").Attr("id", "candidate-" + id).Attr("name", "candidate-" + id);
            w.Open("option").Attr("value", "").Text("(the show typed)").Close("option");
            foreach (var show in item.Candidates)
            {
                w.Open("option").Attr("value", show.Id.ToString()).Text(show.DisplayName + " · " + show.Id).Close("option");
            }

            w.Close("select");
        }

        w.Close("div");
        w.Open("div").Attr("class", "bar");
        w.Open("button").Attr("type", "submit").Attr("name", "item").Attr("value", id).Attr("data-act", "accept").Attr("class", "go").Text("Accept").Close("button");
        w.Open("button").Attr("type", "submit").Attr("name", "item").Attr("value", id).Attr("formaction", "/ui/review/skip").Text("Skip").Close("button");
        if (canSearch)
        {
            w.Open("a").Attr("href", "/ui/review/search?id=" + Uri.EscapeDataString(id)).Text("Search shows").Close("a");
        }

        w.Close("div");
        ParseView.Reasoning(w, item.Proposal);
        w.Close("article");
    }

    private static void Field(HtmlWriter w, string name, string label, string value, string mode)
    {
        w.Open("label").Attr("for", name).Text(label).Close("label");
        w.Open("input").Attr("id", name).Attr("name", name).Attr("value", value).Attr("inputmode", mode == "numeric" ? "numeric" : null).Void();
    }

    /// <summary>Accepts (or, <paramref name="skip"/>, skips) the posted items, one sentence each, then back to the page.</summary>
    public static async Task<IResult> PostAsync(UiState ui, HttpContext context, bool skip)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        var lines = new List<string>();
        var ids = ReviewForm.Ids(form);
        if (ui.Options.Review is not { } desk)
        {
            lines.Add("No library is configured.");
        }
        else if (ids.Count == 0)
        {
            lines.Add("Nothing selected: tick items, or use an item's own Accept or Skip.");
        }
        else
        {
            foreach (var id in ids)
            {
                lines.Add(skip ? SkipOne(desk, id) : await AcceptOneAsync(desk, form, id, context.RequestAborted).ConfigureAwait(false));
            }
        }

        var page = form["page"].ToString() is { Length: > 0 and < 6 } p && int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 1 ? "page=" + n.ToString(CultureInfo.InvariantCulture) + "&" : "";
        return new SeeOther("/?" + page + "status=" + ui.Flash.Put(lines));
    }

    private static string SkipOne(ReviewDesk desk, string id)
    {
        var item = desk.Find(id);
        return item is not null && desk.Skip(id) ? $"Skipped {Path.GetFileName(item.Path)}: it stays where it is." : $"No held item '{id}'.";
    }

    private static async Task<string> AcceptOneAsync(ReviewDesk desk, IFormCollection form, string id, CancellationToken cancellationToken)
    {
        if (desk.Find(id) is not { } item)
        {
            return $"No held item '{id}'.";
        }

        var name = Path.GetFileName(item.Path);
        var (overrides, problem) = ReviewForm.Read(form, item);
        if (problem is not null)
        {
            return $"Not filed {name}: {problem}.";
        }

        try
        {
            var outcome = await desk.AcceptAsync(id, overrides, cancellationToken).ConfigureAwait(false);
            return outcome.Status == AcceptStatus.Filed
                ? $"Filed {name} to {outcome.Destination}"
                : $"Not filed {name}: {outcome.Message}.";
        }
        catch (LibraryBusyException)
        {
            return $"Not filed {name}: another run holds the library's lock; try again when it has finished.";
        }
    }
}
