using System.Diagnostics.CodeAnalysis;

namespace Episodic.Routing.Planning;

/// <summary>
/// Why a file was not filed, typed so a review queue, a report or a web page can sort, count and explain it without
/// reading the sentence. Every planner skip and every apply-time conflict has one; a run with <c>--hold</c> (and every
/// hook or watch run) puts such files in the review queue instead of leaving them silently behind.
/// </summary>
public enum HoldReason
{
    /// <summary>The name reads as no episode at all (a movie, a stray video).</summary>
    NotAnEpisode,

    /// <summary>A season pack named without episode numbers.</summary>
    NoEpisodeNumbers,

    /// <summary>No show name could be read from the name or its folders.</summary>
    NoShowName,

    /// <summary>The reading stayed below the confidence floor after every tier that was asked.</summary>
    LowConfidence,

    /// <summary>The metadata provider found several shows and none could be chosen with enough confidence.</summary>
    ShowAmbiguous,

    /// <summary>The metadata provider knows no show by that name (held only when metadata is required).</summary>
    ShowNotFound,

    /// <summary>The show is known but not that episode (S09E40 of a two-season show).</summary>
    EpisodeUnknown,

    /// <summary>Metadata was required and the provider could not be asked (down, key refused, offline).</summary>
    MetadataUnavailable,

    /// <summary>A different file is already at the destination (never overwritten).</summary>
    Conflict,

    /// <summary>
    /// Metadata was asked for and the provider could not answer (down, key refused, timed out, garbage), so the name
    /// was not identified; under <c>--metadata-fallback hold</c> (the default) it waits rather than being filed by a
    /// release name the provider might have corrected ("One.Piece.1089" is episode 1089, not S10E89).
    /// </summary>
    MetadataOutage,
}

/// <summary>A held file's reason and the one sentence that explains it to a person.</summary>
public sealed record RouteHold(HoldReason Reason, string Detail);

/// <summary>The snake_case wire names of <see cref="HoldReason"/> (review JSON, the HTTP API, the hook log): one table, read both ways.</summary>
public static class HoldReasonNames
{
    private static readonly (HoldReason Reason, string Name)[] Table =
    [
        (HoldReason.NotAnEpisode, "not_an_episode"),
        (HoldReason.NoEpisodeNumbers, "no_episode_numbers"),
        (HoldReason.NoShowName, "no_show_name"),
        (HoldReason.LowConfidence, "low_confidence"),
        (HoldReason.ShowAmbiguous, "show_ambiguous"),
        (HoldReason.ShowNotFound, "show_not_found"),
        (HoldReason.EpisodeUnknown, "episode_unknown"),
        (HoldReason.MetadataUnavailable, "metadata_unavailable"),
        (HoldReason.Conflict, "conflict"),
        (HoldReason.MetadataOutage, "metadata_outage"),
    ];

    /// <summary>Every reason with its wire name, in declaration order.</summary>
    public static IReadOnlyList<(HoldReason Reason, string Name)> All => Table;

    public static string WireName(this HoldReason reason)
    {
        foreach (var (r, name) in Table)
        {
            if (r == reason)
            {
                return name;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(reason), reason, null);
    }

    /// <summary>Reads a wire name (exact, lower case); false for anything else.</summary>
    public static bool TryParse(string? name, [NotNullWhen(true)] out HoldReason? reason)
    {
        foreach (var (r, n) in Table)
        {
            if (string.Equals(n, name, StringComparison.Ordinal))
            {
                reason = r;
                return true;
            }
        }

        reason = null;
        return false;
    }
}
