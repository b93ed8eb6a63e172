namespace Episodic.Core.Parsing;

/// <summary>
/// Known ambiguities a rule noticed. Each lowers the confidence by a weight fitted on the dev corpora
/// (see <see cref="ConfidenceModel"/>) and is named in the reasoning, so a reader (or an LLM tier) sees why.
/// </summary>
public enum Doubt
{
    /// <summary>"Show S2 - 07": the sources disagree whether "S2" is a season or part of the title.</summary>
    SeasonTokenInFansubName,

    /// <summary>"中文 / English Title": the show name was chosen among alternative-language titles.</summary>
    AlternativeTitles,

    /// <summary>"Show - Subtitle - 05": a spaced dash inside the title may start an episode title instead.</summary>
    DashInTitle,

    /// <summary>A date inside brackets, after the title words, may be a broadcast note rather than the episode's air date.</summary>
    BracketedDate,

    /// <summary>Episodes joined without a dash (E1E3): a list to some, a range to others.</summary>
    ChainedEpisodes,

    /// <summary>"[Title].148.[Xvid]": no title outside brackets, so the leading bracket was read as the show, not the group.</summary>
    TitleInGroupBracket,

    /// <summary>"Show - 12a": a split episode (part a of 12); media servers file it as 12, some sources as a special.</summary>
    SplitEpisode,

    /// <summary>"[SubsPlease] - 10", "www site - 05": the show name is a release group, a web site or a season word.</summary>
    TitleIsTag,

    /// <summary>Words stand before the marker, yet none was read as the show name.</summary>
    NoTitleBeforeMarker,

    /// <summary>"Show.S0412": a season above 100 that is not a year (S04E12 written without the E?).</summary>
    SeasonOver100,

    /// <summary>"S01E02E01": episodes out of order or repeated; they were sorted and de-duplicated.</summary>
    EpisodesOutOfOrder,

    /// <summary>"S03E02_17 Title", "S04 11", "S03.05": a number right after the marker that no reading explains.</summary>
    UnexplainedNumberNearMarker,

    /// <summary>"Show 2 - 05": the show name ends in a number that could be a season.</summary>
    TitleEndsInNumber,

    /// <summary>"Show.2013.14.of.21", "Show 2018 06", "Show.2010.217": a year right before a marker that writes no season may be the season.</summary>
    YearBeforeMarker,

    /// <summary>"Show.S05.Part1", "Show.Season.3.Part.IV": a season pack with an episode or part number after it may be that season's episode.</summary>
    EpisodeBesidePack,

    /// <summary>"Show/2010.mkv": a file name that is only a number between 1900 and 2100 may be a year rather than an episode.</summary>
    YearAsWholeName,
}
