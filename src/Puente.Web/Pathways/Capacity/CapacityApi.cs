using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Puente.Web.Accounts;
using Puente.Web.Hosting;
using Puente.Web.Pathways.Draws;

namespace Puente.Web.Pathways.Capacity;

/// <summary>Admins set each port's capacity per date; the schedule freezes when the date's draw is announced.</summary>
internal static class CapacityApi
{
    public static RouteGroupBuilder MapCapacityApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/capacity").WithTags("Capacity").RequireAuthorization(Roles.Admin);

        group.MapGet("/{port}/{date}", async Task<Results<Ok<GetSchedule.Schedule>, ProblemHttpResult>> (
                string port, string date, GetSchedule get, Problems problems, CancellationToken ct) =>
                IsoDates.Parse(date) is not { } serviceDate ? problems.InvalidDate(date)
                : await get.Handle(port, serviceDate, ct) is { } schedule ? TypedResults.Ok(schedule)
                : problems.PortNotFound(port))
            .WithName("GetCapacity")
            .WithSummary("A port's slots on a date: from the template or an override, or as published once announced.");

        group.MapPut("/{port}/{date}", async Task<Results<Ok<GetSchedule.Schedule>, ValidationProblem, ProblemHttpResult>> (
                string port, string date, SetSchedule.Command command, SetSchedule set, Problems problems, ClaimsPrincipal user, CancellationToken ct) =>
                IsoDates.Parse(date) is not { } serviceDate ? problems.InvalidDate(date) : ToResult(problems, await set.Handle(port, serviceDate, command, Actor(user), ct)))
            .WithName("SetCapacity")
            .WithSummary("Replaces a port's slots on a date, until the date's draw is announced.");

        group.MapDelete("/{port}/{date}", async Task<Results<Ok<GetSchedule.Schedule>, ValidationProblem, ProblemHttpResult>> (
                string port, string date, ResetSchedule reset, Problems problems, ClaimsPrincipal user, CancellationToken ct) =>
                IsoDates.Parse(date) is not { } serviceDate ? problems.InvalidDate(date) : ToResult(problems, await reset.Handle(port, serviceDate, Actor(user), ct)))
            .WithName("ResetCapacity")
            .WithSummary("Drops a port's overrides on a date so the template applies again, until the date's draw is announced.");

        return group;
    }

    /// <summary>Who changed the schedule, as the audit log names people: by e-mail.</summary>
    internal static string Actor(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.Email) ?? user.Identity?.Name ?? "unknown";

    private static Results<Ok<GetSchedule.Schedule>, ValidationProblem, ProblemHttpResult> ToResult(Problems problems, ScheduleChange.Outcome outcome) => outcome switch
    {
        ScheduleChange.Changed changed => TypedResults.Ok(changed.Schedule),
        ScheduleChange.Invalid invalid => problems.Validation(invalid.Errors),
        ScheduleChange.Frozen frozen => problems.Result(StatusCodes.Status409Conflict, ProblemCodes.ScheduleFrozen,
            IsoDates.Write(frozen.ServiceDate), frozen.WindowOpensAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)),
        ScheduleChange.PortNotFound missing => problems.PortNotFound(missing.Port),
        _ => throw new InvalidOperationException($"Unexpected outcome {outcome}."),
    };
}
