using Episodic.Core.Metadata;
using Episodic.Llm.Pipeline;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Episodic.Server;

/// <summary><c>POST /identify</c>: parse a name, then identify show and episode with the configured metadata provider.</summary>
public static partial class EpisodicServer
{
    private static void MapIdentify(WebApplication app, ServerOptions options)
    {
        var maxBody = options.MaxBodyBytes;
        app.MapPost("/identify", async (HttpRequest request, PipelineHost host, CancellationToken cancellationToken) =>
        {
            var (body, error) = await JsonBody.ReadAsync<ParseRequest>(request, maxBody, cancellationToken).ConfigureAwait(false);
            if (error is not null)
            {
                return error;
            }

            if (string.IsNullOrWhiteSpace(body!.Name))
            {
                return Problems.BadRequest("The field 'name' is required and must not be blank: {\"name\": \"Show.S01E02.mkv\"}.");
            }

            if (options.Identifier is not { } identifier)
            {
                return Problems.Create(StatusCodes.Status503ServiceUnavailable, "Metadata not configured", "Start the server with --metadata tvmaze (no key) or --metadata tmdb (needs TMDB_API_KEY) to identify shows.");
            }

            var parses = await host.Pipeline.ParseAsync([body.Name], cancellationToken).ConfigureAwait(false);
            var identification = await identifier.IdentifyAsync(parses[0], cancellationToken).ConfigureAwait(false);
            return ServerJson.Ok(IdentificationJson.From(body.Name, identification));
        })
        .WithName("Identify")
        .WithSummary("Identify the show and episode of one name with TMDB or TVmaze: canonical name, year, ids, numbering, episode title.")
        .Accepts<ParseRequest>("application/json")
        .Produces<IdentificationJson>(StatusCodes.Status200OK, "application/json")
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
    }
}
