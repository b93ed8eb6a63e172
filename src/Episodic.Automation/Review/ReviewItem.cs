using System.Globalization;
using Episodic.Core.Metadata;
using Episodic.Core.Model;
using Episodic.Routing.Apply;
using Episodic.Routing.Planning;

namespace Episodic.Automation.Review;

/// <summary>A show a held file may belong to: the provider's id (<c>tmdb:1429</c>), its name and first-air year.</summary>
public sealed record ReviewShow(ShowId Id, string Name, int? Year)
{
    /// <summary>"Name (Year)".</summary>
    public string DisplayName => Year is { } y ? string.Create(CultureInfo.InvariantCulture, $"{Name} ({y})") : Name;

    public static ReviewShow From(IdentifiedShow show)
    {
        ArgumentNullException.ThrowIfNull(show);
        return new ReviewShow(show.Id, show.Name, show.Year);
    }
}

/// <summary>
/// One file a run could not settle and left where it was, waiting for a person: which file, why (typed), what the
/// parser (and the metadata provider) proposed, the shows a provider offered, and how the run would have filed it.
/// Items live in the library's review queue (<see cref="ReviewStore"/>); <see cref="ReviewDesk"/> accepts or skips them.
/// </summary>
public sealed record ReviewItem
{
    /// <summary>A short id (six letters and digits), unique across libraries, stable while the file stays held.</summary>
    public string Id { get; init; } = "";

    /// <summary>The held file (full path). It is never moved while held.</summary>
    public required string Path { get; init; }

    /// <summary>The TV library root whose queue holds the item (where the run would have filed it).</summary>
    public required string Library { get; init; }

    /// <summary>The anime root of the run, when it had its own.</summary>
    public string? AnimeLibrary { get; init; }

    /// <summary>The folder the run scanned (the download's folder); accepting re-reads the file under it, with its folders as context.</summary>
    public required string SourceRoot { get; init; }

    /// <summary>The source root is the download's own folder (a hook), so it is the release folder a clean-up may remove.</summary>
    public bool SourceIsRelease { get; init; }

    /// <summary>Size when held; a file that changed since is a different download, and is held again by the next run.</summary>
    public long Size { get; init; }

    public DateTimeOffset Modified { get; init; }

    public required HoldReason Reason { get; init; }

    /// <summary>The one sentence that explains the hold.</summary>
    public required string Detail { get; init; }

    /// <summary>The proposed reading: show, year, season, episodes, confidence and reasoning, as the tiers left it.</summary>
    public required EpisodeParse Proposal { get; init; }

    /// <summary>What the metadata provider said (identified, ambiguous, ...), when one was asked.</summary>
    public IdentifyStatus? MetadataStatus { get; init; }

    /// <summary>The provider's best guess at the show, when it had one (the most likely of several).</summary>
    public ReviewShow? ProposedShow { get; init; }

    /// <summary>The shows the provider offered when it could not choose, best-ranked first.</summary>
    public IReadOnlyList<ReviewShow> Candidates { get; init; } = [];

    /// <summary>For a conflict: the library file that is in the way.</summary>
    public string? Destination { get; init; }

    /// <summary>How the run would have filed it (a torrent's hook links, usenet's moves); accepting files it the same way.</summary>
    public RouteMode Mode { get; init; } = RouteMode.Move;

    /// <summary>The command that held it ("hook qbittorrent", "watch", "route --apply --hold").</summary>
    public string HeldBy { get; init; } = "";

    public DateTimeOffset HeldAt { get; init; }
}
