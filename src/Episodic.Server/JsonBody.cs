using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Episodic.Server;

/// <summary>
/// Reads a JSON request body by hand so every failure gets the API's problem details: wrong content type (415),
/// malformed JSON (400), a body over the size limit (413).
/// </summary>
internal static class JsonBody
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        AllowTrailingCommas = false,
        ReadCommentHandling = JsonCommentHandling.Disallow,
    };

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
            var value = await JsonSerializer.DeserializeAsync<T>(request.Body, Options, cancellationToken).ConfigureAwait(false);
            return value is null
                ? (null, Problems.BadJson("The request body must be a JSON object, not null."))
                : (value, null);
        }
        catch (JsonException ex)
        {
            return (null, Problems.BadJson($"The request body is not the JSON expected: {ex.Message}"));
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, Problems.TooLarge(maxBytes));
        }
    }
}
