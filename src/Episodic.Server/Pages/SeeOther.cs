using Microsoft.AspNetCore.Http;

namespace Episodic.Server.Pages;

/// <summary>303 See Other to a local page: after a form post the browser GETs the result, so a reload never posts twice.</summary>
internal sealed class SeeOther(string location) : IResult
{
    public string Location { get; } = location.StartsWith('/') && !location.StartsWith("//", StringComparison.Ordinal) && !location.Contains('\\', StringComparison.Ordinal) ? location : "/";

    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        httpContext.Response.StatusCode = StatusCodes.Status303SeeOther;
        httpContext.Response.Headers.Location = Location;
        return Task.CompletedTask;
    }
}
