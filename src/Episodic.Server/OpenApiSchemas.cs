using Episodic.Core.Model;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Episodic.Server;

/// <summary>
/// Describes in the OpenAPI document what custom converters write, which the schema generator cannot see: the
/// answer source is a string ("rules" or "llm:backend:model") and a confidence a number from 0 to 1.
/// </summary>
internal static class OpenApiSchemas
{
    public static Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonTypeInfo.Type == typeof(AnswerSource))
        {
            schema.Type = JsonSchemaType.String;
            schema.Pattern = "^(rules|llm:[a-z0-9._-]+:.+)$";
            schema.Description = "Which tier answered: \"rules\", or \"llm:<backend>:<model>\".";
        }
        else if (context.JsonPropertyInfo?.CustomConverter is ConfidenceJsonConverter)
        {
            schema.Type = JsonSchemaType.Number;
            schema.Minimum = "0";
            schema.Maximum = "1";
            schema.Description = $"Calibrated probability that the reading is right, rounded to {ConfidenceJsonConverter.Digits} decimals.";
        }

        return Task.CompletedTask;
    }
}
