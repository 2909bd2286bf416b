using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Puente.Web.Accounts;
using Puente.Web.Database;
using Puente.Web.Hosting;

namespace Puente.Web.Protection.Cases;

internal static class CasesApi
{
    /// <summary>Caseworkers and supervisors; the rows each sees are scoped in the query.</summary>
    public static readonly AuthorizeAttribute CaseStaff = new() { Roles = $"{Roles.Caseworker},{Roles.Supervisor}" };

    public sealed record VersionResponse(int Version);

    public static RouteGroupBuilder MapCasesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/protection/cases").WithTags("Protection").RequireAuthorization(CaseStaff);

        group.MapPost("/", async Task<Results<Created<OpenCase.Opened>, ValidationProblem>> (
                OpenCase.Command command, ClaimsPrincipal user, PuenteDb db, OpenCase open, Problems problems, CancellationToken ct) =>
                await open.Handle(command, await CaseActor.Of(user, db, ct), ct) switch
                {
                    OpenCase.Opened opened => TypedResults.Created($"/api/protection/cases/{opened.Id}", opened),
                    OpenCase.Invalid invalid => problems.Validation(invalid.Errors),
                    var other => throw new InvalidOperationException($"Unexpected outcome {other}."),
                })
            .WithName("OpenCase")
            .WithSummary("Intake: opens a case routed to the consulate with jurisdiction over where the person is today.");

        group.MapGet("/queue/{queue}", async Task<Results<Ok<List<FindCases.Summary>>, ProblemHttpResult>> (
                string queue, ClaimsPrincipal user, PuenteDb db, FindCases find, Problems problems, CancellationToken ct) =>
                Enum.TryParse<FindCases.Queue>(queue, ignoreCase: true, out var which) && !int.TryParse(queue, out _)
                    ? TypedResults.Ok(await find.InQueue(which, await CaseActor.Of(user, db, ct), ct))
                    : problems.Result(StatusCodes.Status404NotFound, ProblemCodes.CaseQueueUnknown, queue))
            .WithName("ListCaseQueue")
            .WithSummary("A workqueue: mine, unassigned (in my consulate) or overdue; summaries only.");

        group.MapGet("/search", async Task<Results<Ok<List<FindCases.Summary>>, ProblemHttpResult>> (
                string? number, string? name, ClaimsPrincipal user, PuenteDb db, FindCases find, Problems problems, CancellationToken ct) =>
                await find.Search(number, name, await CaseActor.Of(user, db, ct), ct) is { } found
                    ? TypedResults.Ok(found)
                    : problems.Result(StatusCodes.Status400BadRequest, ProblemCodes.CaseSearchTooShort))
            .WithName("SearchCases")
            .WithSummary("Finds cases in the caller's scope by case number, or by name (a word of at least three letters); summaries only.");

        group.MapGet("/{id:guid}", async Task<Results<Ok<GetCase.Record>, ProblemHttpResult>> (
                Guid id, ClaimsPrincipal user, PuenteDb db, GetCase get, Problems problems, CancellationToken ct) =>
                await get.Handle(id, await CaseActor.Of(user, db, ct), ct) switch
                {
                    GetCase.Opened opened => TypedResults.Ok(opened.Record),
                    GetCase.Closed { Holder: { } holder } => problems.Result(StatusCodes.Status403Forbidden, ProblemCodes.CaseHeldByOther,
                        new Dictionary<string, object?> { ["holder"] = holder }, holder),
                    GetCase.Closed => problems.Result(StatusCodes.Status403Forbidden, ProblemCodes.CaseNotHeld),
                    _ => NotFound(problems, id),
                })
            .WithName("GetCase")
            .WithSummary("The full record, for the caseworker holding the case and for supervisors; every opening is audited.");

        group.MapGet("/{id:guid}/history", async Task<Results<Ok<List<GetCaseHistory.Entry>>, ProblemHttpResult>> (
                Guid id, ClaimsPrincipal user, PuenteDb db, GetCaseHistory history, Problems problems, CancellationToken ct) =>
                await history.Handle(id, await CaseActor.Of(user, db, ct), ct) is { } entries ? TypedResults.Ok(entries) : NotFound(problems, id))
            .WithName("GetCaseHistory")
            .WithSummary("The case's audit trail: every change and every opening of the full record.");

