using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Puente.Web.Accounts;

namespace Puente.Web.Pathways.CheckIns;

public static class CheckInsApi
{
    public sealed record CheckInRequest(string? Pass);

    public static RouteGroupBuilder MapCheckInsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/checkins").WithTags("Check-in").RequireAuthorization(Roles.PortOfficer);

        group.MapPost("/", (CheckInRequest request, ClaimsPrincipal user, UserManager<PuenteUser> users, CheckInPass checkIn, CancellationToken ct) =>
                Handle(request, user, users, checkIn, confirm: true, ct))
            .WithName("CheckIn")
            .WithSummary("Checks in the group a pass admits: signature, port, today's date, then marks it used once.");

        group.MapPost("/verify", (CheckInRequest request, ClaimsPrincipal user, UserManager<PuenteUser> users, CheckInPass checkIn, CancellationToken ct) =>
                Handle(request, user, users, checkIn, confirm: false, ct))
            .WithName("VerifyPass")
            .WithSummary("The same checks as a check-in, without marking: who the pass admits, before confirming.");

        return group;
    }

    private static async Task<Results<Ok<CheckInPass.Admission>, ProblemHttpResult>> Handle(
        CheckInRequest request, ClaimsPrincipal user, UserManager<PuenteUser> users, CheckInPass checkIn, bool confirm, CancellationToken ct)
    {
        var result = await checkIn.Handle(request.Pass, users.GetUserId(user)!, confirm, ct);
        return result.Admission is { } admission
            ? TypedResults.Ok(admission)
            : TypedResults.Problem(statusCode: result.Refusal!.Status, title: result.Refusal.Title, detail: result.Refusal.Detail);
    }
}
