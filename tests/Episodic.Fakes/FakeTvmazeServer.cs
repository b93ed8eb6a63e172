using System.Globalization;
using System.Text.Json.Nodes;

namespace Episodic.Tests.Fakes;

/// <summary>
/// TVmaze on 127.0.0.1: <c>search/shows</c> (a bare list of {score, show}), <c>shows/{id}</c> (with
/// <c>embed=akas</c>), <c>shows/{id}/episodes</c> (<c>specials=1</c>: specials carry no number and a special type,
/// inside the season they aired in), <c>shows/{id}/episodesbydate</c>, and TVmaze's error body.
/// </summary>
public sealed class FakeTvmazeServer(IEnumerable<FakeShow> shows) : FakeMetadataServer(shows)
{
    public override Uri BaseUrl => Root;

    protected override (int Status, JsonNode Body) Answer(string path, IReadOnlyDictionary<string, string> query, IReadOnlyDictionary<string, string> headers)
    {
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (parts is ["search", "shows"])
        {
            var q = query.GetValueOrDefault("q") ?? "";
            return (200, new JsonArray([.. FakeCatalogue.Search(Shows, q).Select((s, i) => (JsonNode)new JsonObject { ["score"] = Math.Round(0.9 - (i * 0.1), 2), ["show"] = Show(s, false) })]));
        }

        if (parts.Length >= 2 && parts[0] == "shows" && int.TryParse(parts[1], CultureInfo.InvariantCulture, out var id) && Shows.FirstOrDefault(s => s.TvmazeId == id) is { } show)
        {
            switch (parts.Length)
            {
                case 2:
                    return (200, Show(show, (query.GetValueOrDefault("embed") ?? "").Contains("akas", StringComparison.Ordinal)));
                case 3 when parts[2] == "episodes":
                    var specials = query.GetValueOrDefault("specials") == "1";
                    return (200, new JsonArray([.. Ordered(show).Where(e => specials || e.Season > 0).Select(e => (JsonNode)Episode(show, e))]));
                case 3 when parts[2] == "episodesbydate" && DateOnly.TryParse(query.GetValueOrDefault("date"), CultureInfo.InvariantCulture, out var date):
                    var onDate = show.Episodes.Where(e => e.Season > 0 && e.AirDate == date).ToList();
                    return onDate.Count == 0 ? (404, ErrorBody(404)) : (200, new JsonArray([.. onDate.Select(e => (JsonNode)Episode(show, e))]));
            }
        }

        return (404, ErrorBody(404));
    }

    protected override JsonNode ErrorBody(int status) => new JsonObject
    {
        ["name"] = status switch { 404 => "Not Found", 429 => "Too Many Requests", _ => "Internal Server Error" },
        ["message"] = status == 429 ? "Rate limit exceeded" : "",
        ["code"] = 0,
        ["status"] = status,
    };

    /// <summary>Airing order: a special sits between the regular episodes it aired among.</summary>
    private static IEnumerable<FakeEpisode> Ordered(FakeShow s) => s.Episodes.OrderBy(e => e.AirDate).ThenBy(e => e.Season).ThenBy(e => e.Number);

    private static JsonObject Show(FakeShow s, bool akas)
    {
        var node = new JsonObject
        {
            ["id"] = s.TvmazeId,
            ["url"] = $"https://www.tvmaze.com/shows/{s.TvmazeId}/x",
            ["name"] = s.Name,
            ["type"] = s.OriginalName is null ? "Scripted" : "Animation",
            ["language"] = s.OriginalName is null ? "English" : "Japanese",
            ["genres"] = new JsonArray("Drama"),
            ["status"] = s.Running ? "Running" : "Ended",
            ["runtime"] = 30,
            ["averageRuntime"] = 30,
            ["premiered"] = $"{s.Year}-01-05",
            ["ended"] = s.Running ? null : $"{s.Year + 3}-06-01",
            ["officialSite"] = null,
            ["schedule"] = new JsonObject { ["time"] = "21:00", ["days"] = new JsonArray("Sunday") },
            ["rating"] = new JsonObject { ["average"] = 8.1 },
            ["weight"] = (int)s.Popularity,
            ["network"] = new JsonObject
            {
                ["id"] = 8,
                ["name"] = "Network " + s.Country,
                ["country"] = new JsonObject { ["name"] = s.Country, ["code"] = s.Country, ["timezone"] = "Europe/London" },
                ["officialSite"] = null,
            },
            ["webChannel"] = null,
            ["dvdCountry"] = null,
            ["externals"] = new JsonObject { ["tvrage"] = null, ["thetvdb"] = s.TvmazeId + 70000, ["imdb"] = $"tt{s.TvmazeId:0000000}" },
            ["image"] = null,
            ["summary"] = $"<p>The story of <b>{s.Name}</b>.</p>",
            ["updated"] = 1704794122,
            ["_links"] = new JsonObject { ["self"] = new JsonObject { ["href"] = $"https://api.tvmaze.com/shows/{s.TvmazeId}" } },
        };
        if (akas)
        {
            node["_embedded"] = new JsonObject
            {
                ["akas"] = new JsonArray([.. s.AlternativeTitles.Select(t => (JsonNode)new JsonObject { ["name"] = t, ["country"] = new JsonObject { ["name"] = "Japan", ["code"] = "JP", ["timezone"] = "Asia/Tokyo" } })]),
            };
        }

        return node;
    }

    private static JsonObject Episode(FakeShow s, FakeEpisode e)
    {
        var special = e.Season == 0;

        // A special is listed inside the regular season it aired in, without a number.
        var season = special ? s.Episodes.Where(r => r.Season > 0 && r.AirDate <= e.AirDate).Select(r => r.Season).DefaultIfEmpty(1).Max() : e.Season;
        return new JsonObject
        {
            ["id"] = s.TvmazeId * 10000 + e.Season * 100 + e.Number,
            ["url"] = $"https://www.tvmaze.com/episodes/{s.TvmazeId}",
            ["name"] = e.Title,
            ["season"] = season,
            ["number"] = special ? null : e.Number,
            ["type"] = special ? "significant_special" : "regular",
            ["airdate"] = Date(e.AirDate),
            ["airtime"] = "21:00",
            ["airstamp"] = $"{Date(e.AirDate)}T20:00:00+00:00",
            ["runtime"] = 30,
            ["rating"] = new JsonObject { ["average"] = 7.9 },
            ["image"] = null,
            ["summary"] = "<p>An episode.</p>",
            ["_links"] = new JsonObject { ["self"] = new JsonObject { ["href"] = $"https://api.tvmaze.com/episodes/{s.TvmazeId}" } },
        };
    }
}
