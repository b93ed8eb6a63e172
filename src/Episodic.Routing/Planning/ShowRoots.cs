using Episodic.Core.Metadata;
using Episodic.Core.Model;
using Episodic.Routing.Library;

namespace Episodic.Routing.Planning;

/// <summary>One episode's say in which root its show goes to: its show, whether its name reads as anime, and whether the show's folder already exists in each root.</summary>
public readonly record struct RootVote(string Show, bool AnimeStyle, bool FolderInTv, bool FolderInAnime);

/// <summary>Where a show goes (true = the anime root) and, when that is not what the name's style alone says, why.</summary>
public sealed record RootChoice(bool Anime, string Why);

/// <summary>
/// One show, one root. The anime root used to be chosen from each name's style, so <c>[Grp] Show - 26</c> and
/// <c>Show.S02E01</c> of the same show landed in two libraries and a media server saw two half shows. Now, with a
/// separate anime root: a show whose folder already exists in exactly one root stays there; otherwise all of a
/// run's episodes of one show go where most of them read (a tie goes to the anime root: an absolute-numbered or
/// fansub-tagged release is positive evidence of anime, a SxxEyy name is evidence of nothing). A show is its
/// provider id when metadata identified it, else its name as folder matching folds it (with the year read), so
/// shows whose names merely share a prefix ("Show" and "Show Ladies") are never grouped.
/// </summary>
public static class ShowRoots
{
    /// <summary>The grouping key of a file's show: the provider's id when identified, else the strict folder-matching key of name and year.</summary>
    public static string KeyOf(EpisodeParse parse, Identification? metadata)
    {
        ArgumentNullException.ThrowIfNull(parse);
        if (metadata is { IsIdentified: true, Show: { } show })
        {
            return "id:" + show.Id;
        }

        return "name:" + (ShowFolderMatcher.WantedKeys(parse.ShowName ?? "", parse.Year) is [var key, ..] ? key : parse.ShowName);
    }

    /// <summary>The root of every show voted for (keyed by <see cref="RootVote.Show"/>).</summary>
    public static Dictionary<string, RootChoice> Decide(IEnumerable<RootVote> votes)
    {
        ArgumentNullException.ThrowIfNull(votes);
        var choices = new Dictionary<string, RootChoice>(StringComparer.Ordinal);
        foreach (var show in votes.GroupBy(v => v.Show, StringComparer.Ordinal))
        {
            var inTv = show.Any(v => v.FolderInTv);
            var inAnime = show.Any(v => v.FolderInAnime);
            if (inTv != inAnime)
            {
                choices[show.Key] = new RootChoice(inAnime, $"the show's folder is already in the {(inAnime ? "anime" : "TV")} root");
                continue;
            }

            var total = show.Count();
            var anime = show.Count(v => v.AnimeStyle);
            var toAnime = anime * 2 >= total && anime > 0;
            var why = toAnime
                ? $"{anime} of {total} episodes of the show in this run read as anime"
                : $"{total - anime} of {total} episodes of the show in this run read as regular TV";
            choices[show.Key] = new RootChoice(toAnime, why);
        }

        return choices;
    }
}
