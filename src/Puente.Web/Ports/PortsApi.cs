using Microsoft.AspNetCore.Http.HttpResults;
using Puente.Web.Hosting;

namespace Puente.Web.Ports;

internal static class PortsApi
{
    public static RouteGroupBuilder MapPortsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/ports").WithTags("Ports").AllowAnonymous();

        group.MapGet("/", async (ListPorts list, CancellationToken ct) =>
                TypedResults.Ok(await list.Handle(ct)))
            .WithName("ListPorts")
            .WithSummary("Every US–Mexico land port of entry with its crossings and lane types.");

        group.MapGet("/{code}", async Task<Results<Ok<PortResponse>, ProblemHttpResult>> (string code, GetPort get, Problems problems, CancellationToken ct) =>
                await get.Handle(code, ct) is { } port
                    ? TypedResults.Ok(port)
                    : problems.PortNotFound(code))
            .WithName("GetPort")
            .WithSummary("One port by its BTS port code, e.g. 2504 for San Ysidro.");

        return group;
    }
}
