namespace Episodic.Core.Parsing.Confidence;

/// <summary>
/// Context the resolver saw around the winning reading, beyond the marker itself: how much of the name it could not
/// place, which other numbers competed, and the fansub cues. The confidence model reads it; nothing else decides on it.
/// </summary>
internal sealed class Evidence
{
    /// <summary>Fansub conventions were present ([Group] prefix, CRC, VOSTFR...).</summary>
    public bool FansubStyle { get; set; }

    /// <summary>Words or numbers inside brackets that are neither noise, group, CRC, marker nor title.</summary>
    public int UnplacedInBrackets { get; set; }

    /// <summary>Free numbers outside the title and the marker (rivals for the episode number).</summary>
    public int OtherNumbers { get; set; }

    /// <summary>A title word made only of digits ("Gundam 00", "86"): a title number the episode could be confused with.</summary>
    public bool TitleHasNumber { get; set; }

    /// <summary>Words between the marker and the release noise (an episode title, or text the parser did not understand).</summary>
    public int WordsAfterMarker { get; set; }

    /// <summary>Digits in the deciding number as written (1071 → 4), 0 when the marker has no bare number.</summary>
    public int NumberDigits { get; set; }

    /// <summary>Share of the name's content tokens (from the title on) the winning reading explains, from 0 to 1.</summary>
    public double Coverage { get; set; } = 1;

    /// <summary>A reading that fits the same tokens differently and stayed close to the winner.</summary>
    public Rival? Rival { get; set; }
}
