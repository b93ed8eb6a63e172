using Episodic.Llm.Pipeline;
using Microsoft.AspNetCore.Http;

namespace Episodic.Server.Pages;

/// <summary>
/// Paste names, get the readings: a table with the confidence coloured and the reasoning and doubts per row, or the
/// same result as JSON (the form's "JSON" button posts <c>format=json</c> and gets <c>/parse/batch</c>'s document).
/// </summary>
internal static class ParsePage
{
    public static IResult Render(UiState ui, HttpContext context) => Page(ui, context, "", null, null);

    public static async Task<IResult> PostAsync(UiState ui, HttpContext context)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        var text = form["names"].ToString();
        var names = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (names.Length > ui.Options.MaxBatch)
        {
            return Page(ui, context, text, null, $"{names.Length} names; at most {ui.Options.MaxBatch} at once.", StatusCodes.Status400BadRequest);
        }

        var host = context.RequestServices.GetService(typeof(PipelineHost)) as PipelineHost ?? throw new InvalidOperationException("no pipeline");
        var results = names.Length == 0 ? [] : await host.Pipeline.ParseAsync(names, context.RequestAborted).ConfigureAwait(false);
        if (form["format"] == "json")
        {
            return ServerJson.Ok(new BatchParseDocument(results));
        }

        return Page(ui, context, text, results, names.Length == 0 ? "Paste one name a line." : null);
    }

    private static IResult Page(UiState ui, HttpContext context, string text, IReadOnlyList<Core.Model.EpisodeParse>? results, string? message, int status = StatusCodes.Status200OK)
    {
        var layout = Layout.For(context, ui.Sessions);
        var w = layout.Start("Parse", NavItem.Parse);
        Layout.Status(w, message is null ? [] : [message]);
        w.Open("form").Attr("method", "post").Attr("action", "/ui/parse");
        layout.Antiforgery(w);
        w.Open("label").Attr("for", "names").Text("Names").Close("label");
        w.Open("textarea").Attr("id", "names").Attr("name", "names").Attr("spellcheck", "false").Text(text).Close("textarea");
        w.Open("div").Attr("class", "bar");
        w.Open("button").Attr("type", "submit").Attr("class", "go").Text("Parse").Close("button");
        w.Open("button").Attr("type", "submit").Attr("name", "format").Attr("value", "json").Text("JSON").Close("button");
        w.Close("div").Close("form");
        if (results is { Count: > 0 })
        {
            w.Open("table").Attr("id", "results").Headings("Name", "Show", "Season", "Episodes", "Confidence", "Reasoning");
            foreach (var parse in results)
            {
                w.Open("tr").Attr("class", "row");
                w.Open("td").Attr("class", "name").Text(parse.Input).Close("td");
                w.Open("td").Attr("class", "show").Attr("data-label", "Show").Text(ParseView.Show(parse)).Close("td");
                w.Open("td").Attr("class", "season").Attr("data-label", "Season").Text(parse.Season?.ToString(System.Globalization.CultureInfo.InvariantCulture)).Close("td");
                w.Open("td").Attr("class", "episodes").Attr("data-label", "Episodes").Text(ParseView.Episodes(parse)).Close("td");
                w.Open("td").Attr("class", ParseView.ConfidenceClass(parse.Confidence)).Attr("data-label", "Confidence").Text(ParseView.Number(parse.Confidence)).Close("td");
                w.Open("td");
                ParseView.Reasoning(w, parse);
                w.Close("td").Close("tr");
            }

            w.Close("tbody").Close("table");
        }

        return Layout.End(w, status);
    }
}
