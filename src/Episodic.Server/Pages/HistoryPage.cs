using System.Globalization;
using Episodic.Automation;
using Episodic.Automation.History;
using Episodic.Routing.Journal;
using Episodic.Routing.Library;
using Microsoft.AspNetCore.Http;

namespace Episodic.Server.Pages;

/// <summary>
/// The runs of each of the server's libraries (what <c>episodic history</c> lists, from the journals) with their
/// counts, and undo of a library's last run after a confirmation page, under the library's lock as
/// <c>episodic undo --last</c> does. Only the server's own libraries can be named: a form cannot point undo elsewhere.
/// </summary>
internal static class HistoryPage
{
    /// <summary>How long an undo waits for a library another run has locked.</summary>
    private static readonly TimeSpan LockWait = TimeSpan.FromSeconds(30);

    public static IResult Render(UiState ui, HttpContext context)
    {
        var layout = Layout.For(context, ui.Sessions);
        var w = layout.Start("History", NavItem.History);
        Layout.Status(w, ui.Flash.Take(context.Request.Query["status"]));
        var libraries = ui.Options.Review?.Libraries ?? [];
        if (libraries.Count == 0)
        {
            w.Element("p", "No library is configured: start the server with --library LIB (or set [routing] tv_path).");
        }

        foreach (var library in libraries)
        {
            w.Element("h2", library);
            var runs = RunHistory.List(library);
            if (runs.Count == 0)
            {
                w.Element("p", "No runs recorded.");
                continue;
            }

            if (RunHistory.Last(library) is not null)
            {
                w.Open("p").Open("a").Attr("href", "/ui/history/undo?library=" + Uri.EscapeDataString(library)).Text("Undo the last run…").Close("a").Close("p");
            }

            w.Open("table").Attr("class", "runs").Headings("Started", "Command", "State", "Filed", "Undone", "Journal");
            foreach (var run in runs)
            {
                w.Open("tr").Attr("class", "run");
                w.Element("td", Time(run.Started));
                w.Open("td").Attr("data-label", "Command").Text(run.Command ?? "route --apply").Close("td");
                w.Open("td").Attr("data-label", "State").Text(AutomationJson.Name(run.State)).Close("td");
                w.Open("td").Attr("data-label", "Filed").Text(run.Filed).Close("td");
                w.Open("td").Attr("data-label", "Undone").Text(run.Undone).Close("td");
                w.Open("td").Attr("class", "name").Attr("data-label", "Journal").Attr("title", run.Journal).Text(Path.GetFileName(run.Journal)).Close("td");
                w.Close("tr");
            }

            w.Close("tbody").Close("table");
        }

        return Layout.End(w);
    }

    /// <summary>The confirmation step: which run would be undone, and the button that does it.</summary>
    public static IResult Confirm(UiState ui, HttpContext context)
    {
        var layout = Layout.For(context, ui.Sessions);
        var w = layout.Start("Undo the last run", NavItem.History);
        if (Library(ui, context.Request.Query["library"]) is not { } library)
        {
            w.Element("p", "That is not one of this server's libraries.");
            return Layout.End(w, StatusCodes.Status404NotFound);
        }

        if (RunHistory.Last(library) is not { } run)
        {
            w.Element("p", $"No run to undo in {library}.");
            return Layout.End(w);
        }

        w.Element("p", $"Undo {run.Command ?? "route --apply"} of {Time(run.Started)} in {library}? It filed {run.Filed} files; they go back where they came from.");
        w.Open("p").Attr("class", "name").Text(run.Journal).Close("p");
        w.Open("form").Attr("method", "post").Attr("action", "/ui/history/undo").Attr("class", "bar");
        layout.Antiforgery(w);
        w.Hidden("library", library);
        w.Hidden("confirm", "yes");
        w.Hidden("journal", Path.GetFileName(run.Journal));
        w.Open("button").Attr("type", "submit").Attr("class", "go").Text("Undo").Close("button");
        w.Open("a").Attr("href", "/ui/history").Text("Cancel").Close("a");
        w.Close("form");
        return Layout.End(w);
    }

    /// <summary>Undoes the library's last run when the post confirms it (and, if it names one, it is still the last run).</summary>
    public static async Task<IResult> PostAsync(UiState ui, HttpContext context)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        if (Library(ui, form["library"]) is not { } library)
        {
            return new SeeOther("/ui/history?status=" + ui.Flash.Put(["That is not one of this server's libraries."]));
        }

        if (form["confirm"] != "yes")
        {
            return new SeeOther("/ui/history/undo?library=" + Uri.EscapeDataString(library));
        }

        string line;
        if (RunHistory.Last(library) is not { } run)
        {
            line = $"No run to undo in {library}.";
        }
        else if (form["journal"].ToString() is { Length: > 0 } named && named != Path.GetFileName(run.Journal))
        {
            line = "Another run became the last one since the confirmation; nothing was undone. Look again.";
        }
        else
        {
            try
            {
                var summary = await Task.Run(() => RunHistory.Undo(run.Journal, LockWait, cancellationToken: context.RequestAborted), context.RequestAborted).ConfigureAwait(false);
                line = string.Create(CultureInfo.InvariantCulture, $"Undid {run.Command ?? "route --apply"} of {Time(run.Started)}: {summary.Restored} restored, {summary.Removed} removed, {summary.Conflicts} conflicts, {summary.Failed} failed.");
            }
            catch (LibraryBusyException)
            {
                line = "Another run holds the library's lock; nothing was undone. Try again when it has finished.";
            }
            catch (JournalRejectedException)
            {
                line = $"The journal {Path.GetFileName(run.Journal)} fails its checks; nothing was undone (see episodic undo --force).";
            }
        }

        return new SeeOther("/ui/history?status=" + ui.Flash.Put([line]));
    }

    private static string? Library(UiState ui, string? given) =>
        given is { Length: > 0 } ? ui.Options.Review?.Libraries.FirstOrDefault(l => string.Equals(l, given, StringComparison.Ordinal)) : null;

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
