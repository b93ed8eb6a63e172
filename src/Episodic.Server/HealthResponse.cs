using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Episodic.Server;

/// <summary>
/// The health endpoints' JSON: overall status and, per check, its status, description (a probe verdict, never a
/// key) and data. <c>{"status": "Healthy", "checks": [{"name": ..., "status": ..., "description": ..., ...}]}</c>.
/// </summary>
internal static class HealthResponse
{
    public static async Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        await using var writer = new Utf8JsonWriter(context.Response.BodyWriter);
        writer.WriteStartObject();
        writer.WriteString("status", report.Status.ToString());
        writer.WriteNumber("duration_ms", Math.Round(report.TotalDuration.TotalMilliseconds, 1));
        writer.WriteStartArray("checks");
        foreach (var (name, entry) in report.Entries)
        {
            writer.WriteStartObject();
            writer.WriteString("name", name);
            writer.WriteString("status", entry.Status.ToString());
            writer.WriteString("description", entry.Description ?? entry.Exception?.GetType().Name ?? "");
            writer.WriteNumber("duration_ms", Math.Round(entry.Duration.TotalMilliseconds, 1));
            foreach (var (key, value) in entry.Data)
            {
                switch (value)
                {
                    case double d:
                        writer.WriteNumber(key, d);
                        break;
                    case bool b:
                        writer.WriteBoolean(key, b);
                        break;
                    default:
                        writer.WriteString(key, Convert.ToString(value, CultureInfo.InvariantCulture));
                        break;
                }
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        await writer.FlushAsync(context.RequestAborted).ConfigureAwait(false);
    }
}
