using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Puente.Web.Accounts;
using Puente.Web.Hosting;

namespace Puente.Web.Ports.Status;

internal static class StatusApi
{
    public static void MapPortStatusApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/ports").WithTags("Port status");

        group.MapGet("/status", async (GetPortStatus get, CancellationToken ct) => TypedResults.Ok(await get.All(ct)))
            .AllowAnonymous()
            .WithName("ListPortStatuses")
            .WithSummary("Every crossing's lanes at every port: open, restricted or closed, with reason and times in the port's zone.");

        group.MapGet("/{code}/status", async Task<Results<Ok<GetPortStatus.PortStatus>, ProblemHttpResult>> (
                string code, GetPortStatus get, Problems problems, CancellationToken ct) =>
                await get.Handle(code, ct) is { } status ? TypedResults.Ok(status) : problems.PortNotFound(code))
            .AllowAnonymous()
            .WithName("GetPortStatus")
            .WithSummary("One port's lanes: status, reason, since and expected reopening in the port's zone, and closures ahead.");

        group.MapPost("/{code}/status", async Task<Results<Ok<GetPortStatus.PortStatus>, ValidationProblem, ProblemHttpResult>> (
                string code, ChangeLaneStatus.Command command, ClaimsPrincipal user, UserManager<PuenteUser> users, ChangeLaneStatus change,
                GetPortStatus get, Problems problems, CancellationToken ct) =>
                await change.Handle(code, command, PortCaller.ToManage(user, users), ct) switch
                {
                    ChangeLaneStatus.Changed => TypedResults.Ok((await get.Handle(code, ct))!),
                    ChangeLaneStatus.Invalid invalid => problems.Validation(invalid.Errors),
                    ChangeLaneStatus.Refused refused => problems.Result(StatusCodes.Status409Conflict, ProblemCodes.LaneTransitionRefused,
                        refused.Rejection.From.ToString(), refused.Rejection.Action.ToString()),
                    _ => problems.PortNotFound(code),
                })
            .RequireAuthorization(p => p.RequireRole(Roles.Admin, Roles.PortOfficer))
            .WithName("ChangeLaneStatus")
            .WithSummary("Opens, restricts or closes one lane of one crossing (an officer at their port, or an Admin); the change is kept with who and when.");

        group.MapGet("/{code}/status/history", async Task<Results<Ok<IReadOnlyList<GetLaneHistory.Change>>, ProblemHttpResult>> (
                string code, ClaimsPrincipal user, UserManager<PuenteUser> users, GetLaneHistory history, Problems problems, CancellationToken ct) =>
                await history.Handle(code, PortCaller.ToRead(user, users), ct) is { } changes ? TypedResults.Ok(changes) : problems.PortNotFound(code))
            .RequireAuthorization(p => p.RequireRole(Roles.Admin, Roles.Analyst, Roles.PortOfficer))
            .WithName("GetLaneHistory")
            .WithSummary("Every change of a port's lanes, newest first: who, when, before and after.");
    }
}
