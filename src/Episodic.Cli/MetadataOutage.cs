using Episodic.Core.Metadata;
using Episodic.Routing.Planning;

namespace Episodic.Cli;

/// <summary>
/// The one stderr line a route run gives when the metadata provider could not answer and names were held for it:
/// how many, why (the provider's own failure, credential-free), and the flag that files them anyway. Without it a
/// held outage would read like a run with nothing to do.
/// </summary>
internal static class MetadataOutage
{
    /// <summary>"3 held: metadata provider tmdb could not answer (...); use --metadata-fallback name ...", or null when nothing was held for an outage.</summary>
    public static string? Summary(RoutePlan plan, MetadataProvider? provider)
    {
        var held = plan.Items.Where(i => i.Hold?.Reason == HoldReason.MetadataOutage).ToList();
        if (held.Count == 0)
        {
            return null;
        }

        var reasons = held.Select(i => i.Metadata?.Reason ?? "no answer").GroupBy(r => r, StringComparer.Ordinal).OrderByDescending(g => g.Count()).Select(g => g.Key).ToList();
        var others = reasons.Count > 1 ? $"; and {reasons.Count - 1} other failure{(reasons.Count > 2 ? "s" : "")}" : "";
        var name = provider is { } p ? ShowId.NameOf(p) : "in use";
        return $"{held.Count} held: metadata provider {name} could not answer ({reasons[0]}{others}); use --metadata-fallback name to file them by their release names";
    }
}
