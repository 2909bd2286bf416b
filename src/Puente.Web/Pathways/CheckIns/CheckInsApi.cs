using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Puente.Domain.Pathways.Appointments;
using Puente.Web.Accounts;
using Puente.Web.Hosting;

namespace Puente.Web.Pathways.CheckIns;

internal static class CheckInsApi
{
    /// <summary><see cref="Present"/>: on a check-in, the travellers the officer saw (ids from the manifest); absent, the whole group.</summary>
    public sealed record CheckInRequest(string? Pass, IReadOnlyList<Guid>? Present = null);

    public static RouteGroupBuilder MapCheckInsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/checkins").WithTags("Check-in").RequireAuthorization(Roles.PortOfficer);

        group.MapPost("/", (CheckInRequest request, ClaimsPrincipal user, UserManager<PuenteUser> users, CheckInPass checkIn, Problems problems, LocalTimes times, CancellationToken ct) =>
                Handle(request, user, users, checkIn, problems, times, confirm: true, ct))
            .WithName("CheckIn")
            .WithSummary("Checks in the group a pass admits: signature, port, today's date, then marks it used once.");

        group.MapPost("/verify", (CheckInRequest request, ClaimsPrincipal user, UserManager<PuenteUser> users, CheckInPass checkIn, Problems problems, LocalTimes times, CancellationToken ct) =>
                Handle(request, user, users, checkIn, problems, times, confirm: false, ct))
            .WithName("VerifyPass")
            .WithSummary("The same checks as a check-in, without marking: who the pass admits, before confirming.");

        group.MapGet("/photos/{travellerId:guid}", GetPhoto)
            .WithName("TravellerPhoto")
            .WithSummary("The photo of a traveller booked today at one of the officer's ports; never cached.");

        group.MapGet("/manifest", GetManifest)
            .WithName("BoothManifest")
            .WithSummary("Today's manifest for each of the officer's ports, for a booth that may go offline: live passes, groups as registered, small photos. Audited; never cached.");

        return group;
    }

    private static async Task<Ok<IReadOnlyList<DownloadManifest.PortManifest>>> GetManifest(
        ClaimsPrincipal user, UserManager<PuenteUser> users, DownloadManifest download, HttpContext http, CancellationToken ct)
    {
        var manifests = await download.Handle(users.GetUserId(user)!, ct);
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(manifests);
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetPhoto(
        Guid travellerId, ClaimsPrincipal user, UserManager<PuenteUser> users, GetTravellerPhoto photos, Problems problems, HttpContext http, CancellationToken ct)
    {
        if (await photos.Handle(users.GetUserId(user)!, travellerId, ct) is not { } jpeg)
        {
            return problems.Result(StatusCodes.Status404NotFound, ProblemCodes.NotFound);
        }
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.File(jpeg, "image/jpeg");
    }

    private static async Task<Results<Ok<CheckInPass.Admission>, ProblemHttpResult>> Handle(
        CheckInRequest request, ClaimsPrincipal user, UserManager<PuenteUser> users, CheckInPass checkIn, Problems problems, LocalTimes times, bool confirm, CancellationToken ct)
    {
        return await checkIn.Handle(request.Pass, users.GetUserId(user)!, confirm, request.Present, ct) switch
        {
            CheckInPass.Admitted admitted => TypedResults.Ok(admitted.Admission),
            CheckInPass.Refused refused => Problem(problems, times, refused.Refusal),
            var other => throw new InvalidOperationException($"Unexpected outcome {other}."),
        };
    }

    private static ProblemHttpResult Problem(Problems problems, LocalTimes times, CheckInPass.Refusal refusal)
    {
        var (status, code) = refusal.Kind switch
        {
            CheckInPass.Refusals.InvalidSignature => (StatusCodes.Status422UnprocessableEntity, ProblemCodes.InvalidSignature),
            CheckInPass.Refusals.OtherPort => (StatusCodes.Status403Forbidden, ProblemCodes.OtherPort),
            CheckInPass.Refusals.OtherDate => (StatusCodes.Status409Conflict, ProblemCodes.OtherDate),
            CheckInPass.Refusals.UnknownPass => (StatusCodes.Status404NotFound, ProblemCodes.UnknownPass),
            CheckInPass.Refusals.AlreadyUsed => (StatusCodes.Status409Conflict, ProblemCodes.AlreadyUsed),
            CheckInPass.Refusals.IdentityAlreadyAdmitted => (StatusCodes.Status409Conflict, ProblemCodes.IdentityAlreadyAdmitted),
            CheckInPass.Refusals.NobodyPresent => (StatusCodes.Status400BadRequest, ProblemCodes.NobodyPresent),
            CheckInPass.Refusals.Replaced => (StatusCodes.Status409Conflict, ProblemCodes.PassReplaced),
            _ => (StatusCodes.Status409Conflict, Enum.Parse<AppointmentStatus>(refusal.Arguments[0]) switch
            {
                AppointmentStatus.Cancelled => ProblemCodes.PassCancelled,
                AppointmentStatus.NoShow => ProblemCodes.PassNoShow,
                _ => ProblemCodes.PassCheckedIn,
            }),
        };
        return problems.Result(status, code, refusal.TextArguments(times));
    }
}
