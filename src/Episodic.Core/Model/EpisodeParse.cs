using System.Text.Json.Serialization;

namespace Episodic.Core.Model;

/// <summary>
/// The structured reading of one release or file name: the one episode record that flows from the rule parser and
/// the model answers to every output. Its JSON contract (<see cref="EpisodicJsonContext"/>, written and read by
/// <see cref="EpisodeParseJson"/>) is the same for every source and every consumer; the property order here is the
/// field order on the wire.
/// </summary>
public sealed record EpisodeParse
{
    /// <summary>The exact input string as given (path or bare name).</summary>
    public required string Input { get; init; }

    public string? ShowName { get; init; }

    /// <summary>A disambiguating year, kept apart from <see cref="ShowName"/>.</summary>
    public int? Year { get; init; }

    /// <summary>Season number when it is explicit in the name or its folders; never inferred.</summary>
    public int? Season { get; init; }

    /// <summary>The first of <see cref="Episodes"/>, kept for the original parse_filename contract.</summary>
    public int? Episode => Episodes.Count > 0 ? Episodes[0] : null;

    /// <summary>Episode numbers within <see cref="Season"/> (or the bare episode numbers when no season is given).</summary>
    public IReadOnlyList<int> Episodes { get; init; } = [];

    /// <summary>Absolute (anime-style) episode numbers.</summary>
    public IReadOnlyList<int> AbsoluteEpisodes { get; init; } = [];

    public DateOnly? AirDate { get; init; }

    /// <summary>True for a season pack (a whole season, or several).</summary>
    public bool FullSeason { get; init; }

    /// <summary>True for specials: S00, SP, OVA/OAD, NCOP/NCED and the like.</summary>
    public bool Special { get; init; }

    /// <summary>Upper-case 8-hex CRC32 tag found in the name.</summary>
    public string? Crc32 { get; init; }

    public string? ReleaseGroup { get; init; }

    /// <summary>Release version ("01v2" → 2).</summary>
    public int? Version { get; init; }

    /// <summary>Calibrated probability in [0,1] that this reading is right.</summary>
    [JsonConverter(typeof(ConfidenceJsonConverter))]
    public double Confidence { get; init; }

    /// <summary>Which tier answered; written as "rules" or "llm:&lt;backend&gt;:&lt;model&gt;".</summary>
    public AnswerSource Source { get; init; }

    /// <summary>
    /// The rule parser's named doubts and rival reading (null when it had none, and for model answers). Not part of
    /// the JSON contract: the reasoning words them for people; the model tier gets them as data.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public Parsing.RuleDoubts? Doubts { get; init; }

    /// <summary>A short human sentence saying which pattern decided.</summary>
    public string Reasoning { get; init; } = "";

    /// <summary>True when the result carries any episode identity (numbers, date or season pack).</summary>
    [JsonIgnore]
    public bool IsEpisode => Episodes.Count > 0 || AbsoluteEpisodes.Count > 0 || AirDate is not null || FullSeason;

    /// <summary>The result for a name that is not an episode: no numbers, confidence 0.</summary>
    public static EpisodeParse NotAnEpisode(string input, string reasoning) =>
        new() { Input = input, Confidence = 0, Reasoning = reasoning };
}
