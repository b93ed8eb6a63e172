using System.Diagnostics;
using Episodic.Core.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Episodic.Server;

/// <summary>
/// One short Debug line per request: method, path, status, time. Never the query string (an <c>?api_key=</c> must
/// not reach a log) nor headers; the path is escaped so a crafted URL cannot forge log lines. ASP.NET Core's own
/// per-request Information lines (which carry the full URL) are filtered out in <see cref="EpisodicServer"/>.
/// </summary>
internal sealed partial class RequestLogging(RequestDelegate next, ILogger<RequestLogging> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!logger.IsEnabled(LogLevel.Debug))
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context).ConfigureAwait(false);
        }
        finally
        {
            var path = Printable.Escape(context.Request.Path.Value);
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            Handled(logger, context.Request.Method, path, context.Response.StatusCode, elapsed);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Method} {Path} -> {Status} in {ElapsedMs:0.0} ms")]
    private static partial void Handled(ILogger logger, string method, string path, int status, double elapsedMs);
}
