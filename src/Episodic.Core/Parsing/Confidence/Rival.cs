using Episodic.Core.Parsing.Rules;

namespace Episodic.Core.Parsing.Confidence;

/// <summary>Why a competing reading exists. Each names a class of names, never a particular show.</summary>
public enum RivalKind
{
    /// <summary>"Show - 1071": absolute 1071, or S10E71 written compactly.</summary>
    AbsoluteOrCompact,

    /// <summary>"Show.103": compact S1E3, or absolute episode 103.</summary>
    CompactOrAbsolute,

    /// <summary>"Gundam 00 - 05", "86 - 11": the number inside the title, or the episode.</summary>
    TitleNumberOrEpisode,

    /// <summary>Another marker in the name ("S01E02 ... E05", a date and a number) reads the episode differently.</summary>
    OtherMarker,

    /// <summary>"Show.S04.11": a season pack with a number beside it, or that season's episode 11.</summary>
    PackOrEpisode,
}

/// <summary>The runner-up reading: what it would say, and how far behind the winner it scored (0 = a tie).</summary>
/// <remarks>The season-word and alternative-title ambiguities are <see cref="Doubt"/>s: they change the title, not the numbers.</remarks>
internal sealed record Rival(RivalKind Kind, MarkerForm Form, int? Season, IReadOnlyList<int> Episodes, double Margin, DateOnly? AirDate = null)
{
    /// <summary>The public, form-free view of this rival (for the model tier's prompt).</summary>
    public RivalReading ToReading() => new(Kind, Season, Episodes, AirDate, Describe());

    /// <summary>Renders the rival for the reasoning, from its typed parts.</summary>
    public string Describe()
    {
        var numbers = AirDate is { } date ? $"the air date {date:yyyy-MM-dd}"
            : Season is { } season && Episodes.Count == 0 ? $"season {season}"
            : Season is { } s
            ? $"S{s:00}E{string.Join("-E", Episodes.Select(e => e.ToString("00", System.Globalization.CultureInfo.InvariantCulture)))}"
            : Episodes.Count > 0 ? $"episode {string.Join(", ", Episodes)}" : "no episode";
        return Kind switch
        {
            RivalKind.AbsoluteOrCompact => $"it could also be {numbers} written compactly",
            RivalKind.CompactOrAbsolute => $"it could also be absolute {numbers}",
            RivalKind.TitleNumberOrEpisode => $"the number in the title could also be the episode ({numbers})",
            RivalKind.OtherMarker => $"another marker in the name reads {numbers}",
            RivalKind.PackOrEpisode => $"it could also be {numbers}",
            _ => numbers,
        };
    }
}
