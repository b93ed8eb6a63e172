using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Episodic.Server;

/// <summary>
/// Reads a JSON request body by hand so every failure gets the API's problem details: wrong content type (415),
/// malformed JSON (400), a body over the size limit (413), a body that ends early or breaks off (400, or Kestrel's 408).
/// </summary>
internal static class JsonBody
{
    /// <summary>What each request field must be, for errors that speak of fields, never of .NET types.</summary>
    private static readonly Dictionary<string, string> Shapes = new(StringComparer.Ordinal)
    {
        ["name"] = "a string",
        ["names"] = "an array of strings",
        ["library"] = "a string",
        ["anime_library"] = "a string",
        ["template"] = "a string",
        ["existing_shows"] = "an array of strings",
        ["min_confidence"] = "a number from 0 to 1",
        ["show"] = "a string",
        ["tmdb_id"] = "a whole number",
        ["tvmaze_id"] = "a whole number",
        ["season"] = "a whole number",
        ["episodes"] = "an array of whole numbers",
    };

    /// <summary>"The field 'names' must be an array of strings (line 1, byte 12)", or where the JSON itself is broken.</summary>
    internal static string Describe(JsonException ex)
    {
        var where = ex.LineNumber is { } line ? $" (line {line + 1}, byte {ex.BytePositionInLine ?? 0})" : "";
        var path = ex.Path is { Length: > 2 } p && p.StartsWith("$.", StringComparison.Ordinal) ? p[2..] : null;
        // A value of the wrong type is reported by the serializer as "could not be converted to <.NET type>"; anything
        // else is the reader failing on the text itself.
        var wrongType = ex.Message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal);
        if (path is null || !wrongType)
        {
            return $"The request body is not well-formed JSON{where}.";
        }

        var field = path.Split('[', '.')[0];
        return Shapes.TryGetValue(field, out var shape)
            ? $"The field '{path}' has the wrong type: '{field}' must be {shape}{where}."
            : $"The field '{path}' has the wrong type{where}.";
    }

    public static async Task<(T? Value, IResult? Error)> ReadAsync<T>(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
        where T : class
    {
        if (!request.HasJsonContentType())
        {
            return (null, Problems.UnsupportedMediaType(request.ContentType));
        }

        if (request.ContentLength > maxBytes)
        {
            return (null, Problems.TooLarge(maxBytes));
        }

        try
        {
            var value = await JsonSerializer.DeserializeAsync(request.Body, ServerJson.TypeInfo<T>(), cancellationToken).ConfigureAwait(false);
            return value is null
                ? (null, Problems.BadJson("The request body must be a JSON object, not null."))
                : (value, null);
        }
        catch (JsonException ex)
        {
            return (null, Problems.BadJson(Describe(ex)));
        }
        catch (BadHttpRequestException ex)
        {
            // Kestrel's body failures: over its size limit (413, a chunked body), or broken off — the client closed the
            // connection before the length it announced, sent a broken chunk, or sent too slowly. Expected on a network,
            // so each is a problem response, not an unhandled exception with its stack trace in the server's log.
            return (null, ex.StatusCode == StatusCodes.Status413PayloadTooLarge ? Problems.TooLarge(maxBytes) : Problems.UnreadableBody(ex.StatusCode));
        }
    }
}