        group.MapPost("/{id:guid}/assign", async Task<Results<Ok<VersionResponse>, ValidationProblem, ProblemHttpResult>> (
                Guid id, AssignCase.Command command, ClaimsPrincipal user, PuenteDb db, AssignCase assign, Problems problems, CancellationToken ct) =>
                ToResult(problems, id, await assign.Handle(id, command, await CaseActor.Of(user, db, ct), ct)))
            .WithName("AssignCase")
            .WithSummary("Takes an unassigned case (caseworker) or assigns it to a caseworker of its consulate (supervisor).");

        group.MapPost("/{id:guid}/transitions", async Task<Results<Ok<VersionResponse>, ValidationProblem, ProblemHttpResult>> (
                Guid id, MoveCase.Command command, ClaimsPrincipal user, PuenteDb db, MoveCase move, Problems problems, CancellationToken ct) =>
                ToResult(problems, id, await move.Handle(id, command, await CaseActor.Of(user, db, ct), ct)))
            .WithName("MoveCase")
            .WithSummary("Start, wait, resume, resolve, close or reopen (with a reason); illegal moves are refused with 409.");

        group.MapPost("/{id:guid}/notes", async Task<Results<Ok<VersionResponse>, ValidationProblem, ProblemHttpResult>> (
                Guid id, AddNote.Command command, ClaimsPrincipal user, PuenteDb db, AddNote note, Problems problems, CancellationToken ct) =>
                ToResult(problems, id, await note.Handle(id, command, await CaseActor.Of(user, db, ct), ct)))
            .WithName("AddCaseNote")
            .WithSummary("Adds a note to a case the caller holds.");

        group.MapPatch("/{id:guid}", async Task<Results<Ok<VersionResponse>, ValidationProblem, ProblemHttpResult>> (
                Guid id, UpdateCase.Command command, ClaimsPrincipal user, PuenteDb db, UpdateCase update, Problems problems, CancellationToken ct) =>
                ToResult(problems, id, await update.Handle(id, command, await CaseActor.Of(user, db, ct), ct)))
            .WithName("UpdateCase")
            .WithSummary("Corrects urgency, subtype, contacts or narrative; a stale version gets 409 with what changed.");

        group.MapPost("/{id:guid}/transfer", async Task<Results<Ok<VersionResponse>, ValidationProblem, ProblemHttpResult>> (
                Guid id, TransferCase.Command command, ClaimsPrincipal user, PuenteDb db, TransferCase transfer, Problems problems, CancellationToken ct) =>
                ToResult(problems, id, await transfer.Handle(id, command, await CaseActor.Of(user, db, ct), ct)))
            .RequireAuthorization(Roles.Supervisor)
            .WithName("TransferCase")
            .WithSummary("A supervisor hands the case to another consulate, with a reason.");

        return group;
    }

    public static Results<Ok<VersionResponse>, ValidationProblem, ProblemHttpResult> ToResult(Problems problems, Guid id, CaseChange.Outcome outcome) => outcome switch
    {
        CaseChange.Changed changed => TypedResults.Ok(new VersionResponse(changed.Version)),
        CaseChange.Invalid invalid => problems.Validation(invalid.Errors),
        CaseChange.HeldBy held => problems.Result(StatusCodes.Status409Conflict, ProblemCodes.CaseHeldByOther,
            new Dictionary<string, object?> { ["holder"] = held.Holder }, held.Holder),
        CaseChange.NotHeld => problems.Result(StatusCodes.Status409Conflict, ProblemCodes.CaseNotHeld),
        CaseChange.Stale stale => problems.Result(StatusCodes.Status409Conflict, ProblemCodes.CaseStale,
            new Dictionary<string, object?> { ["currentVersion"] = stale.CurrentVersion, ["changes"] = stale.Changes },
            stale.CurrentVersion.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        CaseChange.Refused refused => problems.Result(StatusCodes.Status409Conflict, ProblemCodes.CaseTransitionRefused,
            new Dictionary<string, object?> { ["from"] = refused.Rejection.From.ToString(), ["action"] = refused.Rejection.Action.ToString() },
            refused.Rejection.Action.ToString(), refused.Rejection.From.ToString()),
        _ => NotFound(problems, id),
    };

    // A case of another consulate is indistinguishable from one that does not exist.
    private static ProblemHttpResult NotFound(Problems problems, Guid id) =>
        problems.Result(StatusCodes.Status404NotFound, ProblemCodes.CaseNotFound, id.ToString());
}
