using Episodic.Core.Metadata;
using Microsoft.AspNetCore.Http;

namespace Episodic.Server.Pages;

/// <summary>
/// Changing a held item's show: searches the configured metadata provider for the name a person types (as the
/// item's own episode, so the provider ranks shows that have it) and offers each show found with a button that files
/// the item as that show — through the same accept as the review page.
/// </summary>
internal static class SearchPage
{
    public static async Task<IResult> RenderAsync(UiState ui, HttpContext context)
    {
        var layout = Layout.For(context, ui.Sessions);
        var w = layout.Start("Search shows", NavItem.Review);
        var id = context.Request.Query["id"].ToString();
        var query = context.Request.Query["q"].ToString().Trim();
        if (ui.Options.Review?.Find(id) is not { } item)
        {
            w.Element("p", "No held item has that id.");
            return Layout.End(w, StatusCodes.Status404NotFound);
        }

        w.Open("p").Text("For ").Open("span").Attr("class", "file").Text(Path.GetFileName(item.Path)).Close("span").Close("p");
        w.Open("form").Attr("method", "get").Attr("action", "/ui/review/search").Attr("class", "bar");
        w.Hidden("id", id);
        w.Open("label").Attr("for", "q").Text("Show name").Close("label");
        w.Open("input").Attr("id", "q").Attr("name", "q").Attr("type", "search").Attr("value", query.Length > 0 ? query : ReviewForm.DefaultShow(item)).Void();
        w.Open("button").Attr("type", "submit").Text("Search").Close("button").Close("form");
        if (ui.Options.Identifier is not { } identifier)
        {
            w.Element("p", "No metadata provider is configured (see docs/metadata.md); type the show on the review page instead.");
            return Layout.End(w);
        }

        if (query.Length == 0)
        {
            return Layout.End(w);
        }

        var found = await identifier.IdentifyAsync(item.Proposal with { ShowName = query, Year = null }, context.RequestAborted).ConfigureAwait(false);
        var shows = (found.Show is { } best ? [best] : Array.Empty<IdentifiedShow>()).Concat(found.Candidates).DistinctBy(s => s.Id).ToList();
        if (shows.Count == 0)
        {
            w.Element("p", $"{ShowId.NameOf(identifier.Provider)} found no show: {found.Reason}");
            return Layout.End(w);
        }

        w.Open("ul").Attr("id", "candidates");
        foreach (var show in shows)
        {
            w.Open("li").Open("form").Attr("method", "post").Attr("action", "/ui/review/accept").Attr("class", "bar");
            layout.Antiforgery(w);
            w.Hidden("item", item.Id);
            w.Hidden("candidate-" + item.Id, show.Id.ToString());
            w.Open("span").Text(show.Year is { } y ? $"{show.Name} ({y})" : show.Name).Close("span");
            w.Element("span", show.Id.ToString());
            w.Open("button").Attr("type", "submit").Attr("class", "go").Text("Accept as this show").Close("button");
            w.Close("form").Close("li");
        }

        w.Close("ul");
        return Layout.End(w);
    }
}
