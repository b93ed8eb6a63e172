using System.Globalization;
using Episodic.Core.Text;

namespace Episodic.Metadata.Identify;

/// <summary>
/// What a parsed show name asks for: its words without a trailing country or year ("The Office US" → "the office"
/// + US; "Doctor Who 2005" → "doctor who" + 2005), so the search term is clean and the hints can rank candidates.
/// </summary>
public sealed record ShowQuery(string SearchText, string Key, int? Year, string? Country)
{
    /// <summary>Filename country suffixes → ISO 3166-1 codes as the providers report them.</summary>
    private static readonly Dictionary<string, string> Countries = new(StringComparer.Ordinal)
    {
        ["us"] = "US",
        ["usa"] = "US",
        ["uk"] = "GB",
        ["gb"] = "GB",
        ["au"] = "AU",
        ["nz"] = "NZ",
        ["ca"] = "CA",
        ["ie"] = "IE",
        ["jp"] = "JP",
        ["kr"] = "KR",
        ["fr"] = "FR",
        ["de"] = "DE",
    };

    public static ShowQuery From(string showName, int? year)
    {
        ArgumentNullException.ThrowIfNull(showName);
        var words = TitleWords.Of(showName);
        string? country = null;
        var changed = true;
        while (changed && words.Count > 1)
        {
            changed = false;
            if (year is null && IsYear(words[^1]))
            {
                year = int.Parse(words[^1], CultureInfo.InvariantCulture);
                words.RemoveAt(words.Count - 1);
                changed = true;
            }
            else if (year is not null && words[^1] == year.Value.ToString(CultureInfo.InvariantCulture))
            {
                words.RemoveAt(words.Count - 1);
                changed = true;
            }
            else if (country is null && Countries.TryGetValue(words[^1], out var code))
            {
                country = code;
                words.RemoveAt(words.Count - 1);
                changed = true;
            }
        }

        return new ShowQuery(SearchTextOf(showName, words.Count), TitleWords.Key(words), year, country);
    }

    /// <summary>The name as written (case kept, separators as spaces), cut to its first <paramref name="keep"/> words.</summary>
    private static string SearchTextOf(string showName, int keep)
    {
        var parts = showName.Split([' ', '.', '_', '-', '(', ')', '[', ']'], StringSplitOptions.RemoveEmptyEntries);
        return parts.Length >= keep && TitleWords.Of(string.Join(' ', parts.Take(keep))).Count == keep
            ? string.Join(' ', parts.Take(keep))
            : string.Join(' ', TitleWords.Of(showName).Take(keep));
    }

    /// <summary>The key of a candidate's name, with a trailing "(2005)" or "(US)" of its own removed.</summary>
    public static string CandidateKey(string name) => From(name, null).Key;

    private static bool IsYear(string w) =>
        w.Length == 4 && w.All(char.IsAsciiDigit) && string.CompareOrdinal(w, "1900") >= 0 && string.CompareOrdinal(w, "2099") <= 0;
}
