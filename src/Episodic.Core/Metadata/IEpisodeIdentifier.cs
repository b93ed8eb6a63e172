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

    /// <summary>
    /// Identifies the episode within a show a person chose (<c>--tmdb-id</c>, <c>--tvmaze-id</c>, a review accept): no
    /// search, the provider's numbering for that show, matched by <see cref="MatchedBy.Alias"/> with confidence 1. An
    /// id of another provider, or an identifier that cannot look shows up by id, is <see cref="IdentifyStatus.ShowNotFound"/>.
    /// </summary>
    Task<Identification> IdentifyAsAsync(EpisodeParse parse, ShowId show, CancellationToken cancellationToken = default) =>
        Task.FromResult(new Identification(IdentifyStatus.ShowNotFound, $"this identifier cannot look up {show} by id"));
}
