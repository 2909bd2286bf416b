using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Puente.Web.Database;
using Puente.Web.Accounts;
using Puente.Web.Pathways.Passes;

namespace Puente.Web.Pathways.Appointments;

public static class AppointmentsApi
{
    public static RouteGroupBuilder MapAppointmentsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/appointments").WithTags("Appointments").RequireAuthorization(Roles.Applicant);

        group.MapGet("/", async Task<Ok<List<ListAppointments.Item>>> (ClaimsPrincipal user, UserManager<PuenteUser> users, PuenteDb db, CancellationToken ct) =>
                TypedResults.Ok(await ListAppointments.Handle(db, users.GetUserId(user)!, ct)))
            .WithName("ListAppointments")
            .WithSummary("The caller's own appointments.");

        group.MapGet("/{id:guid}/pass", async Task<Results<Ok<IssuePass.Pass>, ProblemHttpResult>> (
                Guid id, ClaimsPrincipal user, UserManager<PuenteUser> users, IssuePass issue, CancellationToken ct) =>
                await issue.Handle(id, users.GetUserId(user)!, ct) is { } pass ? TypedResults.Ok(pass) : NotFound(id))
            .WithName("GetPass")
            .WithSummary("The signed pass of one of the caller's appointments: token, QR code (SVG) and what it shows.");

        group.MapPost("/{id:guid}/cancel", async Task<Results<NoContent, ProblemHttpResult>> (
                Guid id, ClaimsPrincipal user, UserManager<PuenteUser> users, CancelAppointment cancel, CancellationToken ct) =>
                (await cancel.Handle(id, users.GetUserId(user)!, ct)) switch
                {
                    { Outcome: CancelAppointment.Outcome.Cancelled } => TypedResults.NoContent(),
                    { Outcome: CancelAppointment.Outcome.Rejected, Rejection: { } rejection } => TypedResults.Problem(
                        statusCode: StatusCodes.Status409Conflict, title: "The appointment cannot be cancelled", detail: rejection.Reason),
                    _ => NotFound(id),
                })
            .WithName("CancelAppointment")
            .WithSummary("Cancels one of the caller's booked appointments.");

        return group;
    }

    // Someone else's appointment is indistinguishable from one that does not exist.
    private static ProblemHttpResult NotFound(Guid id) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound, title: "Appointment not found", detail: $"You have no appointment {id}.");
}
