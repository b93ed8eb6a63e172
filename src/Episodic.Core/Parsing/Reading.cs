namespace Episodic.Core.Parsing;

/// <summary>What one name (a file name or one folder) says, before folders and file are combined.</summary>
internal sealed class Reading
{
    public string? Title { get; set; }

    /// <summary>A title read after the marker ("01 - Show Name"); used only when neither the text before it nor a folder names the show.</summary>
    public string? TitleAfter { get; set; }

    public int? Year { get; set; }

    public int? Season { get; set; }

    /// <summary>Made on first use: the resolver sets the marker's lists, so an empty list made up front was garbage on every name.</summary>
    public List<int> Episodes
    {
        get => _episodes ??= [];
        set => _episodes = value;
    }

    private List<int>? _episodes;

    public List<int> Absolute
    {
        get => _absolute ??= [];
        set => _absolute = value;
    }

    private List<int>? _absolute;

    public DateOnly? AirDate { get; set; }

    public bool FullSeason { get; set; }

    public bool Special { get; set; }

    public string? Crc32 { get; set; }

    public string? ReleaseGroup { get; set; }

    public int? Version { get; set; }

    /// <summary>The kind of the deciding marker, or null when the name had none.</summary>
    public Rules.MarkerKind? Kind { get; set; }

    /// <summary>The written form of the deciding marker; what the confidence model and the reasoning read.</summary>
    public Rules.MarkerForm? Form { get; set; }

    public string Rule { get; set; } = "";

    /// <summary>The text of the name the deciding marker spans ("S03E05", "1x05"), quoted by the reasoning; empty when none.</summary>
    /// <remarks>A slice of the name, not a copy: only the reasoning reads it, and it appends the slice.</remarks>
    public ReadOnlyMemory<char> Matched { get; set; }

    /// <summary>A date-shaped run was out of range; the name must not be read as an episode.</summary>
    public bool Rejected { get; set; }

    /// <summary>The scan's doubts for a resolved name; made on first use otherwise, so the resolver's readings make no set to drop.</summary>
    public DoubtSet Doubts
    {
        get => _doubts ??= new();
        init => _doubts = value;
    }

    private DoubtSet? _doubts;

    /// <summary>Context around the deciding marker, for the confidence model and the reasoning.</summary>
    public Confidence.Evidence Evidence { get; init; } = new();

    public bool HasNumbers => Episodes.Count > 0 || Absolute.Count > 0 || AirDate is not null || FullSeason;

    /// <summary>Strong evidence: season+episode, a full date, a pack; not a bare number.</summary>
    public bool IsStrong => Kind is Rules.MarkerKind.SeasonEpisode or Rules.MarkerKind.Date or Rules.MarkerKind.SeasonPack;
}
