using Episodic.Core.Model;

namespace Episodic.Core.Metadata;

/// <summary>
/// Turns a parsed file into the provider's show and episode. Routing and the server depend on this interface only,
/// so they never reference HTTP code; the implementation lives in Episodic.Metadata.
/// </summary>
public interface IEpisodeIdentifier
{
    /// <summary>The provider this identifier asks.</summary>
    MetadataProvider Provider { get; }

    /// <summary>Never throws for provider trouble: that is <see cref="IdentifyStatus.ProviderUnavailable"/> with the reason.</summary>
    Task<Identification> IdentifyAsync(EpisodeParse parse, CancellationToken cancellationToken = default);
}
