using System.Globalization;
using System.Text.Json.Nodes;

namespace Episodic.Tests.Fakes;

/// <summary>
/// TMDB API v3 on 127.0.0.1: <c>search/tv</c> (paged wrapper, <c>first_air_date_year</c>), <c>tv/{id}</c> (with
/// <c>append_to_response=alternative_titles</c>), <c>tv/{id}/season/{n}</c>, <c>tv/{id}/alternative_titles</c>, and
/// TMDB's error bodies (<c>status_code</c>, <c>status_message</c>, <c>success:false</c>).
/// </summary>
public sealed class FakeTmdbServer(IEnumerable<FakeShow> shows) : FakeMetadataServer(shows)
{
    public override Uri BaseUrl => new(Root, "3/");

    /// <summary>When set, requests need this v3 key (api_key query) or v4 token (Bearer).</summary>
    public string? RequiredApiKey { get; set; }

    protected override (int Status, JsonNode Body) Answer(string path, IReadOnlyDictionary<string, string> query, IReadOnlyDictionary<string, string> headers)
    {
        if (RequiredApiKey is { } key && query.GetValueOrDefault("api_key") != key && headers.GetValueOrDefault("Authorization") != "Bearer " + key)
        {
            return (401, ErrorBody(401));
        }

        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (parts is ["3", "search", "tv"])
        {
            var hits = FakeCatalogue.Search(Shows, query.GetValueOrDefault("query") ?? "");
            if (query.TryGetValue("first_air_date_year", out var y) && int.TryParse(y, CultureInfo.InvariantCulture, out var year))
            {
                hits = hits.Where(s => s.Year == year);
            }

            var results = new JsonArray([.. hits.Select(SearchResult)]);
            return (200, new JsonObject { ["page"] = 1, ["results"] = results, ["total_pages"] = results.Count == 0 ? 0 : 1, ["total_results"] = results.Count });
        }

        if (parts.Length >= 3 && parts[1] == "tv" && int.TryParse(parts[2], CultureInfo.InvariantCulture, out var id) && Shows.FirstOrDefault(s => s.TmdbId == id) is { } show)
        {
            switch (parts.Length)
            {
                case 3:
                    var details = Details(show);
                    if ((query.GetValueOrDefault("append_to_response") ?? "").Contains("alternative_titles", StringComparison.Ordinal))
                    {
                        details["alternative_titles"] = new JsonObject { ["results"] = AlternativeTitles(show) };
                    }

                    return (200, details);
                case 4 when parts[3] == "alternative_titles":
                    return (200, new JsonObject { ["id"] = show.TmdbId, ["results"] = AlternativeTitles(show) });
                case 5 when parts[3] == "season" && int.TryParse(parts[4], CultureInfo.InvariantCulture, out var n) && show.Episodes.Any(e => e.Season == n):
                    return (200, Season(show, n));
            }
        }

        return (404, ErrorBody(404));
    }

    protected override JsonNode ErrorBody(int status) => status switch
    {
        401 => Error(7, "Invalid API key: You must be granted a valid key."),
        404 => Error(34, "The resource you requested could not be found."),
        429 => Error(25, "Your request count (#) is over the allowed limit of (40)."),
        _ => Error(11, "Internal error: Something went wrong, contact TMDB."),
    };

    private static JsonObject Error(int code, string message) => new() { ["status_code"] = code, ["status_message"] = message, ["success"] = false };

    private static JsonObject SearchResult(FakeShow s) => new()
    {
        ["adult"] = false,
        ["backdrop_path"] = $"/b{s.TmdbId}.jpg",
        ["genre_ids"] = new JsonArray(18),
        ["id"] = s.TmdbId,
        ["origin_country"] = new JsonArray(s.Country),
        ["original_language"] = s.OriginalName is null ? "en" : "ja",
        ["original_name"] = s.OriginalName ?? s.Name,
        ["overview"] = $"The story of {s.Name}.",
        ["popularity"] = s.Popularity,
        ["poster_path"] = $"/p{s.TmdbId}.jpg",
        ["first_air_date"] = $"{s.Year}-01-05",
        ["name"] = s.Name,
        ["vote_average"] = 7.5,
        ["vote_count"] = 100,
    };

    private static JsonObject Details(FakeShow s)
    {
        var seasons = new JsonArray();
        foreach (var g in s.Episodes.GroupBy(e => e.Season).OrderBy(g => g.Key))
        {
            seasons.Add(new JsonObject
            {
                ["air_date"] = Date(g.Min(e => e.AirDate)),
                ["episode_count"] = g.Count(),
                ["id"] = s.TmdbId * 100 + g.Key,
                ["name"] = g.Key == 0 ? "Specials" : $"Season {g.Key}",
                ["overview"] = "",
                ["poster_path"] = null,
                ["season_number"] = g.Key,
                ["vote_average"] = 0,
            });
        }

        var node = SearchResult(s);
        node["status"] = s.Running ? "Returning Series" : "Ended";
        node["in_production"] = s.Running;
        node["number_of_seasons"] = s.Episodes.Where(e => e.Season > 0).Select(e => e.Season).Distinct().Count();
        node["number_of_episodes"] = s.Episodes.Count(e => e.Season > 0);
        node["seasons"] = seasons;
        node["type"] = "Scripted";
        node["languages"] = new JsonArray("en");
        return node;
    }

    private static JsonArray AlternativeTitles(FakeShow s) =>
        [.. s.AlternativeTitles.Select(t => (JsonNode)new JsonObject { ["iso_3166_1"] = "JP", ["title"] = t, ["type"] = "Romaji" })];

    private static JsonObject Season(FakeShow s, int n) => new()
    {
        ["_id"] = $"{s.TmdbId:x8}{n:x4}",
        ["air_date"] = Date(s.Episodes.Where(e => e.Season == n).Min(e => e.AirDate)),
        ["episodes"] = new JsonArray([.. s.Episodes.Where(e => e.Season == n).OrderBy(e => e.Number).Select(e => (JsonNode)new JsonObject
        {
            ["air_date"] = Date(e.AirDate),
            ["episode_number"] = e.Number,
            ["episode_type"] = "standard",
            ["id"] = s.TmdbId * 10000 + n * 100 + e.Number,
            ["name"] = e.Title,
            ["overview"] = "",
            ["production_code"] = "",
            ["runtime"] = 24,
            ["season_number"] = n,
            ["show_id"] = s.TmdbId,
            ["still_path"] = null,
            ["vote_average"] = 7.0,
            ["vote_count"] = 3,
            ["crew"] = new JsonArray(),
            ["guest_stars"] = new JsonArray(),
        })]),
        ["name"] = n == 0 ? "Specials" : $"Season {n}",
        ["overview"] = "",
        ["id"] = s.TmdbId * 100 + n,
        ["poster_path"] = null,
        ["season_number"] = n,
        ["vote_average"] = 7.0,
    };
}
