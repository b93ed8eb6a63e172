namespace Episodic.Core.Parsing.Rules;

/// <summary>What kind of evidence a marker is; the resolver ranks them.</summary>
internal enum MarkerKind
{
    /// <summary>Season and episode together: S01E02, 1x02, "Season 2 Episode 5", "S2 - 07".</summary>
    SeasonEpisode,

    /// <summary>A full air date: 2011.04.18, 18-04-2011, 20110418.</summary>
    Date,

    /// <summary>A season with no episode: S01, "Season 1 Complete", S01-S03.</summary>
    SeasonPack,

    /// <summary>An episode with no season: E05, "Episode 12", "Ep 12", "Part 2".</summary>
    Episode,

    /// <summary>A bare number read as an episode (fansub absolute numbering, "Show.10.720p") or a compact 103.</summary>
    Number,

    /// <summary>A special keyword with no number (OVA, NCOP).</summary>
    Special,
}

/// <summary>One piece of episode evidence found in the tokens, with the rule that found it (for the reasoning).</summary>
internal sealed class Marker
{
    /// <summary>The written form of the evidence; decisions and the reasoning are made from it.</summary>
    public required MarkerForm Form { get; set; }

    /// <summary>What the name actually said (for the reasoning only; never branched on).</summary>
    public string Rule { get; set; } = "";

    public required MarkerKind Kind { get; set; }

    /// <summary>Index of the first token of the marker.</summary>
    public required int First { get; set; }

    public int Last { get; set; }

    public int? Season { get; set; }

    public List<int> Episodes { get; } = [];

    public List<int> Absolute { get; } = [];

    public DateOnly? Date { get; set; }

    public bool FullSeason { get; set; }

    public bool Special { get; set; }

    public int? Version { get; set; }
}
