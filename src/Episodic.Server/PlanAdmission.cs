using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;

namespace Episodic.Server;

/// <summary>
/// Bounds how many <c>/route/plan</c> requests are worked on at once (ASP.NET Core's concurrency limiter), because
/// each one holds its request (up to the body limit, tens of thousands of <c>existing_shows</c>) while it runs:
/// unbounded, 128 clients posting 1 MB plans took the server to 4.7 GB. A few run, a few more wait in order, and the
/// rest get 503 with <c>Retry-After</c> before their body is read, so memory follows the limits, not the load.
/// </summary>
internal static class PlanAdmission
{
    /// <summary>The limiter policy /route/plan requires.</summary>
    public const string Policy = "route-plan";

    public static void AddPlanAdmission(this IServiceCollection services, ServerOptions options) =>
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status503ServiceUnavailable;
            o.AddConcurrencyLimiter(Policy, c =>
            {
                c.PermitLimit = options.MaxConcurrentPlans;
                c.QueueLimit = options.PlanQueue;
                c.QueueProcessingOrder = QueueProcessingOrder.OldestFirst;
            });
            o.OnRejected = (context, cancellationToken) =>
            {
                var seconds = (int)Math.Ceiling(options.PlanRetryAfter.TotalSeconds);
                context.HttpContext.Response.Headers[HeaderNames.RetryAfter] = seconds.ToString(CultureInfo.InvariantCulture);
                var problem = Problems.Create(
                    StatusCodes.Status503ServiceUnavailable,
                    "Too many plans at once",
                    $"{options.MaxConcurrentPlans} route plans are running and {options.PlanQueue} are waiting; retry after {seconds} s.",
                    new Dictionary<string, object?> { ["max_concurrent_plans"] = options.MaxConcurrentPlans, ["plan_queue"] = options.PlanQueue });
                return new ValueTask(problem.ExecuteAsync(context.HttpContext));
            };
        });
}
