using Episodic.Core.Parsing.Confidence;

namespace Episodic.Core.Parsing.Rules;

/// <summary>
/// One whole reading of a name, as an immutable value: which tokens are the deciding marker, what numbers it says,
/// and why it exists (the proposer's own reading, or one interpretation of an ambiguous number or marker). Every
/// reading of a name is scored by the same <see cref="ReadingScorer"/>, so the winner and its runner-up are compared
/// on the same features instead of being ranked by a rule's position in a ladder.
/// </summary>
internal sealed record ReadingCandidate(
    MarkerForm Form,
    MarkerKind Kind,
    int First,
    int Last,
    int? Season,
    IReadOnlyList<int> Episodes,
    IReadOnlyList<int> Absolute,
    DateOnly? Date,
    RivalKind? Origin)
{
    /// <summary>The proposers' reading (assembled from the rules' markers); alternatives carry the ambiguity that made them.</summary>
    public bool IsProposed => Origin is null;

    public static ReadingCandidate Proposed(Reading r, Marker primary) =>
        new(primary.Form, primary.Kind, primary.First, primary.Last, r.Season, r.Episodes.ToArray(), r.Absolute.ToArray(), r.AirDate, null);

    /// <summary>The candidate as the runner-up the reasoning names, with its distance behind the winner.</summary>
    public Rival ToRival(double margin) => new(Origin ?? RivalKind.OtherMarker, Form, Season, Episodes, margin, Date);
}
