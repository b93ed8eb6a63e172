using System.Globalization;
using System.Text.RegularExpressions;
using Episodic.Core.Metadata;
using Episodic.Core.Model;
using Episodic.Core.Text;

namespace Episodic.Automation.Review;

/// <summary>
/// What a person says about a file's reading: the show (by name, or by a provider's id), the season and the episode
/// numbers. <c>review accept</c> applies them to one held file; <c>route --show/--tmdb-id/--tvmaze-id</c> to every
/// name of a run. Fields left null keep the proposed reading.
/// </summary>
public sealed partial record ReviewOverrides
{
    /// <summary>The show's name; a trailing "(2005)" is read as its year.</summary>
    public string? Show { get; init; }

    /// <summary>The show at a metadata provider (<c>tmdb:1429</c>, <c>tvmaze:169</c>): identified by id, never searched.</summary>
    public ShowId? ShowId { get; init; }

    public int? Season { get; init; }

    /// <summary>Episode numbers: within <see cref="Season"/> (or the proposal's season); absolute numbers when there is no season.</summary>
    public IReadOnlyList<int>? Episodes { get; init; }

    /// <summary>True when nothing is overridden.</summary>
    public bool IsEmpty => Show is null && ShowId is null && Season is null && Episodes is null;

    /// <summary>
    /// The reading with the overrides applied. <paramref name="confirmed"/> (a review accept) makes it a person's
    /// answer: confidence 1 and a reasoning that says so; otherwise (route's run-wide overrides) the confidence stays.
    /// </summary>
    public EpisodeParse ApplyTo(EpisodeParse parse, bool confirmed)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var result = parse;
        var changed = new List<string>();
        if (Show is { } show && !string.IsNullOrWhiteSpace(show))
        {
            var (name, year) = SplitYear(show.Trim());
            result = result with { ShowName = name, Year = year ?? (string.Equals(TitleWords.Key(name), TitleWords.Key(parse.ShowName ?? ""), StringComparison.Ordinal) ? parse.Year : null) };
            changed.Add($"show '{show.Trim()}'");
        }

        var season = Season ?? result.Season;
        if (Season is { } s)
        {
            result = result with { Season = s, Special = s == 0 };
            changed.Add(string.Create(CultureInfo.InvariantCulture, $"season {s}"));
        }

        if (Episodes is { Count: > 0 } episodes)
        {
            result = season is not null
                ? result with { Season = season, Episodes = [.. episodes], AbsoluteEpisodes = [], AirDate = null, FullSeason = false }
                : result with { Episodes = [.. episodes], AbsoluteEpisodes = [.. episodes], AirDate = null, FullSeason = false };
            changed.Add($"episode(s) {string.Join(',', episodes)}");
        }
        else if (Season is not null && result.AbsoluteEpisodes.Count > 0 && result.Episodes.Count == 0)
        {
            // "--season 2" on an absolute-numbered name keeps the number as the episode within that season.
            result = result with { Episodes = result.AbsoluteEpisodes, AbsoluteEpisodes = [] };
        }

        if (ShowId is { } id)
        {
            changed.Add($"show {id}");
        }

        if (!confirmed)
        {
            return changed.Count == 0 ? result : result with { Reasoning = $"{parse.Reasoning} (Overridden for this run: {string.Join(", ", changed)}.)" };
        }

        var what = changed.Count == 0 ? "the proposed reading" : string.Join(", ", changed);
        return result with { Confidence = 1.0, Reasoning = $"Accepted in review with {what}; the parser had said: {parse.Reasoning}" };
    }

    /// <summary>Why the overrides cannot be used (a blank show, a negative number), or null.</summary>
    public string? Problem()
    {
        if (Show is { } show && string.IsNullOrWhiteSpace(show))
        {
            return "--show is empty";
        }

        if (Season is < 0)
        {
            return "--season must be 0 or more";
        }

        if (Episodes?.Any(e => e < 0) == true)
        {
            return "--episode numbers must be 0 or more";
        }

        return null;
    }

    private static (string Name, int? Year) SplitYear(string show)
    {
        var m = TrailingYear().Match(show);
        return m.Success && int.TryParse(m.Groups[2].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            ? (m.Groups[1].Value.Trim(), year)
            : (show, null);
    }

    /// <summary>"Doctor Who (2005)": the year in brackets at the end, as Plex folders write it. "1923" alone is a title.</summary>
    [GeneratedRegex(@"^(.+?)\s*\((19\d\d|20\d\d)\)$", RegexOptions.CultureInvariant, RegexLimits.TimeoutMs)]
    private static partial Regex TrailingYear();
}
