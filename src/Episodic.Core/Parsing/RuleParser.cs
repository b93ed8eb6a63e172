using System.Text.RegularExpressions;
using Episodic.Core.Model;

namespace Episodic.Core.Parsing;

/// <summary>
/// The embedded rule parser: reads the file name, then its folders for what the file name lacks (show, season, or
/// everything when the file name is scrambled), and scores the result. Never throws; every input gets a result.
/// </summary>
public sealed partial class RuleParser : IFilenameParser
{
    private readonly Func<DateOnly> _today;

    public RuleParser(Func<DateOnly>? today = null) => _today = today ?? UtcToday.Get;

    public static RuleParser Default { get; } = new();

    public EpisodeParse Parse(string input) => ParseGuarded(input, Confidence.ConfidenceWeights.Embedded, keepFeatures: false).Result;

    /// <summary>
    /// Parses and also returns the confidence features of the winning reading (null when the name is not read as an
    /// episode), so evaluation can refit and cross-validate the confidence model on the same evidence.
    /// </summary>
    internal (EpisodeParse Result, double[]? Features) ParseDetailed(string input, Confidence.ConfidenceWeights weights) =>
        ParseGuarded(input, weights, keepFeatures: true);

    /// <summary>
    /// One parse; the feature vector is returned only when <paramref name="keepFeatures"/> (evaluation), so a plain parse
    /// scores from a vector on the stack and allocates none.
    /// </summary>
    private (EpisodeParse Result, double[]? Features) ParseGuarded(string? input, Confidence.ConfidenceWeights weights, bool keepFeatures)
    {
        var original = input ?? "";
        try
        {
            return ParseCore(original, weights, keepFeatures);
        }
#pragma warning disable CA1031 // The contract is "never throws": a parser bug must degrade to "not an episode", not crash a batch.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return (EpisodeParse.NotAnEpisode(original, $"The rule parser failed on this name ({ex.GetType().Name}); treat it as unparsed."), null);
        }
    }

    private (EpisodeParse, double[]?) ParseCore(string original, Confidence.ConfidenceWeights weights, bool keepFeatures)
    {
        var today = _today();
        var (folders, file) = PathParts.Split(PathParts.Sanitise(original));
        var name = PathParts.StripExtension(file);
        if (Vocabulary.DeviceCaptureNames.IsCapture(name))
        {
            return (EpisodeParse.NotAnEpisode(original, "The file name is a camera, phone or screen-recorder capture (a device prefix and a timestamp), not an episode."), null);
        }

        var r = NameReader.Read(name, today);

        // Scrambled scene names are written backwards ("10E10S.esaeleR.emoS"); read them the right way round.
        if (!r.IsStrong && ReversedMarker.IsIn(name))
        {
            var reversed = NameReader.Read(new string(name.Reverse().ToArray()), today);
            if (reversed.IsStrong)
            {
                r = reversed;
            }
        }

        // A file name that is only a number ("05.mkv", "921.mkv") is an episode number, never a compact 1x05.
        if (name.Length is > 0 and <= 4 && !name.AsSpan().ContainsAnyExceptInRange('0', '9'))
        {
            var n = int.Parse(name, System.Globalization.CultureInfo.InvariantCulture);
            r = new Reading { Kind = Rules.MarkerKind.Number, Form = Rules.MarkerForm.WholeNameNumber, Rule = "episode number as the whole file name", Matched = name.AsMemory(), Episodes = [n], Absolute = [n] };
            if (name.Length == 4 && n is >= 1900 and <= 2100)
            {
                // "Show/2010.mkv": four digits that read as a year may date the file rather than number it.
                r.Doubts.Add(Doubt.YearAsWholeName);
            }
        }

        var (titleFromFolder, numbersFromFolder) = ApplyFolders(r, folders, today);
        if (r.Rejected || !r.HasNumbers && !r.Special)
        {
            var why = r.Rejected
                ? "The name's only date is before 1951 or in the future, so it is not read as an episode."
                : "No episode pattern found (no SxxEyy, NxNN, air date, season, episode word or episode number).";
            var rejected = EpisodeParse.NotAnEpisode(original, why) with { ShowName = r.Rejected ? null : r.Title, Year = r.Rejected ? null : r.Year, Crc32 = r.Crc32, ReleaseGroup = r.ReleaseGroup };
            return (rejected, null);
        }

        // A special named by keyword alone ("Show OVA") carries no number to be sure of: it always goes to the next tier.
        double[]? features = null;
        var confidence = ConfidenceModel.KeywordOnlySpecial;
        if (r.HasNumbers)
        {
            var count = Confidence.ConfidenceFeatures.Count;
            Span<double> x = keepFeatures ? features = new double[count] : stackalloc double[count];
            Confidence.ConfidenceFeatures.Extract(r, titleFromFolder, numbersFromFolder, x);
            confidence = ConfidenceModel.Bound(Math.Clamp(Math.Round(weights.Score(x), 3), 0.01, 0.99), r.Doubts);
        }

        // The rival is rendered once, for the reasoning and for the doubts the model tier is shown.
        var rival = r.Evidence.Rival?.ToReading();
        var parse = new EpisodeParse
        {
            Input = original,
            ShowName = r.Title,
            Year = r.Year,
            Season = r.Season,
            Episodes = r.Episodes,
            AbsoluteEpisodes = r.Absolute,
            AirDate = r.AirDate,
            FullSeason = r.FullSeason,
            Special = r.Special,
            Crc32 = r.Crc32,
            ReleaseGroup = r.ReleaseGroup,
            Version = r.Version,
            Confidence = confidence,
            Source = AnswerSource.Rules,
            Reasoning = Explain(r, rival, titleFromFolder, numbersFromFolder),
            Doubts = RuleDoubts.From(r.Doubts, rival),
        };
        return (parse, features);
    }

    /// <summary>Fills what the file name lacks from its folders, nearest first. Returns which parts came from folders.</summary>
    private static (bool Title, bool Numbers) ApplyFolders(Reading r, IReadOnlyList<string> folders, DateOnly today)
    {
        var titleFromFolder = false;
        var numbersFromFolder = false;
        var weak = !r.IsStrong;
        // A scene abbreviation as the file's title ("aaf-mb.s08e16.mkv" inside "MythBusters.S08E16.720p.HDTV-aAF/") is
        // outranked by the release folder's title.
        var needTitle = r.Title is null || ConfidenceModel.LooksLikeJunk(r.Title) || folders.Count > 0 && SceneAbbreviation().IsMatch(r.Title);
        for (var k = folders.Count - 1; k >= Math.Max(0, folders.Count - 4) && (weak || needTitle || r.Season is null); k--)
        {
            var folder = folders[k];
            if (Vocabulary.SeasonWords.GenericFolders.Contains(folder))
            {
                continue;
            }

            var f = NameReader.Read(folder, today);
            if (f.Kind == Rules.MarkerKind.SeasonPack && r.Season is null && (r.Episodes.Count > 0 || r.Absolute.Count > 0))
            {
                // "Show/Season 2/05.mkv": the season is explicit in the folder.
                r.Season = f.Season;
            }

            if (weak && f.Kind == Rules.MarkerKind.Date && r.AirDate is null)
            {
                r.Kind = f.Kind;
                r.AirDate = f.AirDate;
                r.Rule = f.Rule;
                r.Matched = f.Matched;
                r.Form = f.Form;
                numbersFromFolder = true;
                weak = false;
                needTitle = f.Title is not null || needTitle;
            }

            if (weak && f.Kind == Rules.MarkerKind.SeasonEpisode && f.Episodes.Count > 0)
            {
                // A hashed or scrambled file inside a proper release folder: the folder is the release name.
                r.Kind = f.Kind;
                r.Season = f.Season;
                r.Episodes = f.Episodes;
                r.Absolute = f.Absolute;
                r.Rule = f.Rule;
                r.Matched = f.Matched;
                r.Form = f.Form;
                r.ReleaseGroup ??= f.ReleaseGroup;
                numbersFromFolder = true;
                weak = false;

                // The folder is the release name, so its show name outranks whatever the scrambled file name held.
                needTitle = f.Title is not null || needTitle;
            }

            // A folder "Babylon 5" is a show whose name ends in a number, not episode 5 of "Babylon".
            var folderTitle = f.Kind == Rules.MarkerKind.Number && f.Episodes.Count == 1 && f.Absolute.Count <= 1 ? NameReader.ReadTitleOnly(folder) : f.Title;
            if (needTitle && folderTitle is { } title && !Vocabulary.SeasonWords.GenericFolders.Contains(title))
            {
                r.Title = title;
                r.Year ??= f.Year;
                titleFromFolder = true;
                needTitle = false;
            }
        }

        r.Title ??= r.TitleAfter;
        return (titleFromFolder, numbersFromFolder);
    }

    /// <summary>
    /// The reasoning sentence, written piece by piece into one pooled buffer: only the finished sentence is a new string
    /// (the parts were strings of their own, joined and then dropped, on every name).
    /// </summary>
    private static string Explain(Reading r, RivalReading? rival, bool titleFromFolder, bool numbersFromFolder)
    {
        var text = new System.Runtime.CompilerServices.DefaultInterpolatedStringHandler(0, 0, System.Globalization.CultureInfo.InvariantCulture, stackalloc char[256]);
        text.AppendLiteral("Matched ");
        if (r.Matched.Length > 0)
        {
            text.AppendFormatted(r.Matched.Span);
            text.AppendLiteral(" as ");
        }

        text.AppendLiteral(r.Rule);
        text.AppendLiteral(numbersFromFolder ? " in the folder name; " : " in the file name; ");
        if (r.Title is null)
        {
            text.AppendLiteral("no show name found");
        }
        else
        {
            text.AppendLiteral("show name \"");
            text.AppendLiteral(r.Title);
            text.AppendLiteral(titleFromFolder ? "\" from the folder" : "\" from the text before it");
        }

        text.AppendLiteral(".");
        if (r.Doubts.Count > 0)
        {
            text.AppendLiteral(" Doubts: ");
            var first = true;
            foreach (var doubt in r.Doubts)
            {
                text.AppendLiteral(first ? "" : "; ");
                text.AppendLiteral(ConfidenceModel.Describe(doubt));
                first = false;
            }

            text.AppendLiteral(".");
        }

        if (r.Evidence.Rival is { } rv)
        {
            text.AppendLiteral(" Rival reading: ");
            text.AppendLiteral(rival!.Description);
            text.AppendLiteral(" (margin ");
            text.AppendFormatted(rv.Margin, "0.00");
            text.AppendLiteral(").");
        }

        return text.ToStringAndClear();
    }

    /// <summary>
    /// A scene group's abbreviation of a show ("aaf-mb", "fqm-dex"): lower-case, a short group tag, a dash, a short word.
    /// Guard: only where a folder can say more, and never a title with spaces or capitals ("She-Hulk" stays).
    /// </summary>
    [GeneratedRegex(@"^[a-z0-9]{2,5}-[a-z0-9]{1,6}$", RegexOptions.CultureInvariant, Episodic.Core.Text.RegexLimits.TimeoutMs)]
    private static partial Regex SceneAbbreviation();
}
