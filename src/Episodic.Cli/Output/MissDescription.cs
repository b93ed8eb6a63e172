using System.Globalization;
using Episodic.Core.Evaluation;
using Episodic.Core.Model;

namespace Episodic.Cli.Output;

/// <summary>One-line "expected" and "got" summaries of the scored fields, for listing misses.</summary>
internal static class MissDescription
{
    public static string Expected(CorpusRow row) => row.ExpectNone == "1"
        ? "not an episode"
        : Describe(row.Title, row.Season, row.Episodes, row.AbsoluteEpisodes, row.AirDate, row.FullSeason == "1");

    public static string Got(EpisodeParse p) => Describe(
        p.ShowName ?? "",
        p.Season?.ToString(CultureInfo.InvariantCulture) ?? "",
        string.Join(',', p.Episodes),
        string.Join(',', p.AbsoluteEpisodes),
        p.AirDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
        p.FullSeason);

    private static string Describe(string title, string season, string episodes, string absolute, string airDate, bool fullSeason) =>
        $"title='{title}' season={Or(season)} episodes=[{episodes}] absolute=[{absolute}] air_date={Or(airDate)} full_season={(fullSeason ? "true" : "false")}";

    private static string Or(string s) => s.Length == 0 ? "-" : s;
}
