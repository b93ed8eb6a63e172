using Episodic.Core.Parsing.Rules;

namespace Episodic.Core.Parsing.Confidence;

/// <summary>
/// Turns a reading's typed evidence into the feature vector of the confidence model. Features are classes of
/// evidence (the marker's form family, the number's shape, what was left unexplained, rivals, doubts), never names;
/// every feature is in [0, 1] so the fitted weights read as log-odds per unit of evidence.
/// </summary>
internal static class ConfidenceFeatures
{
    private static readonly Doubt[] Doubts = Enum.GetValues<Doubt>();
    private static readonly RivalKind[] RivalKinds = Enum.GetValues<RivalKind>();
    private static readonly string[] Families =
        ["sxxeyy", "split_se", "cross", "season_dash", "season_number", "date_full", "date_short", "pack", "episode_word",
         "mini_series", "special", "dash_number", "bracket_number", "bare_number", "compact", "whole_name"];

    /// <summary>Feature names, in vector order; the weights file is keyed by them.</summary>
    public static IReadOnlyList<string> Names { get; } = BuildNames();

    public static int Count => Names.Count;

    public static double[] Extract(Reading r, bool titleFromFolder, bool numbersFromFolder)
    {
        var x = new double[Count];
        Extract(r, titleFromFolder, numbersFromFolder, x);
        return x;
    }

    /// <summary>
    /// Writes the features into <paramref name="x"/> (<see cref="Count"/> long, every slot written), so a parse that only
    /// needs the score can keep them on the stack instead of allocating a vector per name.
    /// </summary>
    public static void Extract(Reading r, bool titleFromFolder, bool numbersFromFolder, Span<double> x)
    {
        var k = 0;
        var family = Family(r.Form);
        for (var f = 0; f < Families.Length; f++)
        {
            x[k++] = f == family ? 1 : 0;
        }

        var title = r.Title ?? "";
        var words = WordCount(title);
        var dash = title.LastIndexOf(" - ", StringComparison.Ordinal);
        var e = r.Evidence;
        x[k++] = r.Title is null ? 1 : 0;
        x[k++] = Math.Min(Math.Max(words - 4, 0), 8) / 8.0;
        x[k++] = words == 1 ? 1 : 0;
        x[k++] = r.Title is not null && ConfidenceModel.LooksLikeJunk(title) ? 1 : 0;
        x[k++] = e.TitleHasNumber ? 1 : 0;
        x[k++] = title.AsSpan().ContainsAnyInRange('\u2E80', char.MaxValue) ? 1 : 0;
        x[k++] = dash >= 0 && WordCount(title.AsSpan(dash + 3)) <= 2 ? 1 : 0;
        x[k++] = title.Contains('(', StringComparison.Ordinal) ? 1 : 0;
        x[k++] = titleFromFolder ? 1 : 0;
        x[k++] = numbersFromFolder ? 1 : 0;
        x[k++] = r.ReleaseGroup is null ? 0 : 1;
        x[k++] = r.Crc32 is null ? 0 : 1;
        x[k++] = r.Version is null ? 0 : 1;
        x[k++] = e.FansubStyle ? 1 : 0;
        x[k++] = r.Year is null ? 0 : 1;
        x[k++] = e.NumberDigits >= 3 ? 1 : 0;
        x[k++] = r.Episodes.Count + r.Absolute.Count > 2 || r.Episodes.Count > 1 ? 1 : 0;
        x[k++] = r.Season is null && r.AirDate is null ? 1 : 0;
        x[k++] = Math.Min(e.UnplacedInBrackets, 4) / 4.0;
        x[k++] = Math.Min(e.OtherNumbers, 3) / 3.0;
        x[k++] = Math.Min(e.WordsAfterMarker, 6) / 6.0;
        x[k++] = 1 - Math.Clamp(e.Coverage, 0, 1);
        x[k++] = HasGap(r.Episodes) ? 1 : 0;
        foreach (var d in Doubts)
        {
            x[k++] = r.Doubts.Contains(d) ? 1 : 0;
        }

        foreach (var kind in RivalKinds)
        {
            x[k++] = e.Rival is { } rival && rival.Kind == kind ? 1 - Math.Clamp(rival.Margin, 0, 1) : 0;
        }

        // The parser passes an unzeroed stack vector (SkipLocalsInit): a feature named but not written here would score
        // from leftover memory, so a short fill is a bug to stop on, not a value.
        if (k != x.Length)
        {
            throw new InvalidOperationException($"wrote {k} of {x.Length} confidence features");
        }
    }

