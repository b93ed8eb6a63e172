using System.CommandLine;
using Episodic.Automation.Review;
using Episodic.Automation.Runs;
using Episodic.Core.Metadata;
using Episodic.Core.Model;

namespace Episodic.Cli;

/// <summary>
/// <c>route --show/--tmdb-id/--tvmaze-id</c>: the person names the show of a whole run (a season pack whose name the
/// parser misreads, a show the provider's search cannot find). Uses the same <see cref="ReviewOverrides"/> and
/// <see cref="ChosenShowIdentifier"/> as <c>review accept</c>, so a run and an accept file a name the same way.
/// </summary>
internal static class RouteOverrides
{
    /// <summary>The run's overrides (empty when none is given); null after writing the one-line problem.</summary>
    public static ReviewOverrides? Read(ParseResult result, CliContext context, Option<string?> show, Option<int?> tmdbId, Option<int?> tvmazeId)
    {
        var named = new[] { result.GetValue(show) is not null, result.GetValue(tmdbId) is not null, result.GetValue(tvmazeId) is not null }.Count(b => b);
        if (named > 1)
        {
            context.Error("give one of --show, --tmdb-id and --tvmaze-id");
            return null;
        }

        ShowId? showId = result.GetValue(tmdbId) is { } t ? new ShowId(MetadataProvider.Tmdb, t) : result.GetValue(tvmazeId) is { } v ? new ShowId(MetadataProvider.Tvmaze, v) : null;
        if (showId is { Id: <= 0 })
        {
            context.Error("--tmdb-id and --tvmaze-id must be 1 or more");
            return null;
        }

        var overrides = new ReviewOverrides { Show = result.GetValue(show), ShowId = showId };
        if (overrides.Problem() is { } problem)
        {
            context.Error(problem);
            return null;
        }

        return overrides;
    }

    /// <summary>
    /// The identifier of the run: with a show id, the provider asked only for that show's numbering (the library's own
    /// identifier when it is that provider, else <paramref name="chosenProvider"/>); otherwise the library's.
    /// </summary>
    public static IEpisodeIdentifier? Identifier(ReviewOverrides overrides, IEpisodeIdentifier? own, IEpisodeIdentifier? chosenProvider)
    {
        if (overrides.ShowId is not { } id)
        {
            return own;
        }

        var inner = own is not null && own.Provider == id.Provider ? own : chosenProvider;
        return inner is null ? own : new ChosenShowIdentifier(inner, id);
    }

    /// <summary>The parse with the run's show applied to every name (numbers still come from the name); unchanged when there is none.</summary>
    public static Func<IReadOnlyList<string>, CancellationToken, Task<IReadOnlyList<EpisodeParse>>> Apply(
        ReviewOverrides overrides, Func<IReadOnlyList<string>, CancellationToken, Task<IReadOnlyList<EpisodeParse>>> parse)
    {
        if (overrides.Show is null)
        {
            return parse;
        }

        return async (names, cancellationToken) =>
        {
            var parsed = await parse(names, cancellationToken).ConfigureAwait(false);
            return [.. parsed.Select(p => overrides.ApplyTo(p, confirmed: false))];
        };
    }
}
