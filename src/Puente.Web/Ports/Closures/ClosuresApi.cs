using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Puente.Web.Accounts;
using Puente.Web.Hosting;
using Puente.Web.Pathways.Appointments;
using Puente.Web.Ports.Status;

namespace Puente.Web.Ports.Closures;

internal static class ClosuresApi
{
    public static void MapClosuresApi(this IEndpointRouteBuilder app)
    {
        var ports = app.MapGroup("/api/ports").WithTags("Closures");

        ports.MapPost("/{code}/closures", async Task<Results<Ok<RebookAppointments.Summary>, Created<GetClosure.Closure>, Ok<GetClosure.Closure>, ValidationProblem, ProblemHttpResult>> (
                string code, bool? preview, ClosePort.Command command, ClaimsPrincipal user, UserManager<PuenteUser> users, ClosePort close,
                Problems problems, CancellationToken ct) =>
                await close.Handle(code, command, PortCaller.ToManage(user, users), preview ?? false, ct) switch
                {
                    ClosePort.Previewed previewed => TypedResults.Ok(previewed.Summary),
                    ClosePort.Closed { Created: true } closed => TypedResults.Created($"/api/closures/{closed.Closure.Id}", closed.Closure),
                    ClosePort.Closed closed => TypedResults.Ok(closed.Closure),
                    ClosePort.Invalid invalid => problems.Validation(invalid.Errors),
                    _ => problems.PortNotFound(code),
                })
            .RequireAuthorization(p => p.RequireRole(Roles.Admin, Roles.PortOfficer))
            .WithName("ClosePort")
            .WithSummary("Closes a crossing's lane over a date range and moves every booked appointment it covers; ?preview=true only counts.");

        ports.MapGet("/{code}/occupancy/{date}", async Task<Results<Ok<GetOccupancy.Occupancy>, ProblemHttpResult>> (
                string code, string date, ClaimsPrincipal user, UserManager<PuenteUser> users, GetOccupancy get, Problems problems, CancellationToken ct) =>
                IsoDates.Parse(date) is not { } serviceDate ? problems.InvalidDate(date)
                : await get.Handle(code, serviceDate, PortCaller.ToRead(user, users), ct) is { } occupancy ? TypedResults.Ok(occupancy)
                : problems.PortNotFound(code))
            .RequireAuthorization(p => p.RequireRole(Roles.Admin, Roles.Analyst, Roles.PortOfficer))
            .WithName("GetOccupancy")
            .WithSummary("Each slot's capacity and booked persons at a port on a date.");

        var closures = app.MapGroup("/api/closures").WithTags("Closures");

        closures.MapGet("/{id:guid}", async Task<Results<Ok<GetClosure.Closure>, ProblemHttpResult>> (
                Guid id, ClaimsPrincipal user, UserManager<PuenteUser> users, GetClosure get, Problems problems, CancellationToken ct) =>
                await get.Handle(id, PortCaller.ToRead(user, users), ct) is { } closure
                    ? TypedResults.Ok(closure)
                    : problems.Result(StatusCodes.Status404NotFound, ProblemCodes.ClosureNotFound))
            .RequireAuthorization(p => p.RequireRole(Roles.Admin, Roles.Analyst, Roles.PortOfficer))
            .WithName("GetClosure")
            .WithSummary("A closure: groups affected, rebooked and unplaced, and how many went where.");

        closures.MapPost("/{id:guid}/reopen", async Task<Results<Ok<GetClosure.Closure>, ProblemHttpResult>> (
                Guid id, ClaimsPrincipal user, UserManager<PuenteUser> users, ReopenClosure reopen, GetClosure get, Problems problems, CancellationToken ct) =>
                await reopen.Handle(id, PortCaller.ToManage(user, users), ct) switch
                {
                    ReopenClosure.Reopened => TypedResults.Ok((await get.Handle(id, PortCaller.ToManage(user, users), ct))!),
                    ReopenClosure.NotClosed => problems.Result(StatusCodes.Status409Conflict, ProblemCodes.ClosureNotClosed),
                    _ => problems.Result(StatusCodes.Status404NotFound, ProblemCodes.ClosureNotFound),
                })
            .RequireAuthorization(p => p.RequireRole(Roles.Admin, Roles.PortOfficer))
            .WithName("ReopenClosure")
            .WithSummary("Ends a closure from today: the lane opens and new draws may offer the port again; nobody is moved back.");
    }
}