    /// <summary>The words between single spaces, as splitting on ' ' without empty entries counts them, without the strings.</summary>
    private static int WordCount(ReadOnlySpan<char> text)
    {
        var count = 0;
        var inWord = false;
        foreach (var c in text)
        {
            if (c == ' ')
            {
                inWord = false;
            }
            else if (!inWord)
            {
                inWord = true;
                count++;
            }
        }

        return count;
    }

    /// <summary>
    /// A list of episodes with a jump in it ("S03E13_91" read as 13 and 91): written ranges and chains are consecutive,
    /// so a gap is more often a number the reading swallowed than a real list.
    /// </summary>
    private static bool HasGap(List<int> episodes)
    {
        for (var i = 1; i < episodes.Count; i++)
        {
            if (episodes[i] - episodes[i - 1] > 1)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Features that can only speak against a reading: a doubt, a rival's closeness (1 − margin) and a jump in the episode
    /// list. The fit keeps their weights at or below zero and pulls them towards a default penalty, so a class that
    /// happened to be harmless in the training sources (or that leave-one-source-out holds out) cannot turn a close rival
    /// or a gapped list into a reason for more confidence than a clean name.
    /// </summary>
    internal static bool IsEvidenceAgainst(string feature) =>
        feature.StartsWith("doubt.", StringComparison.Ordinal)
        || feature.StartsWith("rival.", StringComparison.Ordinal)
        || feature == "episodes.gapped";

    private static List<string> BuildNames()
    {
        var names = Families.Select(f => "form." + f).ToList();
        names.AddRange([
            "title.missing", "title.long", "title.one_word", "title.junk", "title.has_number", "title.cjk", "title.short_dash_tail", "title.parenthesis",
            "folder.title", "folder.numbers", "group", "crc", "version", "fansub", "year", "number.3plus_digits",
            "episodes.several", "season.none", "unplaced.in_brackets", "numbers.other", "words.after_marker", "reading.uncovered", "episodes.gapped",
        ]);
        names.AddRange(Doubts.Select(d => "doubt." + Snake(d.ToString())));
        names.AddRange(RivalKinds.Select(k => "rival." + Snake(k.ToString())));
        return names;
    }

    /// <summary>The confidence family of a form; -1 only for a form missing here, which a test forbids.</summary>
    internal static int FamilyOf(MarkerForm? form) => Family(form);

    private static int Family(MarkerForm? form) => form switch
    {
        MarkerForm.SxxEyy => 0,
        MarkerForm.SxxSpaceEyy or MarkerForm.SeasonThenEpisodeWord or MarkerForm.CapSeasonEpisode => 1,
        MarkerForm.Cross => 2,
        MarkerForm.SeasonThenDashNumber => 3,
        MarkerForm.SeasonThenNumber or MarkerForm.SeasonThenNOfM or MarkerForm.AbsoluteAfterSeasonLikeWord => 4,
        MarkerForm.FullDate => 5,
        MarkerForm.ShortDate => 6,
        MarkerForm.SeasonPack or MarkerForm.MultiSeasonPack => 7,
        MarkerForm.EpisodeWord or MarkerForm.CjkEpisodeCounter or MarkerForm.CjkEpisodeRange or MarkerForm.HashNumber or MarkerForm.NOfM => 8,
        MarkerForm.MiniSeriesEpisode or MarkerForm.MiniSeriesPart => 9,
        MarkerForm.SpecialNumbered or MarkerForm.SpecialWordNumber or MarkerForm.SpecialWord => 10,
        MarkerForm.DashNumber => 11,
        MarkerForm.BracketedNumber => 12,
        MarkerForm.BareNumber => 13,
        MarkerForm.CompactNumber => 14,
        MarkerForm.WholeNameNumber => 15,
        _ => -1,
    };

    private static string Snake(string pascal) =>
        string.Concat(pascal.Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
