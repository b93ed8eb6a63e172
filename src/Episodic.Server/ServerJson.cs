using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Episodic.Core.Metadata;
using Episodic.Core.Model;
using Episodic.Core.Text;
using Microsoft.AspNetCore.Http;

namespace Episodic.Server;

/// <summary>
/// The server's request and response contracts, source-generated. Episode records inside the responses are
/// resolved by <see cref="EpisodicJsonContext"/> first, so <c>/parse</c> writes exactly what the CLI and the cache
/// write. Requests are read leniently as before (any case of field names, numbers also as strings).
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    PropertyNameCaseInsensitive = true,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(ParseRequest))]
[JsonSerializable(typeof(BatchParseRequest))]
[JsonSerializable(typeof(RoutePlanRequest))]
[JsonSerializable(typeof(BatchParseDocument))]
[JsonSerializable(typeof(RoutePlanDocument))]
[JsonSerializable(typeof(ReviewAcceptRequest))]
[JsonSerializable(typeof(ReviewListDocument))]
[JsonSerializable(typeof(ReviewAcceptDocument))]
[JsonSerializable(typeof(ReviewSkipDocument))]
internal sealed partial class ServerJsonContext : JsonSerializerContext;

/// <summary>The options every response and request of the API is written and read with.</summary>
internal static class ServerJson
{
    /// <summary>The resolvers, Core's episode contract first: also handed to ASP.NET for the OpenAPI description.</summary>
    public static IReadOnlyList<IJsonTypeInfoResolver> Resolvers { get; } = [EpisodicJsonContext.Default, IdentificationJsonContext.Default, ServerJsonContext.Default];

    public static JsonSerializerOptions Options { get; } = new(ServerJsonContext.Default.Options)
    {
        Encoder = JsonTextEncoder.Instance,
        AllowTrailingCommas = false,
        ReadCommentHandling = JsonCommentHandling.Disallow,
        TypeInfoResolver = JsonTypeInfoResolver.Combine([.. Resolvers]),
    };

    /// <summary>Makes ASP.NET's own options (OpenAPI schemas, problem details) agree with <see cref="Options"/>.</summary>
    public static void Describe(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.PropertyNamingPolicy = Options.PropertyNamingPolicy;
        options.Encoder = Options.Encoder;
        options.NumberHandling = JsonNumberHandling.Strict; // responses write numbers as numbers; the schema says so
        for (var i = 0; i < Resolvers.Count; i++)
        {
            options.TypeInfoResolverChain.Insert(i, Resolvers[i]);
        }
    }

    public static JsonTypeInfo<T> TypeInfo<T>() => (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));

    /// <summary>A 200 response with <paramref name="value"/> in the API's contract.</summary>
    public static IResult Ok<T>(T value) => TypedResults.Json(value, TypeInfo<T>(), "application/json; charset=utf-8");
}
