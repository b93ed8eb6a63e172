namespace Episodic.Routing.Planning;

/// <summary>
/// What routing does with a name when metadata was asked for and the provider could not answer (down, key refused,
/// timed out, unreadable answer): <c>--metadata-fallback</c> / <c>[routing] metadata_fallback</c>.
/// </summary>
public enum MetadataFallback
{
    /// <summary>
    /// The default: hold the name (not moved, <see cref="HoldReason.MetadataOutage"/>). Metadata was asked for because
    /// the name alone may mislead (absolute and date numbering, a show named differently); an outage must not quietly
    /// turn that run into a name-only run.
    /// </summary>
    Hold,

    /// <summary>File the name by its release name, as if no metadata had been asked for (the behaviour before holding).</summary>
    Name,
}

/// <summary>The option and configuration spellings of <see cref="MetadataFallback"/>: one table, read both ways.</summary>
public static class MetadataFallbackNames
{
    /// <summary>The accepted values, in the order help lists them.</summary>
    public static IReadOnlyList<string> All { get; } = ["hold", "name"];

    public static string NameOf(MetadataFallback fallback) => fallback == MetadataFallback.Name ? "name" : "hold";

    /// <summary>Reads "hold" or "name" (any case, trimmed); null for anything else.</summary>
    public static MetadataFallback? Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "hold" => MetadataFallback.Hold,
        "name" => MetadataFallback.Name,
        _ => null,
    };
}
