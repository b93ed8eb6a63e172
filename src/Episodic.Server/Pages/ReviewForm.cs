using System.Globalization;
using Episodic.Automation.Review;
using Episodic.Core.Metadata;
using Microsoft.AspNetCore.Http;

namespace Episodic.Server.Pages;

/// <summary>
/// Reads a person's edits of one held item from the review form (<c>show-{id}</c>, <c>season-{id}</c>,
/// <c>episodes-{id}</c>, <c>candidate-{id}</c>, <c>tmdb-{id}</c>, <c>tvmaze-{id}</c>). The form is pre-filled with
/// the proposal, so a field still holding it is no override: accepting an untouched item files it exactly as
/// proposed (with the provider's own show), as <c>review accept ID</c> would.
/// </summary>
internal static class ReviewForm
{
    /// <summary>The show text the form starts with: the provider's best guess, else the parser's.</summary>
    public static string DefaultShow(ReviewItem item) => item.ProposedShow?.DisplayName ?? ParseView.Show(item.Proposal);

    public static string DefaultSeason(ReviewItem item) => item.Proposal.Season?.ToString(CultureInfo.InvariantCulture) ?? "";

    public static string DefaultEpisodes(ReviewItem item) => ParseView.Episodes(item.Proposal) is var e && item.Proposal.Episodes.Count > 0 ? e : "";

    /// <summary>The overrides, or a one-line problem (a season that is not a number).</summary>
    public static (ReviewOverrides? Overrides, string? Problem) Read(IFormCollection form, ReviewItem item)
    {
        var id = item.Id;
        ShowId? showId = null;
        if (Field(form, "candidate-" + id) is { } candidate)
        {
            if (!ShowId.TryParse(candidate, out var parsed))
            {
                return (null, $"'{candidate}' is not a show id (tmdb:N or tvmaze:N)");
            }

            showId = parsed;
        }

        foreach (var provider in new[] { MetadataProvider.Tmdb, MetadataProvider.Tvmaze })
        {
            if (Field(form, ShowId.NameOf(provider) + "-" + id) is { } number)
            {
                if (!int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1)
                {
                    return (null, $"the {ShowId.NameOf(provider)} id must be a number of 1 or more, not '{number}'");
                }

                showId = new ShowId(provider, n);
            }
        }

        var show = Field(form, "show-" + id);
        if (show == DefaultShow(item) || showId is not null)
        {
            show = null;
        }

        int? season = null;
        if (Field(form, "season-" + id) is { } seasonText && seasonText != DefaultSeason(item))
        {
            if (!int.TryParse(seasonText, NumberStyles.None, CultureInfo.InvariantCulture, out var s))
            {
                return (null, $"the season must be a number, not '{seasonText}'");
            }

            season = s;
        }

        List<int>? episodes = null;
        if (Field(form, "episodes-" + id) is { } episodesText && episodesText != DefaultEpisodes(item))
        {
            episodes = [];
            foreach (var part in episodesText.Split([',', ' ', ';', '+'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var e))
                {
                    return (null, $"episodes are numbers separated by commas, not '{episodesText}'");
                }

                episodes.Add(e);
            }
        }

        var overrides = new ReviewOverrides { Show = show, ShowId = showId, Season = season, Episodes = episodes is { Count: > 0 } ? episodes : null };
        return overrides.Problem() is { } problem ? (null, problem) : (overrides, null);
    }

    /// <summary>The ids a post names: the one item whose button was pressed, else the checked ones.</summary>
    public static IReadOnlyList<string> Ids(IFormCollection form) =>
        Field(form, "item") is { } one ? [one] : [.. form["ids"].Where(i => !string.IsNullOrWhiteSpace(i)).Select(i => i!.Trim()).Distinct(StringComparer.Ordinal)];

    private static string? Field(IFormCollection form, string name) =>
        form.TryGetValue(name, out var values) && values.Count > 0 && values[^1] is { } v && v.Trim() is { Length: > 0 } t ? t : null;
}
