using System.Collections.Concurrent;
using System.Globalization;
using Episodic.Core.Metadata;
using Episodic.Core.Model;
using Episodic.Metadata.Providers;

namespace Episodic.Metadata.Identify;

/// <summary>
/// The provider's numbering of a parsed episode: SxxEyy is checked against the season's list (an episode the provider
/// does not know is reported, never filed); an absolute number becomes (season, episode) by counting regular episodes
/// (specials excluded); an air date finds the daily show's episode. Seasons are fetched once per show and run.
/// </summary>
internal sealed class NumberingReader(IMetadataProvider provider)
{
    private readonly ConcurrentDictionary<(int Show, int Season), Task<IReadOnlyList<ProviderEpisode>>> _seasons = new();
    private readonly ConcurrentDictionary<int, Task<IReadOnlyList<ProviderEpisode>>> _regular = new();

    public async Task<Identification> NumberAsync(EpisodeParse parse, ShowRecord show, CancellationToken cancellationToken)
    {
        var name = show.Show.DisplayName;
        if (parse.AirDate is { } date && parse.Episodes.Count == 0 && parse.Season is null)
        {
            var onDate = await provider.OnDateAsync(show, date, cancellationToken).ConfigureAwait(false);
            var d = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            return onDate.Count == 0
                ? Unknown($"{name} has no episode that aired on {d}")
                : Found(onDate, $"aired {d} is {Marker(onDate)}");
        }

        if (parse.Season is { } season && parse.Episodes.Count > 0)
        {
            return await BySeasonAsync(show, season, parse.Episodes, cancellationToken).ConfigureAwait(false);
        }

        if ((parse.Special || parse.Season == 0) && parse.Episodes.Count > 0)
        {
            return await BySeasonAsync(show, 0, parse.Episodes, cancellationToken).ConfigureAwait(false);
        }

        var absolute = parse.AbsoluteEpisodes.Count > 0 ? parse.AbsoluteEpisodes : parse.Episodes;
        return await ByAbsoluteAsync(show, absolute, cancellationToken).ConfigureAwait(false);
    }

    private async Task<Identification> BySeasonAsync(ShowRecord show, int season, IReadOnlyList<int> episodes, CancellationToken cancellationToken)
    {
        var list = await _seasons.GetOrAdd((show.Show.Id.Id, season), k => provider.SeasonAsync(show, k.Season, cancellationToken)).ConfigureAwait(false);
        var found = episodes.Select(n => list.FirstOrDefault(e => e.Number == n)).ToList();
        var asked = Marker(season, episodes);
        if (found.Any(e => e is null))
        {
            var known = list.Count == 0 ? $"it has no season {season}" : $"season {season} has episodes {list.Min(e => e.Number)}-{list.Max(e => e.Number)}";
            return Unknown($"{show.Show.DisplayName} has no {asked} ({known})");
        }

        return Found(found!, $"{asked} is known");
    }

    private async Task<Identification> ByAbsoluteAsync(ShowRecord show, IReadOnlyList<int> absolute, CancellationToken cancellationToken)
    {
        if (absolute.Count == 0)
        {
            return Unknown("no episode number to look up");
        }

        var regular = await _regular.GetOrAdd(show.Show.Id.Id, _ => provider.RegularEpisodesAsync(show, cancellationToken)).ConfigureAwait(false);
        var continuing = NumbersContinueAcrossSeasons(regular);
        var found = new List<ProviderEpisode>();
        foreach (var n in absolute)
        {
            // Some catalogues number a long anime's later seasons on from the first (season 2 starts at 62); there the
            // absolute number is the episode number itself. Otherwise count regular episodes.
            var hit = continuing ? regular.FirstOrDefault(e => e.Number == n) : n >= 1 && n <= regular.Count ? regular[n - 1] : null;
            if (hit is null)
            {
                return Unknown($"{show.Show.DisplayName} has {regular.Count} regular episodes; there is no absolute episode {n}");
            }

            found.Add(hit);
        }

        if (found.Select(e => e.Season).Distinct().Count() > 1)
        {
            return Unknown($"absolute {string.Join(',', absolute)} spans seasons {Marker(found)}; file the episodes separately");
        }

        return Found(found, $"absolute {string.Join(',', absolute)} is {Marker(found)}");
    }

    private static bool NumbersContinueAcrossSeasons(IReadOnlyList<ProviderEpisode> regular) =>
        regular.GroupBy(e => e.Season).Skip(1).Any(g => g.Min(e => e.Number) > 1);

    private static Identification Found(IReadOnlyList<ProviderEpisode> episodes, string reason) => new(IdentifyStatus.Identified, reason)
    {
        Season = episodes[0].Season,
        Episodes = [.. episodes.Select(e => e.Number)],
        EpisodeTitle = string.Join(" + ", episodes.Select(e => e.Title).OfType<string>().Where(t => t.Length > 0).Distinct(StringComparer.Ordinal)) is { Length: > 0 } t ? t : null,
        AirDate = episodes[0].AirDate,
    };

    private static Identification Unknown(string reason) => new(IdentifyStatus.EpisodeUnknown, reason);

    private static string Marker(IReadOnlyList<ProviderEpisode> episodes) => Marker(episodes[0].Season, [.. episodes.Select(e => e.Number)]);

    private static string Marker(int season, IReadOnlyList<int> episodes) =>
        string.Create(CultureInfo.InvariantCulture, $"S{season:00}E{string.Join("-E", episodes.Select(e => e.ToString("00", CultureInfo.InvariantCulture)))}");
}
