using System.Globalization;
using System.Text;
using Episodic.Core.Model;

namespace Episodic.Core.Evaluation;

/// <summary>
/// Exact port of score.py's <c>judge()</c> for one corpus row and one <see cref="EpisodeParse"/>.
/// Returns the failed fields in score.py's order: should_reject | title, season, episodes, air_date, full_season.
/// </summary>
public static class RowJudge
{
    public const string ShouldReject = "should_reject";
    public const string Title = "title";
    public const string Season = "season";
    public const string Episodes = "episodes";
    public const string AirDate = "air_date";
    public const string FullSeason = "full_season";

    public static IReadOnlyList<string> Judge(CorpusRow row, EpisodeParse result)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(result);
        var notes = row.Notes;
        var unchecked_ = UncheckedColumns(notes);
        var eps = result.Episodes;
        var abs = result.AbsoluteEpisodes;
        var date = result.AirDate is { } d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "";
        var full = result.FullSeason;
        var fails = new List<string>(2);

        if (row.ExpectNone == "1")
        {
            if (eps.Count > 0 || abs.Count > 0 || date.Length > 0 || full)
            {
                fails.Add(ShouldReject);
            }

            return fails;
        }

        var src = row.Corpus;
        var assertedAll = src is "sonarr" or "sync2nas";

        if (!unchecked_.Contains(Title) && (assertedAll || row.Title.Length > 0)
            && TitleNormalizer.Normalize(result.ShowName) != TitleNormalizer.Normalize(row.Title))
        {
            fails.Add(Title);
        }

        var expSeason = PyText.ToInt(row.Season);
        if (!unchecked_.Contains(Season))
        {
            if (expSeason is not null)
            {
                if (result.Season != expSeason)
                {
                    fails.Add(Season);
                }
            }
            else if (assertedAll && row.AirDate.Length == 0 && result.Season is not (null or 0))
            {
                fails.Add(Season);
            }
        }

        var e = ParseInts(row.Episodes);
        var a = ParseInts(row.AbsoluteEpisodes);
        if (!unchecked_.Contains(Episodes))
        {
            if (e.Count > 0)
            {
                if (!(Same(eps, e) || (expSeason is null && Same(abs, e) && eps.Count == 0)))
                {
                    fails.Add(Episodes);
                }
            }
            else if (a.Count > 0)
            {
                if (!(Same(abs, a) || Same(eps, a)))
                {
                    fails.Add(Episodes);
                }
            }
            else if (assertedAll && !unchecked_.Contains("absolute_episodes") && (eps.Count > 0 || abs.Count > 0))
            {
                fails.Add(Episodes);
            }
        }

        if (row.AirDate.Length > 0 && !unchecked_.Contains(AirDate)
            && !notes.Contains("not_asserted=air_date", StringComparison.Ordinal) && date != row.AirDate)
        {
            fails.Add(AirDate);
        }

        if (row.FullSeason == "1" && !unchecked_.Contains(FullSeason) && !full)
        {
            fails.Add(FullSeason);
        }

        return fails;
    }

    /// <summary><c>re.search(r'unchecked=([\w,]+)', notes)</c>: the first occurrence followed by at least one [\w,] char.</summary>
    internal static HashSet<string> UncheckedColumns(string notes)
    {
        const string key = "unchecked=";
        var from = 0;
        while (true)
        {
            var at = notes.IndexOf(key, from, StringComparison.Ordinal);
            if (at < 0)
            {
                return [];
            }

            var start = at + key.Length;
            var end = start;
            while (end < notes.Length && Rune.TryGetRuneAt(notes, end, out var r) && (r.Value == ',' || PyText.IsWord(r)))
            {
                end += r.Utf16SequenceLength;
            }

            if (end > start)
            {
                return [.. notes[start..end].Split(',')];
            }

            from = at + 1;
        }
    }

    /// <summary>score.py's <c>ints()</c> for a corpus cell: comma-split, blank items skipped.</summary>
    internal static List<int> ParseInts(string cell)
    {
        var list = new List<int>();
        if (cell.Length == 0)
        {
            return list;
        }

        foreach (var part in cell.Split(','))
        {
            if (part.Trim().Length == 0)
            {
                continue;
            }

            list.Add(PyText.ToInt(part) ?? throw new FormatException($"Not an integer in corpus cell: '{part}'"));
        }

        return list;
    }

    private static bool Same(IReadOnlyList<int> x, List<int> y)
    {
        if (x.Count != y.Count)
        {
            return false;
        }

        for (var i = 0; i < x.Count; i++)
        {
            if (x[i] != y[i])
            {
                return false;
            }
        }

        return true;
    }
}
