using Episodic.Core.Text;

namespace Episodic.Routing.Library;

/// <summary>
/// Finds the existing library folder a parsed show name belongs to. Names are compared as folded words (case,
/// punctuation, accents and a leading "The" ignored), first exactly, then without a trailing year "(2005)", then also
/// without a country suffix "(US)"/"US" — so "the.office.us" finds "The Office (US)". The looser levels only match
/// when exactly one folder qualifies, so "The Office" never picks between "(US)" and "(UK)".
/// </summary>
public static class ShowFolderMatcher
{
    internal const int Levels = 3;

    private static readonly HashSet<string> Countries = new(StringComparer.Ordinal) { "us", "usa", "uk", "au", "nz", "ca", "ie", "jp", "kr", "fr", "de" };

    /// <summary>The matching folder name from <paramref name="folders"/>, or null (one-off; many names: <see cref="ShowFolderIndex"/>).</summary>
    public static string? Match(string showName, int? year, IReadOnlyCollection<string> folders) => new ShowFolderIndex(folders).Match(showName, year);

    /// <summary>The strict-to-loose keys of a show name as parsed (its year appended), or null when it has no words.</summary>
    internal static string[]? WantedKeys(string showName, int? year)
    {
        var words = Words(showName);
        if (year is { } y && (words.Count == 0 || words[^1] != y.ToString(System.Globalization.CultureInfo.InvariantCulture)))
        {
            words.Add(y.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return words.Count == 0 ? null : KeysOf(words);
    }

    /// <summary>The keys of a folder name, strict to loose.</summary>
    internal static string[] FolderKeys(string folder) => KeysOf(Words(folder));

    /// <summary>The comparison key of a name: folded words, "The" dropped, year and country kept.</summary>
    public static string Key(string name) => KeysOf(Words(name))[0];

    /// <summary>Keys from strict to loose: as is; without a trailing year; without trailing year and country.</summary>
    private static string[] KeysOf(List<string> words)
    {
        var w = new List<string>(words);
        if (w.Count > 1 && w[0] == "the")
        {
            w.RemoveAt(0);
        }

        var full = string.Concat(w);
        StripTrailing(w, IsYear);
        var noYear = string.Concat(w);
        StripTrailing(w, x => IsYear(x) || Countries.Contains(x));
        return [full, noYear, string.Concat(w)];
    }

    private static void StripTrailing(List<string> words, Func<string, bool> drop)
    {
        while (words.Count > 1 && drop(words[^1]))
        {
            words.RemoveAt(words.Count - 1);
        }
    }

    private static bool IsYear(string w) =>
        w.Length == 4 && w.All(char.IsAsciiDigit) && string.CompareOrdinal(w, "1900") >= 0 && string.CompareOrdinal(w, "2099") <= 0;

    /// <summary>Lower-case ASCII-folded words (<see cref="TitleWords.Of"/>).</summary>
    internal static List<string> Words(string s) => TitleWords.Of(s);
}
