using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Puente.Domain.Pathways.Requests;
using Puente.Web.Accounts;
using Puente.Web.Database;
using Puente.Web.Hosting;
using Puente.Web.Pathways;
using Puente.Web.Pathways.Appointments;
using Puente.Web.Pathways.Draws;
using Puente.Web.Pathways.Registration;

namespace Puente.Web.Pathways.Requests;

internal static class PathwaysApi
{
    public static IEndpointRouteBuilder MapPathwaysApi(this IEndpointRouteBuilder app)
    {
        var mine = app.MapGroup("/api").WithTags("Pathways").RequireAuthorization(Roles.Applicant);
        mine.MapPost("/requests", Submit)
            .WithMetadata(new QueuedSubmissionAttribute(), new SessionCheck.ComparedByHandlerAttribute())
            .WithSummary("Request an appointment for a service date: 1–3 ports and who travels. Honours Idempotency-Key.");
        mine.MapGet("/requests", ListMine).WithSummary("The caller's requests, newest date first.");
        mine.MapGet("/requests/{id:guid}", GetMine).WithSummary("One of the caller's requests.");
        mine.MapDelete("/requests/{id:guid}", Withdraw).WithSummary("Withdraw a request while its window is open.");
        return app;
    }

    public static async Task<Results<Created<RequestReceipt>, Ok<RequestReceipt>, ValidationProblem, ProblemHttpResult, ChallengeHttpResult>> Submit(
        SubmitRequest.Command command,
        [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey,
        HttpContext context, UserManager<PuenteUser> users, SubmitRequest handler, Problems problems, CancellationToken ct)
    {
        // A bearer token not checked this minute is checked in the submission's own read (SessionCheck).
        var outcome = await handler.Handle(users.GetUserId(context.User)!, command, idempotencyKey, context.Features.Get<SessionCheck.Pending>(), ct);
        return outcome switch
        {
            SubmitRequest.SessionEnded => TypedResults.Challenge(),
            SubmitRequest.Submitted { Created: true } s => TypedResults.Created($"/api/requests/{s.Receipt.Id}", s.Receipt),
            SubmitRequest.Submitted s => TypedResults.Ok(s.Receipt),
            SubmitRequest.Invalid i => problems.Validation(i.Errors),
            SubmitRequest.Unverified => problems.Result(StatusCodes.Status403Forbidden, ProblemCodes.ContactUnverified),
            SubmitRequest.WindowNotOpen w => problems.Result(
                StatusCodes.Status409Conflict, ProblemCodes.WindowNotOpen,
                new Dictionary<string, object?> { ["opensAt"] = w.OpensAt, ["closesAt"] = w.ClosesAt },
                Hosting.IsoDates.Write(w.ServiceDate), w.OpensAt.ToString("u", CultureInfo.InvariantCulture), w.ClosesAt.ToString("u", CultureInfo.InvariantCulture)),
            SubmitRequest.Conflict c => problems.Result(StatusCodes.Status409Conflict, c.Code, [.. c.Arguments]),
            SubmitRequest.KeyReused k => problems.Result(
                StatusCodes.Status422UnprocessableEntity, ProblemCodes.KeyReused, Hosting.IsoDates.Write(k.EarlierServiceDate)),
            _ => throw new InvalidOperationException(outcome.ToString()),
        };
    }

    public static async Task<Ok<List<RequestReceipt>>> ListMine(ClaimsPrincipal user, UserManager<PuenteUser> users, ListRequests requests, CancellationToken ct) =>
        TypedResults.Ok(await requests.Handle(users.GetUserId(user)!, includeWithdrawn: true, ct));

    public static async Task<Results<Ok<RequestReceipt>, ProblemHttpResult>> GetMine(
        Guid id, ClaimsPrincipal user, UserManager<PuenteUser> users, ListRequests requests, Problems problems, CancellationToken ct) =>
        await requests.One(users.GetUserId(user)!, id, ct) is { } receipt ? TypedResults.Ok(receipt) : RequestNotFound(problems, id);

    public static async Task<Results<NoContent, ProblemHttpResult>> Withdraw(
        Guid id, ClaimsPrincipal user, UserManager<PuenteUser> users, WithdrawRequest handler, Problems problems, CancellationToken ct) =>
        await handler.Handle(users.GetUserId(user)!, id, ct) switch
        {
            WithdrawRequest.Withdrawn => TypedResults.NoContent(),
            WithdrawRequest.NotFound => RequestNotFound(problems, id),
            WithdrawRequest.Refused { Rejection.From: RequestStatus.Withdrawn } => problems.Result(StatusCodes.Status409Conflict, ProblemCodes.AlreadyWithdrawn),
            WithdrawRequest.WindowClosed or WithdrawRequest.Refused => problems.Result(StatusCodes.Status409Conflict, ProblemCodes.TooLateToWithdraw),
            var other => throw new InvalidOperationException($"Unexpected outcome {other}."),
        };

    private static ProblemHttpResult RequestNotFound(Problems problems, Guid id) =>
        problems.Result(StatusCodes.Status404NotFound, ProblemCodes.RequestNotFound, id.ToString());
}
