using Microsoft.AspNetCore.Http.HttpResults;
using Puente.Web.Database;
using Puente.Web.Hosting;

namespace Puente.Web.Ports;

internal static class PortsApi
{
    public static RouteGroupBuilder MapPortsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/ports").WithTags("Ports").AllowAnonymous();

        group.MapGet("/", async (PuenteDb db, CancellationToken ct) =>
                TypedResults.Ok(await ListPorts.Handle(db, ct)))
            .WithName("ListPorts")
            .WithSummary("Every US–Mexico land port of entry with its crossings and lane types.");

        group.MapGet("/{code}", async Task<Results<Ok<PortResponse>, ProblemHttpResult>> (string code, PuenteDb db, Problems problems, CancellationToken ct) =>
                await GetPort.Handle(db, code, ct) is { } port
                    ? TypedResults.Ok(port)
                    : problems.PortNotFound(code))
            .WithName("GetPort")
            .WithSummary("One port by its BTS port code, e.g. 2504 for San Ysidro.");

        return group;
    }
}
