using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Puente.Domain.Pathways.Appointments;
using Puente.Web.Accounts;
using Puente.Web.Database;
using Puente.Web.Hosting;
using Puente.Web.Pathways.Passes;

namespace Puente.Web.Pathways.Appointments;

internal static class AppointmentsApi
{
    public static RouteGroupBuilder MapAppointmentsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/appointments").WithTags("Appointments").RequireAuthorization(Roles.Applicant);

        group.MapGet("/", async Task<Ok<List<ListAppointments.Item>>> (ClaimsPrincipal user, UserManager<PuenteUser> users, ListAppointments list, CancellationToken ct) =>
                TypedResults.Ok(await list.Handle(users.GetUserId(user)!, ct)))
            .WithName("ListAppointments")
            .WithSummary("The caller's own appointments.");

        group.MapGet("/{id:guid}/pass", async Task<Results<Ok<GetPass.Pass>, ProblemHttpResult>> (
                Guid id, ClaimsPrincipal user, UserManager<PuenteUser> users, GetPass getPass, Problems problems, CancellationToken ct) =>
                await getPass.Handle(id, users.GetUserId(user)!, ct) is { } pass ? TypedResults.Ok(pass) : NotFound(problems, id))
            .WithName("GetPass")
            .WithSummary("The signed pass of one of the caller's appointments: token, QR code (SVG) and what it shows.");

        group.MapGet("/{id:guid}/pass.png", (Guid id, ClaimsPrincipal user, DownloadPass download, CancellationToken ct) =>
                download.Handle(id, user, PassPng.Render, "image/png", "png", ct))
            .WithName("GetPassPng")
            .WithSummary("The pass as a PNG to keep on the phone: its QR code and its text, in the caller's language.");

        group.MapGet("/{id:guid}/pass.pdf", (Guid id, ClaimsPrincipal user, DownloadPass download, CancellationToken ct) =>
                download.Handle(id, user, PassPdf.Render, "application/pdf", "pdf", ct))
            .WithName("GetPassPdf")
            .WithSummary("The pass as a one-page PDF to print: its QR code and its text, in the caller's language.");

        group.MapPost("/{id:guid}/cancel", async Task<Results<NoContent, ProblemHttpResult>> (
                Guid id, ClaimsPrincipal user, UserManager<PuenteUser> users, CancelAppointment cancel, Problems problems, CancellationToken ct) =>
                (await cancel.Handle(id, users.GetUserId(user)!, ct)) switch
                {
                    CancelAppointment.Cancelled => TypedResults.NoContent(),
                    CancelAppointment.Refused refused => problems.Result(StatusCodes.Status409Conflict, CancelRefused(refused.Rejection.From)),
                    _ => NotFound(problems, id),
                })
            .WithName("CancelAppointment")
            .WithSummary("Cancels one of the caller's booked appointments.");

        return group;
    }

    // Someone else's appointment is indistinguishable from one that does not exist.
    public static ProblemHttpResult NotFound(Problems problems, Guid id) =>
        problems.Result(StatusCodes.Status404NotFound, ProblemCodes.AppointmentNotFound, id.ToString());

    private static string CancelRefused(AppointmentStatus from) => from switch
    {
        AppointmentStatus.Cancelled => ProblemCodes.AlreadyCancelled,
        AppointmentStatus.CheckedIn => ProblemCodes.CancelAfterCheckIn,
        AppointmentStatus.NoShow => ProblemCodes.CancelNoShow,
        _ => throw new InvalidOperationException($"Cancelling is not refused from {from}."),
    };
}
