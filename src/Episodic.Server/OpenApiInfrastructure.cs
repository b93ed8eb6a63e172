using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Episodic.Server;

/// <summary>
/// Adds to the OpenAPI document what the endpoint explorer cannot see: the health and metrics endpoints (mapped as
/// middleware, not route handlers, so they carry no handler metadata) and the API-key scheme. With a key configured,
/// every operation but <c>GET /health/live</c> requires it and can answer 401, exactly as
/// <see cref="ApiKeyMiddleware"/> enforces; without one the scheme is declared and nothing requires it.
/// </summary>
internal sealed class OpenApiInfrastructure(bool keyRequired) : IOpenApiDocumentTransformer
{
    public const string SchemeName = "ApiKey";

    private const string HealthSchema = "HealthReport";

    private static readonly string[] Statuses = ["Healthy", "Degraded", "Unhealthy"];

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal);
        document.Components.Schemas[HealthSchema] = HealthReport();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>(StringComparer.Ordinal);
        document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = ApiKeyMiddleware.HeaderName,
            Description = "The server's API key (--api-key or $EPISODIC_API_KEY); required by every endpoint but GET /health/live when the server has one.",
        };

        document.Paths ??= [];
        document.Paths[EpisodicServer.LivePath] = Get("HealthLive", "The process is up (no checks run, no key needed).", Json(document, "200", "Healthy."));
        document.Paths[EpisodicServer.ReadyPath] = Get(
            "HealthReady",
            "The server can answer: the rule parser and, with --llm, a cached probe of each configured backend.",
            Json(document, "200", "Healthy, or Degraded (a fallback backend is down)."),
            Json(document, "503", "Unhealthy: the selected backend is down (unreachable, key refused, model missing)."));
        document.Paths[EpisodicServer.MetricsPath] = Get(
            "Metrics",
            "Prometheus text exposition of the Episodic, gen_ai and ASP.NET Core meters.",
            ("200", new OpenApiResponse
            {
                Description = "Prometheus text format.",
                Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal)
                {
                    ["text/plain"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String } },
                },
            }));

        if (keyRequired)
        {
            RequireKey(document);
        }

        return Task.CompletedTask;
    }

    /// <summary>Every operation but the liveness probe needs the key and may answer 401.</summary>
    private static void RequireKey(OpenApiDocument document)
    {
        foreach (var (path, item) in document.Paths)
        {
            if (path == EpisodicServer.LivePath || item.Operations is null)
            {
                continue;
            }

            foreach (var operation in item.Operations.Values)
            {
                operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, document)] = [] }];
                operation.Responses ??= [];
                operation.Responses["401"] = new OpenApiResponse
                {
                    Description = $"Missing or wrong API key (header {ApiKeyMiddleware.HeaderName}).",
                    Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal)
                    {
                        ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference("ProblemDetails", document) },
                    },
                };
            }
        }
    }

    private static OpenApiPathItem Get(string id, string summary, params (string Status, OpenApiResponse Response)[] responses)
    {
        var operation = new OpenApiOperation { OperationId = id, Summary = summary, Responses = [] };
        foreach (var (status, response) in responses)
        {
            operation.Responses[status] = response;
        }

        return new OpenApiPathItem { Operations = new Dictionary<HttpMethod, OpenApiOperation> { [HttpMethod.Get] = operation } };
    }

    private static (string, OpenApiResponse) Json(OpenApiDocument document, string status, string description) => (status, new OpenApiResponse
    {
        Description = description,
        Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal)
        {
            ["application/json"] = new() { Schema = new OpenApiSchemaReference(HealthSchema, document) },
        },
    });

    /// <summary>What <see cref="HealthResponse"/> writes.</summary>
    private static OpenApiSchema HealthReport()
    {
        OpenApiSchema Status() => new() { Type = JsonSchemaType.String, Enum = [.. Statuses.Select(s => (JsonNode)JsonValue.Create(s))] };
        OpenApiSchema Of(JsonSchemaType type, string description) => new() { Type = type, Description = description };
        var check = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Required = new HashSet<string>(["name", "status", "description", "duration_ms"], StringComparer.Ordinal),
            Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal)
            {
                ["name"] = Of(JsonSchemaType.String, "\"rules\", or the backend as \"backend:model\"."),
                ["status"] = Status(),
                ["description"] = Of(JsonSchemaType.String, "The probe's verdict; never contains a key."),
                ["duration_ms"] = Of(JsonSchemaType.Number, "How long the check took."),
                ["role"] = Of(JsonSchemaType.String, "Backends: \"selected\" or \"fallback\"."),
                ["backend"] = Of(JsonSchemaType.String, "Backends: ollama, openai or anthropic."),
                ["model"] = Of(JsonSchemaType.String, "Backends: the configured model."),
                ["endpoint"] = Of(JsonSchemaType.String, "Backends: the endpoint probed, without credentials or query."),
                ["latency_ms"] = Of(JsonSchemaType.Number, "Backends: the probe's round trip."),
            },
        };
        return new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Required = new HashSet<string>(["status", "duration_ms", "checks"], StringComparer.Ordinal),
            Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal)
            {
                ["status"] = Status(),
                ["duration_ms"] = Of(JsonSchemaType.Number, "How long all checks took."),
                ["checks"] = new OpenApiSchema { Type = JsonSchemaType.Array, Items = check },
            },
        };
    }
}
