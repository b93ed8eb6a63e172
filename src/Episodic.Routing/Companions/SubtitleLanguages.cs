namespace Episodic.Routing.Companions;

/// <summary>One language: its ISO 639-1 code and every name a release may spell it by (English and native names, ISO 639-2 codes).</summary>
public sealed record LanguageRow(string Code, IReadOnlyList<string> Names);

/// <summary>
/// The one table of subtitle language names → ISO 639-1 codes. Media servers (Jellyfin, Plex, Kodi) read the language of
/// "Show.S01E01.en.srt" from the code, so "2_English.srt" from a release's Subs folder is filed as ".en.srt".
/// </summary>
public static class SubtitleLanguages
{
    /// <summary>Every language recognised; a test walks each row.</summary>
    public static IReadOnlyList<LanguageRow> Rows { get; } =
    [
        new("en", ["english", "eng"]),
        new("fr", ["french", "francais", "français", "fre", "fra"]),
        new("de", ["german", "deutsch", "ger", "deu"]),
        new("es", ["spanish", "espanol", "español", "castellano", "spa"]),
        new("it", ["italian", "italiano", "ita"]),
        new("pt", ["portuguese", "portugues", "português", "por"]),
        new("nl", ["dutch", "nederlands", "dut", "nld"]),
        new("sv", ["swedish", "svenska", "swe"]),
        new("da", ["danish", "dansk", "dan"]),
        new("no", ["norwegian", "norsk", "nor"]),
        new("nb", ["bokmal", "bokmål", "nob"]),
        new("fi", ["finnish", "suomi", "fin"]),
        new("pl", ["polish", "polski", "pol"]),
        new("cs", ["czech", "cesky", "čeština", "cze", "ces"]),
        new("sk", ["slovak", "slk", "slo"]),
        new("hu", ["hungarian", "magyar", "hun"]),
        new("ro", ["romanian", "romana", "rum", "ron"]),
        new("bg", ["bulgarian", "bul"]),
        new("el", ["greek", "gre", "ell"]),
        new("tr", ["turkish", "turkce", "türkçe", "tur"]),
        new("ru", ["russian", "rus"]),
        new("uk", ["ukrainian", "ukr"]),
        new("ar", ["arabic", "ara"]),
        new("he", ["hebrew", "heb"]),
        new("fa", ["persian", "farsi", "per", "fas"]),
        new("hi", ["hindi", "hin"]),
        new("th", ["thai", "tha"]),
        new("vi", ["vietnamese", "vie"]),
        new("id", ["indonesian", "ind"]),
        new("ms", ["malay", "msa", "may"]),
        new("zh", ["chinese", "chi", "zho", "mandarin"]),
        new("ja", ["japanese", "jpn"]),
        new("ko", ["korean", "kor"]),
        new("hr", ["croatian", "hrv"]),
        new("sr", ["serbian", "srp"]),
        new("sl", ["slovenian", "slv"]),
        new("et", ["estonian", "est"]),
        new("lv", ["latvian", "lav"]),
        new("lt", ["lithuanian", "lit"]),
        new("is", ["icelandic", "ice", "isl"]),
        new("ca", ["catalan", "cat"]),
        new("eu", ["basque", "baq", "eus"]),
        new("gl", ["galician", "glg"]),
    ];

    private static readonly Dictionary<string, string> ByName = Build();

    /// <summary>The ISO 639-1 code of a token ("English", "eng", "en", case-insensitive), or null when it names no language.</summary>
    public static string? CodeOf(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return ByName.GetValueOrDefault(token);
    }

    private static Dictionary<string, string> Build()
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in Rows)
        {
            map[row.Code] = row.Code;
            foreach (var name in row.Names)
            {
                map[name] = row.Code;
            }
        }

        return map;
    }
}
