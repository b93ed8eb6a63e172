using System.Globalization;
using Episodic.Core.Evaluation;
using Episodic.Core.Model;

namespace Episodic.Tests;

/// <summary>
/// Hand-made results for a corpus row: its own labels copied into an <see cref="EpisodeParse"/>, then one field
/// altered per variant, so every branch of the scorer is exercised whatever the real parser does.
/// </summary>
internal static class SyntheticResults
{
    public const int VariantCount = 15;

    public static EpisodeParse Variant(CorpusRow row, int k)
    {
        var perfect = FromLabels(row);
        var title = row.Title;
        return k switch
        {
            0 => perfect,
            1 => perfect with { ShowName = title + " Extra" },
            2 => perfect with { ShowName = title + ".2010" },
            3 => perfect with { ShowName = $"{title.Replace(' ', '_').ToUpperInvariant()} (US) 1999" },
            4 => perfect with { ShowName = null },
            5 => perfect with { Season = (perfect.Season ?? 0) + 1 },
            6 => perfect with { Season = perfect.Season is null ? 0 : null },
            7 => perfect with { Episodes = perfect.Episodes.Count == 0 ? [1] : [perfect.Episodes[0] + 1, .. perfect.Episodes.Skip(1)] },
            8 => perfect with { Episodes = [], AbsoluteEpisodes = perfect.Episodes },
            9 => perfect with { Episodes = perfect.AbsoluteEpisodes, AbsoluteEpisodes = perfect.Episodes },
            10 => perfect with { AirDate = perfect.AirDate?.AddDays(1) ?? new DateOnly(2020, 1, 1) },
            11 => perfect with { FullSeason = !perfect.FullSeason },
            12 => EpisodeParse.NotAnEpisode(row.Filename, "synthetic") with { ShowName = title },
            13 => perfect with { AbsoluteEpisodes = [.. perfect.AbsoluteEpisodes, 999] },
            14 => perfect with { ShowName = $"{title}'s & Co", Season = 0 },
            _ => throw new ArgumentOutOfRangeException(nameof(k)),
        };
    }

    private static EpisodeParse FromLabels(CorpusRow row)
    {
        if (row.ExpectNone == "1")
        {
            return EpisodeParse.NotAnEpisode(row.Filename, "synthetic") with { ShowName = row.Title };
        }

        return new EpisodeParse
        {
            Input = row.Filename,
            ShowName = row.Title.Length > 0 ? row.Title : null,
            Season = int.TryParse(row.Season, CultureInfo.InvariantCulture, out var s) ? s : null,
            Episodes = RowJudge.ParseInts(row.Episodes),
            AbsoluteEpisodes = RowJudge.ParseInts(row.AbsoluteEpisodes),
            AirDate = DateOnly.TryParseExact(row.AirDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null,
            FullSeason = row.FullSeason == "1",
            Confidence = 0.5,
            Source = AnswerSource.Rules,
        };
    }
}
