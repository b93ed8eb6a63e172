using Episodic.Automation.Review;
using Episodic.Core.Metadata;
using Episodic.Routing.Library;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Episodic.Server;

/// <summary>
/// <c>GET /review</c>, <c>POST /review/{id}/accept</c>, <c>POST /review/{id}/skip</c>: the review queue of the server's
/// libraries for a page or a phone, through the same <see cref="ReviewDesk"/> (journaled, locked) as <c>episodic review</c>.
/// </summary>
public static partial class EpisodicServer
{
    private static void MapReview(WebApplication app, ServerOptions options)
    {
        var maxBody = options.MaxBodyBytes;
        app.MapGet("/review", () =>
        {
            if (options.Review is not { } desk)
            {
                return NoLibrary();
            }

            var items = desk.List();
            return ServerJson.Ok(new ReviewListDocument([.. items.Select(ReviewItemDocument.From)], desk.Untrusted));
        })
        .WithName("ReviewList")
        .WithSummary("The files held for review in the server's libraries: why each was held, the proposed reading, metadata candidates.")
        .Produces<ReviewListDocument>(StatusCodes.Status200OK, "application/json")
        .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        app.MapPost("/review/{id}/accept", async (string id, HttpRequest request, CancellationToken cancellationToken) =>
        {
            if (options.Review is not { } desk)
            {
                return NoLibrary();
            }

            var body = new ReviewAcceptRequest();
            if (request.ContentLength is not 0)
            {
                var (read, error) = await JsonBody.ReadAsync<ReviewAcceptRequest>(request, maxBody, cancellationToken).ConfigureAwait(false);
                if (error is not null)
                {
                    return error;
                }

                body = read!;
            }

            if (new[] { body.Show is not null, body.TmdbId is not null, body.TvmazeId is not null }.Count(b => b) > 1)
            {
                return Problems.BadRequest("Give one of 'show', 'tmdb_id' and 'tvmaze_id'.");
            }

            if (body.TmdbId is <= 0 || body.TvmazeId is <= 0)
            {
                return Problems.BadRequest("'tmdb_id' and 'tvmaze_id' must be 1 or more.");
            }

            var overrides = new ReviewOverrides
            {
                Show = body.Show,
                ShowId = body.TmdbId is { } t ? new ShowId(MetadataProvider.Tmdb, t) : body.TvmazeId is { } v ? new ShowId(MetadataProvider.Tvmaze, v) : null,
                Season = body.Season,
                Episodes = body.Episodes is { Count: > 0 } e ? e : null,
            };
            if (overrides.Problem() is { } problem)
            {
                // The desk speaks in the CLI's option names; the API's fields are the same words.
                return Problems.BadRequest(problem.Replace("--episode", "episodes", StringComparison.Ordinal).Replace("--", "", StringComparison.Ordinal) + ".");
            }

            AcceptOutcome outcome;
            try
            {
                outcome = await desk.AcceptAsync(id, overrides, cancellationToken).ConfigureAwait(false);
            }
            catch (LibraryBusyException)
            {
                return Problems.Create(StatusCodes.Status503ServiceUnavailable, "Library busy", "Another run holds the library's lock; try again when it has finished.");
            }

            return outcome.Status switch
            {
                AcceptStatus.Filed => ServerJson.Ok(new ReviewAcceptDocument(id, "filed", outcome.Message, outcome.Item?.Path, outcome.Destination, outcome.Journal)),
                AcceptStatus.NotFound => UnknownItem(),
                AcceptStatus.Gone => Problems.Create(StatusCodes.Status410Gone, "File gone", outcome.Message),
                AcceptStatus.Refused => Problems.BadRequest(outcome.Message),
                AcceptStatus.StillHeld => Problems.Create(StatusCodes.Status409Conflict, "Still held", outcome.Message),
                _ => Problems.Create(StatusCodes.Status500InternalServerError, "Not filed", $"{outcome.Message}; the file is where it was and stays held."),
            };
        })
        .WithName("ReviewAccept")
        .WithSummary("File a held item as proposed, or with the show (name or TMDB/TVmaze id), season and episodes given; journaled like route --apply.")
        .Accepts<ReviewAcceptRequest>("application/json")
        .Produces<ReviewAcceptDocument>(StatusCodes.Status200OK, "application/json")
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status410Gone)
        .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        app.MapPost("/review/{id}/skip", (string id) =>
        {
            if (options.Review is not { } desk)
            {
                return NoLibrary();
            }

            return desk.Skip(id) ? ServerJson.Ok(new ReviewSkipDocument(id, true)) : UnknownItem();
        })
        .WithName("ReviewSkip")
        .WithSummary("Drop a held item from the queue; the file stays where it is.")
        .Produces<ReviewSkipDocument>(StatusCodes.Status200OK, "application/json")
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
    }

    private static IResult UnknownItem() =>
        Problems.Create(StatusCodes.Status404NotFound, "No such held item", "No held item has that id (GET /review lists them).");

    private static IResult NoLibrary() =>
        Problems.Create(StatusCodes.Status503ServiceUnavailable, "No library configured", "Start the server with --library LIB (or [routing] tv_path) to serve its review queue.");
}
