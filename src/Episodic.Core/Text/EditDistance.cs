namespace Episodic.Core.Text;

/// <summary>
/// How far a typed word is from a known one, for "did you mean ...?" hints (INI keys, command-line options and
/// commands): a transposed pair (<c>fromat</c>) counts as one slip, as people type.
/// </summary>
public static class EditDistance
{
    /// <summary>Edit distance with adjacent transpositions counted as one edit (optimal string alignment).</summary>
    public static int Between(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }

    /// <summary>
    /// The candidate nearest to <paramref name="typed"/> after both are <paramref name="fold"/>ed, when it is close
    /// enough to be a slip: at most 2 edits, or a third of the word's length for long words. Null when none is.
    /// </summary>
    public static string? Closest(string typed, IEnumerable<string> candidates, Func<string, string> fold)
    {
        ArgumentNullException.ThrowIfNull(typed);
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(fold);
        var folded = fold(typed);
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var distance = Between(folded, fold(candidate));
            if (distance < bestDistance)
            {
                (best, bestDistance) = (candidate, distance);
            }
        }

        return bestDistance <= Math.Max(2, folded.Length / 3) ? best : null;
    }
}
