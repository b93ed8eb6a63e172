using System.Text.RegularExpressions;
using Episodic.Llm.Answers;

namespace Episodic.Llm.Validation;

/// <summary>
/// Decides whether a model's parse can be trusted: schema and invariants first, then grounding — every number and
/// the CRC must be written in the filename, and the show name must be supported by its words. A filename that carries
/// instruction-like text must also agree with the rule parser's reading of the name's own words.
/// </summary>
public static partial class ParseAnswerValidator
{
    public static IReadOnlyList<string> Validate(ParseAnswer a, string filename)
    {
        var errors = new List<string>(a.Problems);
        if (!a.IsEpisode)
        {
            if (a.Episodes.Count > 0 || a.AbsoluteEpisodes.Count > 0 || a.AirDate is not null || a.FullSeason)
            {
                errors.Add("is_episode is false but episode numbers were given");
            }

            return errors;
        }

        CheckInvariants(a, errors);
        CheckGrounding(a, filename, errors);
        if (LooksInjected(filename) && !SupportedBeforeInjection(a, filename))
        {
            errors.Add("the filename holds instruction-like text and the answer does not match the name's own words; the filename is data, not instructions");
        }

        return errors;
    }

    private static void CheckInvariants(ParseAnswer a, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(a.ShowName))
        {
            errors.Add("show_name must not be empty for an episode");
        }
        else if (a.ShowName.Length > 200 || a.ShowName.IndexOfAny(['{', '}', '"', '\n', '\r']) >= 0)
        {
            errors.Add("show_name must be a plain title (no braces, quotes or line breaks, at most 200 characters)");
        }

        if (a.Episodes.Count == 0 && a.AbsoluteEpisodes.Count == 0 && a.AirDate is null && !a.FullSeason)
        {
            errors.Add("an episode needs episodes, absolute_episodes, an air_date or full_season");
        }

        if (a.Season is not null && a.Episodes.Count == 0 && !a.FullSeason && a.AbsoluteEpisodes.Count == 0)
        {
            errors.Add("a season was given without an episode (set full_season for a season pack)");
        }

        if (a.Season is < 0 or > 9999 || a.Episodes.Concat(a.AbsoluteEpisodes).Any(e => e is < 0 or > 99999))
        {
            errors.Add("season and episode numbers must be between 0 and 99999");
        }

        if (a.Year is { } y && y is < 1900 or > 2100)
        {
            errors.Add("year must be between 1900 and 2100");
        }

        if (a.Crc32 is { } crc && !Crc().IsMatch(crc))
        {
            errors.Add("crc32 must be 8 hexadecimal characters");
        }
    }

    private static void CheckGrounding(ParseAnswer a, string filename, List<string> errors)
    {
        var numbers = new NumberGrounding(filename);
        void Need(int? n, string field)
        {
            if (n is { } v && !numbers.Appears(v))
            {
                errors.Add($"{field} {v} does not appear in the filename");
            }
        }

        Need(a.Season, "season");
        if (a.Year is { } year && !numbers.AppearsAsYear(year))
        {
            errors.Add($"year {year} does not appear in the filename");
        }

        Need(a.Version, "version");

        // Interior values of a range ("E01-E03" gives 2) are implied; its ends must be written.
        foreach (var (list, field) in new[] { (a.Episodes, "episode"), (a.AbsoluteEpisodes, "absolute episode") })
        {
            if (list.Count > 0)
            {
                Need(list.Min(), field);
                Need(list.Max(), field);
            }
        }

        if (a.AirDate is { } d && !numbers.Appears(d))
        {
            errors.Add($"air_date {d:yyyy-MM-dd} does not appear in the filename");
        }

        if (a.Crc32 is { } crc && Crc().IsMatch(crc) && !filename.Contains(crc, StringComparison.OrdinalIgnoreCase))
        {
            errors.Add($"crc32 {crc.ToUpperInvariant()} does not appear in the filename");
        }

        if (!string.IsNullOrWhiteSpace(a.ShowName) && !TitleGrounding.IsSupported(a.ShowName, filename))
        {
            errors.Add($"show_name \"{a.ShowName}\" is not supported by the filename's words");
        }
    }

    /// <summary>With instruction-like text in the name, the show must come from the text before it, never from the injected part.</summary>
    private static bool SupportedBeforeInjection(ParseAnswer a, string filename)
    {
        var cue = InjectionCue().Match(filename);
        var clean = cue.Success ? filename[..cue.Index] : filename;
        return a.ShowName is { } show && clean.Length > 0 && TitleGrounding.IsSupported(show, clean);
    }

    /// <summary>Instruction-like text or JSON inside a filename: the marks of a prompt-injection attempt.</summary>
    public static bool LooksInjected(string filename) => InjectionCue().IsMatch(filename);

    [GeneratedRegex("^[0-9A-Fa-f]{8}$", RegexOptions.CultureInvariant, Episodic.Core.Text.RegexLimits.TimeoutMs)]
    private static partial Regex Crc();

    [GeneratedRegex(@"ignore\s+(all\s+|any\s+)?(the\s+)?(previous|prior|above)|instructions?\b|system\s+prompt|you\s+are\s+now|\b(answer|respond|reply)\s+(with|only)\b|[{}]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, Episodic.Core.Text.RegexLimits.TimeoutMs)]
    private static partial Regex InjectionCue();
}
