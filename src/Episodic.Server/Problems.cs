using Microsoft.AspNetCore.Http;

namespace Episodic.Server;

/// <summary>RFC 7807 problem details (<c>application/problem+json</c>) for every error the API returns.</summary>
internal static class Problems
{
    public static IResult Create(int status, string title, string detail, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title, extensions: extensions);

    public static IResult BadRequest(string detail) => Create(StatusCodes.Status400BadRequest, "Invalid request", detail);

    public static IResult BadJson(string detail) => Create(StatusCodes.Status400BadRequest, "Malformed JSON", detail);

    public static IResult TooLarge(long maxBytes) => Create(
        StatusCodes.Status413PayloadTooLarge,
        "Request body too large",
        $"The request body exceeds the limit of {maxBytes} bytes; split the names over several requests.",
        new Dictionary<string, object?> { ["max_body_bytes"] = maxBytes });

    public static IResult TooManyNames(int count, int max) => Create(
        StatusCodes.Status400BadRequest,
        "Too many names",
        $"{count} names were sent; at most {max} are accepted per request.",
        new Dictionary<string, object?> { ["max_batch"] = max });

    /// <summary>The body broke off (the client closed early, a broken chunk, too slow): Kestrel's status, our words.</summary>
    public static IResult UnreadableBody(int status) => Create(
        status,
        "Request body unreadable",
        "The request body could not be read to its end: the connection closed before the length announced, or the body was sent broken or too slowly.");

    public static IResult UnsupportedMediaType(string? contentType) => Create(
        StatusCodes.Status415UnsupportedMediaType,
        "Unsupported content type",
        $"The body must be JSON (Content-Type: application/json), not '{contentType ?? "none"}'.");
}
