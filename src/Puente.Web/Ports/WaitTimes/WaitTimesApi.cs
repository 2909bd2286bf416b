using Microsoft.AspNetCore.Http.HttpResults;
using Puente.Web.Hosting;

namespace Puente.Web.Ports.WaitTimes;

internal static class WaitTimesApi
{
    public static void MapWaitTimesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/ports").WithTags("Ports").AllowAnonymous();

        group.MapGet("/{code}/waits", async Task<Results<Ok<PortWaitsResponse>, ValidationProblem, ProblemHttpResult>> (
                string code, string? crossing, string? lane, string? from, string? to, GetWaitHistory get, Problems problems, CancellationToken ct) =>
            {
                var errors = new List<FieldError>();
                var laneType = PortFilters.Lane("lane", lane, errors);
                var fromDate = PortFilters.Date("from", from, errors);
                var toDate = PortFilters.Date("to", to, errors);
                if (errors.Count > 0)
                {
                    return problems.Validation(errors);
                }
                // Whole UTC days: from its first instant to the last instant of `to`.
                var query = new GetWaitHistory.Query(code, string.IsNullOrWhiteSpace(crossing) ? null : crossing.Trim(), laneType,
                    fromDate is { } f ? new DateTimeOffset(f.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null,
                    toDate is { } t ? new DateTimeOffset(t.ToDateTime(TimeOnly.MaxValue), TimeSpan.Zero) : null);
                return await get.Handle(query, ct) switch
                {
                    GetWaitHistory.Found found => TypedResults.Ok(found.Waits),
                    _ => problems.PortNotFound(code),
                };
            })
            .WithName("GetPortWaits")
            .WithSummary("CBP wait times recorded for a port, per crossing and lane, oldest first; CBP's strings kept verbatim beside the numbers, each reading labelled fresh, stale or unknown.");
    }
}
