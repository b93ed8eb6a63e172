using System.Text;

namespace Episodic.Tests.Fakes;

/// <summary>One episode of a fake show; season 0 holds specials.</summary>
public sealed record FakeEpisode(int Season, int Number, string Title, DateOnly AirDate);

/// <summary>A show both fake metadata servers know, with its ids at each provider and every name it goes by.</summary>
public sealed record FakeShow(int TmdbId, int TvmazeId, string Name, int Year, string Country)
{
    public string? OriginalName { get; init; }

    public IReadOnlyList<string> AlternativeTitles { get; init; } = [];

    /// <summary>"Ended" or "Running" (TMDB: "Ended" / "Returning Series").</summary>
    public bool Running { get; init; }

    public IReadOnlyList<FakeEpisode> Episodes { get; init; } = [];

    /// <summary>Search rank: higher comes first (TMDB popularity, TVmaze weight).</summary>
    public double Popularity { get; init; } = 10;

    /// <summary>Seasons 1..<paramref name="seasons"/> of <paramref name="perSeason"/> episodes titled "Name sXeY", airing weekly from the show's year; optional specials.</summary>
    public FakeShow WithSeasons(int seasons, int perSeason, int specials = 0)
    {
        var list = new List<FakeEpisode>();
        var date = new DateOnly(Year, 1, 5);
        for (var s = 1; s <= seasons; s++)
        {
            for (var e = 1; e <= perSeason; e++)
            {
                list.Add(new FakeEpisode(s, e, $"{Name} Chapter {s}.{e}", date));
                date = date.AddDays(7);
            }

            date = date.AddDays(90);
        }

        for (var sp = 1; sp <= specials; sp++)
        {
            list.Add(new FakeEpisode(0, sp, $"{Name} Special {sp}", new DateOnly(Year, 12, 20).AddYears(sp - 1)));
        }

        return this with { Episodes = list };
    }
}

/// <summary>Search semantics shared by both fakes: every query word must be a word of one of the show's names.</summary>
public static class FakeCatalogue
{
    public static IEnumerable<FakeShow> Search(IEnumerable<FakeShow> shows, string query)
    {
        var wanted = Words(query);
        return shows
            .Where(s => wanted.Count > 0 && Names(s).Any(n => wanted.All(Words(n).Contains)))
            .OrderByDescending(s => Names(s).Any(n => Words(n).SequenceEqual(wanted)))
            .ThenByDescending(s => s.Popularity);
    }

    public static IEnumerable<string> Names(FakeShow s) => new[] { s.Name, s.OriginalName }.OfType<string>().Concat(s.AlternativeTitles);

    private static List<string> Words(string s)
    {
        var words = new List<string>();
        var sb = new StringBuilder();
        foreach (var ch in s.ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(ch))
            {
                sb.Append(ch);
            }
            else if (ch is not ('\'' or '’') && sb.Length > 0)
            {
                words.Add(sb.ToString());
                sb.Clear();
            }
        }

        if (sb.Length > 0)
        {
            words.Add(sb.ToString());
        }

        return words;
    }
}
