namespace Episodic.Core.Parsing.Rules;

/// <summary>
/// The written form of a piece of episode evidence. Rules tag every marker with one, the resolver and the confidence
/// model decide on it, and the reasoning is rendered from it; nothing branches on the human-readable rule text.
/// </summary>
internal enum MarkerForm
{
    /// <summary>S01E02, s1e1, S01E01E02 in one token.</summary>
    SxxEyy,

    /// <summary>"S01 E02", "S01.E02", "S01 - EP14": season and episode in two tokens.</summary>
    SxxSpaceEyy,

    /// <summary>1x02, 01x04.</summary>
    Cross,

    /// <summary>"Season 2 Episode 5", "S2 E05": a season word followed by an explicit episode word.</summary>
    SeasonThenEpisodeWord,

    /// <summary>"S2 - 07", "Season 2 - 06": a season followed by a dash number.</summary>
    SeasonThenDashNumber,

    /// <summary>"3rd Season 49", "(Season 2) 33": a season followed by a bare or bracketed number.</summary>
    SeasonThenNumber,

    /// <summary>"Season 3 1of4".</summary>
    SeasonThenNOfM,

    /// <summary>"Title S21 999": a season-like word in the title, then an absolute number past any season's length.</summary>
    AbsoluteAfterSeasonLikeWord,

    /// <summary>Spanish "Cap.408": season 4, episode 8.</summary>
    CapSeasonEpisode,

    /// <summary>SP01, OVA2: a numbered special (season 0).</summary>
    SpecialNumbered,

    /// <summary>"OVA 2", "NCOP 1": a special word and a number.</summary>
    SpecialWordNumber,

    /// <summary>OVA, NCOP: a special with no number.</summary>
    SpecialWord,

    /// <summary>2011.04.18, 18-04-2011, 20110418, "31st Jan 2025".</summary>
    FullDate,

    /// <summary>YYMMDD (140722): a broadcast-date prefix or a short air date.</summary>
    ShortDate,

    /// <summary>S01, "Season 1", "3rd Season": a season with no episode.</summary>
    SeasonPack,

    /// <summary>S01-S03, "Seasons 1 &amp; 2".</summary>
    MultiSeasonPack,

    /// <summary>"Episode 12", "Ep 12", EP06, e66, "E.05" (and a fansub E576): an episode word with no season.</summary>
    EpisodeWord,

    /// <summary>A capital E05 in a scene name: a mini-series episode, season 1 by convention.</summary>
    MiniSeriesEpisode,

    /// <summary>"Part 2", "Pt.III": a mini-series part, season 1 by convention.</summary>
    MiniSeriesPart,

    /// <summary>第05话, 第5集, 第01話: a CJK episode counter.</summary>
    CjkEpisodeCounter,

    /// <summary>第01-15集: a CJK range of episodes.</summary>
    CjkEpisodeRange,

    /// <summary>"#17" (Japanese variety shows).</summary>
    HashNumber,

    /// <summary>"14 of 21", "1of4".</summary>
    NOfM,

    /// <summary>"Show - 06", "Show - 1071": a number after a spaced dash.</summary>
    DashNumber,

    /// <summary>"[07]", "(9)": a number alone in brackets.</summary>
    BracketedNumber,

    /// <summary>"Show 214", "Show.10.720p": a bare number after the title.</summary>
    BareNumber,

    /// <summary>"Show.103" = S1E3, "Show.1013" = S10E13: scene compact numbering.</summary>
    CompactNumber,

    /// <summary>"05.mkv": the whole file name is the number.</summary>
    WholeNameNumber,
}
