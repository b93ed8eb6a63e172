namespace Episodic.Core.Parsing.Vocabulary;

/// <summary>Where a language writes the number relative to its season or episode word.</summary>
[Flags]
internal enum WordOrder
{
    /// <summary>"Season 2", "Sezon 2", "시즌 2", joined "Sezon2".</summary>
    WordThenNumber = 1,

    /// <summary>"3 сезон", "2.Sezon", "2. évad", "5-й сезон", joined "5화", "第2季".</summary>
    NumberThenWord = 2,

    Both = WordThenNumber | NumberThenWord,
}

/// <summary>
/// One language's season and episode words, the order it writes them in and the suffixes that turn a number into an
/// ordinal ("5-й", "2."). A word starting with '~' stands only on its own ("Se 1"), never joined to its number ("Se1"
/// would swallow ordinary words). <see cref="Example"/> is an invented name the table test parses.
/// </summary>
internal sealed record MarkerLanguage(
    string Language,
    string[] SeasonWords,
    string[] EpisodeWords,
    WordOrder Order,
    string[] OrdinalSuffixes,
    string Example,
    int ExampleSeason,
    int ExampleEpisode);

/// <summary>
/// The world's season and episode words as one table. Everything the rules know about these words — the season and
/// episode sets, the joined forms ("Sezon2", "5화"), the number-first order ("3 сезон 7 серия") — is generated from it,
/// so adding a language is one row and the lists cannot drift from what the parser reads.
/// </summary>
internal static class MarkerLanguages
{
    public static readonly MarkerLanguage[] All =
    [
        new("English", ["season", "seasons", "sn", "book"], ["episode", "ep", "epi", "chapter"], WordOrder.WordThenNumber, ["st", "nd", "rd", "th"],
            "Harbor Lights Season 2 Episode 7", 2, 7),
        new("Spanish/Portuguese", ["temporada", "temporadas", "~tem", "~temp"], ["episodio", "episódio", "capitulo", "capítulo", "cap"], WordOrder.Both, ["ª", "º", "°", "a", "o"],
            "Faro del Sur Temporada 2 Capitulo 7", 2, 7),
        new("French", ["saison", "saisons"], ["épisode", "episode"], WordOrder.WordThenNumber, ["e", "ème", "eme"],
            "Les Phares Saison 3 Épisode 4", 3, 4),
        new("Italian", ["stagione", "stagioni"], ["episodio", "puntata"], WordOrder.WordThenNumber, ["ª", "º", "°", "a"],
            "Il Faro Stagione 2 Puntata 5", 2, 5),
        new("German", ["staffel"], ["folge"], WordOrder.Both, ["."],
            "Der Leuchtturm Staffel 2 Folge 5", 2, 5),
        new("Dutch", ["seizoen", "~se"], ["aflevering", "afl"], WordOrder.WordThenNumber, ["e", "ste", "de"],
            "De Vuurtoren Seizoen 2 Aflevering 5", 2, 5),
        new("Polish", ["sezon"], ["odcinek", "odc"], WordOrder.WordThenNumber, [],
            "Latarnia Sezon 2 Odcinek 7", 2, 7),
        new("Czech/Slovak", ["série", "řada", "sezóna", "séria"], ["díl", "epizoda", "diel", "časť"], WordOrder.Both, ["."],
            "Maják Série 2 Díl 7", 2, 7),
        new("Russian/Ukrainian", ["сезон", "сезона"], ["серия", "серии", "серії", "серія", "сер", "эпизод", "епізод", "выпуск"], WordOrder.Both, ["й", "я", "ий", "ый", "ой", "го", "ти"],
            "Маяк 3 сезон 7 серия", 3, 7),
        new("Russian (Latin letters)", ["sezon", "sez"], ["serija", "seriya", "serii", "ser"], WordOrder.NumberThenWord, [],
            "Mayak.2.sezon.7.serija", 2, 7),
        new("Turkish", ["sezon"], ["bölüm", "bolum"], WordOrder.Both, ["."],
            "Deniz Feneri 2.Sezon 5.Bölüm", 2, 5),
        new("Scandinavian", ["säsong", "sesong", "sæson", "sasong"], ["avsnitt", "afsnit", "episode", "episod"], WordOrder.WordThenNumber, [],
            "Fyrtornet Säsong 2 Avsnitt 5", 2, 5),
        new("Finnish", ["kausi"], ["jakso"], WordOrder.Both, ["."],
            "Majakka Kausi 2 Jakso 5", 2, 5),
        new("Hungarian", ["évad", "evad"], ["rész", "resz", "epizód"], WordOrder.NumberThenWord, ["."],
            "A Világítótorony 2. évad 5. rész", 2, 5),
        new("Romanian", ["sezonul", "sezon"], ["episodul", "episod"], WordOrder.WordThenNumber, [],
            "Farul Sezonul 2 Episodul 5", 2, 5),
        new("Chinese", ["季", "部"], ["集", "话", "話"], WordOrder.NumberThenWord, [],
            "灯塔 第2季 第05集", 2, 5),
        new("Japanese", ["期", "シーズン"], ["話", "回"], WordOrder.Both, [],
            "灯台 シーズン2 第5話", 2, 5),
        new("Korean", ["시즌"], ["화", "회"], WordOrder.Both, [],
            "등대 시즌 2 5화", 2, 5),
    ];

    /// <summary>Every season word, standalone form ("season", "сезон", "시즌").</summary>
    public static IEnumerable<string> SeasonWords => All.SelectMany(l => l.SeasonWords).Select(Bare);

    /// <summary>Every episode word, standalone form ("episode", "серия", "화").</summary>
    public static IEnumerable<string> EpisodeWords => All.SelectMany(l => l.EpisodeWords).Select(Bare);

    /// <summary>Season words of languages that write the number first ("3 сезон", "2.Sezon", "2季").</summary>
    public static IEnumerable<string> SeasonWordsAfterNumber => All.Where(l => l.Order.HasFlag(WordOrder.NumberThenWord)).SelectMany(l => l.SeasonWords).Select(Bare);

    /// <summary>Episode words of languages that write the number first ("7 серия", "5.Bölüm", "5화").</summary>
    public static IEnumerable<string> EpisodeWordsAfterNumber => All.Where(l => l.Order.HasFlag(WordOrder.NumberThenWord)).SelectMany(l => l.EpisodeWords).Select(Bare);

    /// <summary>Season words that may be joined to their number ("Sezon2", "Sn2", "시즌2").</summary>
    public static IEnumerable<string> JoinableSeasonWords => All.Where(l => l.Order.HasFlag(WordOrder.WordThenNumber)).SelectMany(l => l.SeasonWords).Where(w => !w.StartsWith('~'));

    /// <summary>Episode words that may be joined to their number ("Odc7", "Folge5").</summary>
    public static IEnumerable<string> JoinableEpisodeWords => All.Where(l => l.Order.HasFlag(WordOrder.WordThenNumber)).SelectMany(l => l.EpisodeWords).Where(w => !w.StartsWith('~'));

    /// <summary>Suffixes that follow a number written as an ordinal ("5-й", "2nd").</summary>
    public static IEnumerable<string> OrdinalSuffixes => All.SelectMany(l => l.OrdinalSuffixes).Where(s => s != ".");

    private static string Bare(string word) => word.TrimStart('~');
}
