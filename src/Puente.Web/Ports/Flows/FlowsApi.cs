using Microsoft.AspNetCore.Http.HttpResults;
using Puente.Web.Hosting;

namespace Puente.Web.Ports.Flows;

internal static class FlowsApi
{
    public static void MapFlowsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/ports").WithTags("Ports").AllowAnonymous();

        group.MapGet("/{code}/flows", async Task<Results<Ok<PortFlowsResponse>, ValidationProblem, ProblemHttpResult>> (
                string code, string? measure, string? from, string? to, GetMonthlyFlows get, Problems problems, CancellationToken ct) =>
            {
                var errors = new List<FieldError>();
                var query = new GetMonthlyFlows.Query(code, PortFilters.Measure("measure", measure, errors),
                    PortFilters.Month("from", from, errors), PortFilters.Month("to", to, errors));
                if (errors.Count > 0)
                {
                    return problems.Validation(errors);
                }
                return await get.Handle(query, ct) switch
                {
                    GetMonthlyFlows.Found found => TypedResults.Ok(found.Flows),
                    _ => problems.PortNotFound(code),
                };
            })
            .WithName("GetPortFlows")
            .WithSummary("BTS monthly inbound counts of a port per measure (from and to as yyyy-MM); a month BTS gave two values has both under conflictingValues and no value.");
    }
}
