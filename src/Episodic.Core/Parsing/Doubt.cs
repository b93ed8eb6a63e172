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
}
