using Episodic.Core.Metadata;
using Episodic.Core.Model;

namespace Episodic.Automation.Runs;

/// <summary>
/// An identifier that takes the show as given (<c>--tmdb-id</c>, <c>--tvmaze-id</c>, a review accept) and asks the
/// provider only for that show's numbering: every name of the run is filed under it, never searched.
/// </summary>
public sealed class ChosenShowIdentifier(IEpisodeIdentifier inner, ShowId chosen) : IEpisodeIdentifier
{
    public MetadataProvider Provider => inner.Provider;

    public ShowId Show => chosen;

    public Task<Identification> IdentifyAsync(EpisodeParse parse, CancellationToken cancellationToken = default) =>
        inner.IdentifyAsAsync(parse, chosen, cancellationToken);

    public Task<Identification> IdentifyAsAsync(EpisodeParse parse, ShowId show, CancellationToken cancellationToken = default) =>
        inner.IdentifyAsAsync(parse, show, cancellationToken);
}
