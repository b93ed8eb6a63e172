using System.Globalization;
using System.Text.RegularExpressions;
using Episodic.Core.Metadata;
using Episodic.Core.Model;

namespace Episodic.Routing.Templates;

/// <summary>
/// Fills a layout template. Placeholders: {show} {season} {season:00} {episode:00} {episodes} {absolute:000}
/// {air_date} {year} {ext} {original}; the number of zeros is the padding width. Several episodes render as a range
/// ({episode:00} → "01-E02", {absolute:000} → "001-002"); {episodes} lists every number ("01-02-03");
/// {original} is the source file name without its extension.
/// </summary>
public static partial class TemplateRenderer
{
    private static readonly HashSet<string> Known = new(StringComparer.Ordinal)
    {
        "show", "season", "episode", "episodes", "absolute", "air_date", "year", "ext", "original", "episode_title", "tmdb_id", "tvmaze_id",
    };

    /// <summary>Every placeholder with what it writes, for --help and docs.</summary>
    public const string PlaceholderHelp =
        "{show} show folder name; {season} {season:00} season number (0 for specials); {episode:00} episode or range (01-E02); " +
        "{episodes} every number (01-02-03); {absolute:000} absolute number or range (001-002); {air_date} yyyy-MM-dd; " +
        "{year} air or show year; {ext} extension with the dot; {original} source file name without extension. Zeros set the padding.";

    /// <summary>The values one file gives the placeholders.</summary>
    internal sealed record Values(string Show, EpisodeParse Parse, string Extension, string Original)
    {
        /// <summary>The provider's show and episode, when the file was identified (fills {episode_title}, {tmdb_id}, {tvmaze_id}).</summary>
        public Identification? Metadata { get; init; }
    }

    /// <summary>Problems with a template (unknown placeholders, absolute or parent paths); empty when usable.</summary>
    public static IReadOnlyList<string> Validate(string template)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(template))
        {
            return ["the template is empty"];
        }

        if (template.StartsWith('/') || template.StartsWith('\\') || (template.Length > 1 && template[1] == ':'))
        {
            problems.Add($"the template '{template}' must be relative to the library root");
        }

        foreach (Match m in Placeholder().Matches(template))
        {
            if (!Known.Contains(m.Groups["name"].Value))
            {
                problems.Add($"unknown placeholder '{m.Value}' in template '{template}' (known: {string.Join(", ", Known.Order(StringComparer.Ordinal).Select(k => "{" + k + "}"))})");
            }
        }

        if (Components(template).Any(c => c is ".." or "."))
        {
            problems.Add($"the template '{template}' must not contain '.' or '..' folders");
        }

        return problems;
    }

    /// <summary>The template's folder/file components ('/' or '\' separate them).</summary>
    internal static string[] Components(string template) => template.Split('/', '\\', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Renders one component; unknown placeholders stay as written (Validate reports them).</summary>
    internal static string Render(string component, Values v) => Placeholder().Replace(WithoutMissingTitle(component, v), m =>
    {
        var width = m.Groups["pad"].Success ? m.Groups["pad"].Value.Length : 0;
        return m.Groups["name"].Value switch
        {
            "show" => v.Show,
            "season" => Pad(v.Parse.Season ?? (v.Parse.Special ? 0 : 1), width),
            "episode" => Range(v.Parse.Episodes.Count > 0 ? v.Parse.Episodes : v.Parse.AbsoluteEpisodes, width, "-E"),
            "episodes" => string.Join('-', (v.Parse.Episodes.Count > 0 ? v.Parse.Episodes : v.Parse.AbsoluteEpisodes).Select(e => Pad(e, width))),
            "absolute" => Range(v.Parse.AbsoluteEpisodes.Count > 0 ? v.Parse.AbsoluteEpisodes : v.Parse.Episodes, width, "-"),
            "air_date" => v.Parse.AirDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
            "year" => (v.Metadata?.Show?.Year ?? v.Parse.AirDate?.Year ?? v.Parse.Year)?.ToString(CultureInfo.InvariantCulture) ?? "",
            "episode_title" => v.Metadata?.EpisodeTitle ?? "",
            "tmdb_id" => v.Metadata?.Show?.TmdbId?.ToString(CultureInfo.InvariantCulture) ?? "",
            "tvmaze_id" => v.Metadata?.Show?.TvmazeId?.ToString(CultureInfo.InvariantCulture) ?? "",
            "ext" => v.Extension,
            "original" => v.Original,
            _ => m.Value,
        };
    });

    /// <summary>An episode without a title drops " - {episode_title}" with its separator, not just the placeholder.</summary>
    private static string WithoutMissingTitle(string component, Values v) =>
        v.Metadata?.EpisodeTitle is { Length: > 0 } || !component.Contains("{episode_title}", StringComparison.Ordinal)
            ? component
            : component.Replace(" - {episode_title}", "", StringComparison.Ordinal).Replace("{episode_title}", "", StringComparison.Ordinal);

    private static string Pad(int n, int width) => n.ToString(CultureInfo.InvariantCulture).PadLeft(Math.Max(width, 1), '0');

    private static string Range(IReadOnlyList<int> numbers, int width, string joiner) => numbers.Count switch
    {
        0 => "",
        1 => Pad(numbers[0], width),
        _ => Pad(numbers.Min(), width) + joiner + Pad(numbers.Max(), width),
    };

    [GeneratedRegex(@"\{(?<name>[a-z_]+)(?::(?<pad>0+))?\}", RegexOptions.CultureInvariant, Episodic.Core.Text.RegexLimits.TimeoutMs)]
    private static partial Regex Placeholder();
}
