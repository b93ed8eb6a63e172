namespace Episodic.Routing.Planning;

/// <summary>
/// Samples, trailers and extras that sit beside episodes in downloads and must not be filed as the episode (they
/// would collide with it, or land as "name (2).mkv"): Plex-style extras folders ("Sample", "Featurettes", ...) and
/// name marks ("-sample", "-trailer", "sample-", ".sample."). A title word like "Samples" is not a mark; a dotted ".Sample." is (scene samples are named so).
/// </summary>
public static class Extras
{
    private static readonly HashSet<string> Folders = new(StringComparer.OrdinalIgnoreCase)
    {
        "sample", "samples", "trailer", "trailers", "featurette", "featurettes", "extra", "extras",
        "behind the scenes", "deleted scenes", "interviews", "scenes", "shorts", "bonus",
    };

    private static readonly string[] Suffixes =
    [
        "-sample", "_sample", "-trailer", "-featurette", "-behindthescenes", "-deleted", "-interview", "-scene", "-short", "-extra",
    ];

    /// <summary>Why the file is an extra (to list it), or null for an ordinary video.</summary>
    /// <param name="relativePath">The path below the source root, so the root's own name never counts.</param>
    public static string? Reason(string relativePath)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        var parts = relativePath.Split(['/', '\\'], StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < parts.Length - 1; i++)
        {
            if (Folders.Contains(parts[i]))
            {
                return $"an extra: it is in a '{parts[i]}' folder";
            }
        }

        var stem = Path.GetFileNameWithoutExtension(parts.Length > 0 ? parts[^1] : relativePath);
        if (stem.Equals("sample", StringComparison.OrdinalIgnoreCase) || stem.StartsWith("sample-", StringComparison.OrdinalIgnoreCase)
            || stem.Contains(".sample.", StringComparison.OrdinalIgnoreCase) || stem.EndsWith(".sample", StringComparison.OrdinalIgnoreCase))
        {
            return "a sample";
        }

        foreach (var suffix in Suffixes)
        {
            if (stem.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                return suffix.Contains("sample", StringComparison.Ordinal) ? "a sample" : $"an extra ('{suffix}')";
            }
        }

        return null;
    }
}
