using System.Globalization;
using Episodic.Core.Model;

namespace Episodic.Server.Pages;

/// <summary>How a reading is shown on every page: confidence as a colour class and a number, episodes as a list, reasoning with the doubts.</summary>
internal static class ParseView
{
    /// <summary><c>conf-high</c> from 0.8, <c>conf-mid</c> from 0.5, else <c>conf-low</c> (the colours in app.css).</summary>
    public static string ConfidenceClass(double confidence) => confidence >= 0.8 ? "confidence conf-high" : confidence >= 0.5 ? "confidence conf-mid" : "confidence conf-low";

    public static string Number(double confidence) => confidence.ToString("0.00", CultureInfo.InvariantCulture);

    public static string Episodes(EpisodeParse parse) =>
        parse.Episodes.Count > 0 ? string.Join(",", parse.Episodes.Select(e => e.ToString(CultureInfo.InvariantCulture)))
        : parse.AbsoluteEpisodes.Count > 0 ? string.Join(",", parse.AbsoluteEpisodes.Select(e => e.ToString(CultureInfo.InvariantCulture)))
        : "";

    public static string Show(EpisodeParse parse) =>
        parse.ShowName is null ? "" : parse.Year is { } y ? string.Create(CultureInfo.InvariantCulture, $"{parse.ShowName} ({y})") : parse.ShowName;

    /// <summary>The confidence badge: its colour says how sure, the number says it for those who cannot see colour.</summary>
    public static void Confidence(HtmlWriter w, double confidence) =>
        w.Open("span").Attr("class", ConfidenceClass(confidence)).Text(Number(confidence)).Close("span");

    /// <summary>The reasoning and doubts, folded (<c>details.reasoning</c>).</summary>
    public static void Reasoning(HtmlWriter w, EpisodeParse parse)
    {
        w.Open("details").Attr("class", "reasoning").Element("summary", "Reasoning");
        w.Element("p", parse.Reasoning.Length > 0 ? parse.Reasoning : "(none given)");
        if (parse.Doubts is { } doubts)
        {
            w.Open("ul").Attr("class", "doubts");
            foreach (var doubt in doubts.Descriptions())
            {
                w.Element("li", doubt);
            }

            w.Close("ul");
        }

        w.Close("details");
    }
}
