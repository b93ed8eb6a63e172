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
        // One buffer for the whole sentence, in the current culture as the interpolations before it were (the episode
        // numbers of "S01E02" are non-negative, so their "00" reads the same in every culture).
        var text = new System.Runtime.CompilerServices.DefaultInterpolatedStringHandler(0, 0, null, stackalloc char[128]);
        text.AppendLiteral(Kind switch
        {
            RivalKind.AbsoluteOrCompact or RivalKind.PackOrEpisode => "it could also be ",
            RivalKind.CompactOrAbsolute => "it could also be absolute ",
            RivalKind.TitleNumberOrEpisode => "the number in the title could also be the episode (",
            RivalKind.OtherMarker => "another marker in the name reads ",
            _ => "",
        });
        AppendNumbers(ref text);
        text.AppendLiteral(Kind switch
        {
            RivalKind.AbsoluteOrCompact => " written compactly",
            RivalKind.TitleNumberOrEpisode => ")",
            _ => "",
        });
        return text.ToStringAndClear();
    }

    private void AppendNumbers(ref System.Runtime.CompilerServices.DefaultInterpolatedStringHandler text)
    {
        if (AirDate is { } date)
        {
            text.AppendLiteral("the air date ");
            text.AppendFormatted(date, "yyyy-MM-dd");
        }
        else if (Season is { } season && Episodes.Count == 0)
        {
            text.AppendLiteral("season ");
            text.AppendFormatted(season);
        }
        else if (Season is { } s)
        {
            text.AppendLiteral("S");
            text.AppendFormatted(s, "00");
            for (var i = 0; i < Episodes.Count; i++)
            {
                text.AppendLiteral(i == 0 ? "E" : "-E");
                text.AppendFormatted(Episodes[i], "00");
            }
        }
        else if (Episodes.Count > 0)
        {
            text.AppendLiteral("episode ");
            for (var i = 0; i < Episodes.Count; i++)
            {
                text.AppendLiteral(i == 0 ? "" : ", ");
                text.AppendFormatted(Episodes[i]);
            }
        }
        else
        {
            text.AppendLiteral("no episode");
        }
    }
}
