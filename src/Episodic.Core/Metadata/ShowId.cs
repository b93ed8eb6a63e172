using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Episodic.Core.Metadata;

/// <summary>The metadata services a show can be identified with. <c>none</c> is not a provider: it is the absence of one.</summary>
public enum MetadataProvider
{
    /// <summary>The Movie Database, API v3 (needs a key).</summary>
    Tmdb,

    /// <summary>TVmaze (no key).</summary>
    Tvmaze,
}

/// <summary>
/// A show's identity at one provider, written <c>tmdb:1429</c> or <c>tvmaze:169</c> in plans, aliases and cache keys,
/// so an id is never read against the wrong provider's catalogue.
/// </summary>
public readonly record struct ShowId(MetadataProvider Provider, int Id)
{
    /// <summary>The provider's lower-case name as it appears in config and output.</summary>
    public static string NameOf(MetadataProvider provider) => provider == MetadataProvider.Tmdb ? "tmdb" : "tvmaze";

    /// <summary>Reads <c>tmdb</c> / <c>tvmaze</c> (any case).</summary>
    public static bool TryParseProvider(string? text, out MetadataProvider provider)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "tmdb":
                provider = MetadataProvider.Tmdb;
                return true;
            case "tvmaze":
                provider = MetadataProvider.Tvmaze;
                return true;
            default:
                provider = default;
                return false;
        }
    }

    /// <summary>Reads <c>tmdb:1429</c>; false for anything else (no provider, no positive integer id).</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out ShowId? id)
    {
        id = null;
        var colon = text?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        if (colon <= 0 || !TryParseProvider(text![..colon], out var provider))
        {
            return false;
        }

        if (!int.TryParse(text[(colon + 1)..].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n <= 0)
        {
            return false;
        }

        id = new ShowId(provider, n);
        return true;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{NameOf(Provider)}:{Id}");
}
