using Episodic.Core.Parsing.Rules;

namespace Episodic.Core.Parsing.Confidence;

/// <summary>Why a competing reading exists. Each names a class of names, never a particular show.</summary>
internal enum RivalKind
{
    /// <summary>"Show - 1071": absolute 1071, or S10E71 written compactly.</summary>
    AbsoluteOrCompact,

    /// <summary>"Show.103": compact S1E3, or absolute episode 103.</summary>
    CompactOrAbsolute,

    /// <summary>"Gundam 00 - 05", "86 - 11": the number inside the title, or the episode.</summary>
    TitleNumberOrEpisode,

    /// <summary>"Show S2 - 07": season 2, or "S2" as part of the show name.</summary>
    SeasonOrTitleWord,

    /// <summary>"Title A / Title B", "中文 English": which alternative is the show name.</summary>
    AlternativeTitle,

    /// <summary>01.02.03: a date, or a run of numbers.</summary>
    DateOrNumbers,
}

/// <summary>The runner-up reading: what it would say, and how far behind the winner it scored (0 = a tie).</summary>
internal sealed record Rival(RivalKind Kind, MarkerForm Form, int? Season, IReadOnlyList<int> Episodes, double Margin)
{
    /// <summary>Renders the rival for the reasoning, from its typed parts.</summary>
    public string Describe()
    {
        var numbers = Season is { } s
            ? $"S{s:00}E{string.Join("-E", Episodes.Select(e => e.ToString("00", System.Globalization.CultureInfo.InvariantCulture)))}"
            : Episodes.Count > 0 ? $"episode {string.Join(", ", Episodes)}" : "no episode";
        return Kind switch
        {
            RivalKind.AbsoluteOrCompact => $"it could also be {numbers} written compactly",
            RivalKind.CompactOrAbsolute => $"it could also be absolute {numbers}",
            RivalKind.TitleNumberOrEpisode => $"the number in the title could also be the episode ({numbers})",
            RivalKind.SeasonOrTitleWord => $"the season word could belong to the show name ({numbers})",
            RivalKind.AlternativeTitle => "another of the alternative titles could be the show name",
            RivalKind.DateOrNumbers => $"the numbers could also be read as {numbers}",
            _ => numbers,
        };
    }
}
