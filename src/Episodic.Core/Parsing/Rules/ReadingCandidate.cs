using Episodic.Core.Parsing.Confidence;

namespace Episodic.Core.Parsing.Rules;

/// <summary>
/// One whole reading of a name, as an immutable value: which tokens are the deciding marker, what numbers it says,
/// and why it exists (the proposer's own reading, or one interpretation of an ambiguous number or marker). Every
/// reading of a name is scored by the same <see cref="ReadingScorer"/>, so the winner and its runner-up are compared
/// on the same features instead of being ranked by a rule's position in a ladder. A struct: every name has at least one
/// reading, and most have only that one, so a heap object per reading was garbage on every name.
/// </summary>
internal readonly record struct ReadingCandidate(
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

    /// <summary>
    /// The proposers' reading over the reading's own lists, not copies: they are only scored while the reading keeps them,
    /// and <see cref="ToRival"/> copies what a kept rival says.
    /// </summary>
    public static ReadingCandidate Proposed(Reading r, Marker primary) =>
        new(primary.Form, primary.Kind, primary.First, primary.Last, r.Season, r.Episodes, r.Absolute, r.AirDate, null);

    /// <summary>The candidate as the runner-up the reasoning names, with its distance behind the winner (its episodes copied: the rival outlives the parse).</summary>
    public Rival ToRival(double margin) => new(Origin ?? RivalKind.OtherMarker, Form, Season, [.. Episodes], margin, Date);
}
