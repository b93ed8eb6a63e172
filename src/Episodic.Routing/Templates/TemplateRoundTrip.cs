using System.Globalization;
using Episodic.Core.Model;
using Episodic.Core.Parsing;
using Episodic.Routing.Planning;

namespace Episodic.Routing.Templates;

/// <summary>
/// Whatever Episodic writes into the library it must read back to the same numbers, or a second run (or a media
/// server) would file the episode elsewhere: a bare "Show - 150.mkv" reads as season 1 episode 50. A template is
/// rendered for sample episodes of its layout, the result parsed again, and every disagreement reported.
/// </summary>
public static class TemplateRoundTrip
{
    /// <summary>Sample shows: plain, with a year, ending in a number, with a country.</summary>
    private static readonly (string Show, int? Year)[] Shows = [("Show Name", null), ("Doctor Who", 2005), ("Mob Psycho 100", null), ("The Office US", null)];

    /// <summary>Sample episodes of one layout (numbers chosen where readings go wrong: 3 and 4 digits, ranges, specials, year-like).</summary>
    public static IEnumerable<EpisodeParse> Samples(RouteLayout layout)
    {
        foreach (var (show, year) in Shows)
        {
            var parse = new EpisodeParse { Input = "", ShowName = show, Year = year, Confidence = 1 };
            switch (layout)
            {
                case RouteLayout.Season:
                    foreach (var (season, episodes) in new (int, int[])[] { (1, [1]), (1, [2, 3]), (0, [4]), (2, [12]), (12, [150]), (3, [1001]), (1, [1, 2, 3]) })
                    {
                        yield return parse with { Season = season, Episodes = episodes, Special = season == 0 };
                    }

                    break;
                case RouteLayout.Absolute:
                    foreach (var n in new[] { 1, 7, 12, 99, 100, 150, 999, 1000, 1071, 2024 })
                    {
                        yield return parse with { Episodes = [n], AbsoluteEpisodes = [n] };
                    }

                    yield return parse with { Episodes = [150, 151], AbsoluteEpisodes = [150, 151] };
                    break;
                default:
                    foreach (var date in new[] { new DateOnly(2024, 1, 15), new DateOnly(1999, 12, 31), new DateOnly(2025, 10, 2) })
                    {
                        yield return parse with { AirDate = date };
                    }

                    break;
            }
        }
    }

    /// <summary>Why <paramref name="readBack"/> differs from what was written, in words, or null when the numbers agree.</summary>
    public static string? Mismatch(EpisodeParse written, EpisodeParse readBack, RouteLayout layout)
    {
        ArgumentNullException.ThrowIfNull(written);
        ArgumentNullException.ThrowIfNull(readBack);
        var same = layout switch
        {
            RouteLayout.Daily => readBack.AirDate == written.AirDate,
            RouteLayout.Absolute => readBack.Season is null && Numbers(readBack).SequenceEqual(Numbers(written)),
            _ => readBack.Season == written.Season && readBack.Episodes.SequenceEqual(written.Episodes),
        };
        if (same)
        {
            return null;
        }

        var show = readBack.ShowName is { Length: > 0 } name && !string.Equals(name, written.ShowName, StringComparison.OrdinalIgnoreCase)
            ? $", with the show read as '{name}'"
            : "";
        return $"writes {Describe(written, layout)} but reads back as {Describe(readBack, layout)}{show}";
    }

    /// <summary>
    /// What a reading holds, in words: "season 3, episode 1001", "episode 100 and no season", "the date 2024-01-15",
    /// "no season, episode or date at all". What the layout needs and the reading lacks is said too.
    /// </summary>
    internal static string Describe(EpisodeParse p, RouteLayout layout)
    {
        var parts = new List<string>();
        if (p.Season is { } season)
        {
            parts.Add($"season {season.ToString(CultureInfo.InvariantCulture)}");
        }

        var numbers = layout == RouteLayout.Absolute ? Numbers(p) : p.Episodes;
        if (numbers.Count > 0)
        {
            parts.Add(Episodes(numbers));
        }

        if (p.AirDate is { } date)
        {
            parts.Add($"the date {date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}");
        }

        if (parts.Count == 0)
        {
            return "no season, episode or date at all";
        }

        var missing = layout switch
        {
            RouteLayout.Season when p.Season is null => " and no season",
            RouteLayout.Season or RouteLayout.Absolute when numbers.Count == 0 => " and no episode",
            RouteLayout.Daily when p.AirDate is null => " and no date",
            _ => "",
        };
        return string.Join(", ", parts) + missing;
    }

    /// <summary>"episode 5", "episodes 2 to 3", "episodes 1, 3 and 5".</summary>
    private static string Episodes(IReadOnlyList<int> numbers)
    {
        var text = numbers.Select(n => n.ToString(CultureInfo.InvariantCulture)).ToList();
        if (numbers.Count == 1)
        {
            return $"episode {text[0]}";
        }

        var consecutive = numbers.Zip(numbers.Skip(1), (a, b) => b == a + 1).All(x => x);
        return consecutive ? $"episodes {text[0]} to {text[^1]}" : $"episodes {string.Join(", ", text[..^1])} and {text[^1]}";
    }

    /// <summary>
    /// Problems with one template of <paramref name="options"/>: each names the setting, the name it would write and
    /// how that name reads back. Empty when every sample reads back to its numbers.
    /// </summary>
    public static IReadOnlyList<string> Problems(RoutingOptions options, RouteLayout layout, IFilenameParser parser, string setting)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(parser);
        if (options.KeepOriginalName)
        {
            // The file keeps its own name; only the folders come from the template.
            return [];
        }

        foreach (var sample in Samples(layout))
        {
            var target = RoutePlanner.Build(sample, "source.mkv", options, RoutePlanner.NewFolderName(sample), newShowFolder: true);
            var back = parser.Parse(target.RelativePath);
            if (Mismatch(sample, back, layout) is { } why)
            {
                return [$"{setting} writes '{target.RelativePath}', which {why}; put a marker before the number (e.g. S{{season:00}}E{{episode:00}}, 'Episode {{absolute:000}}') so Episodic and media servers read it back the same"];
            }
        }

        return [];
    }

    private static IReadOnlyList<int> Numbers(EpisodeParse p) => p.AbsoluteEpisodes.Count > 0 ? p.AbsoluteEpisodes : p.Episodes;
}
