using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Puente.Domain.Protection.Cases;
using Puente.Web.Database;
using Puente.Web.Hosting;

namespace Puente.Web.Protection.Cases;

/// <summary>One case: the full record for its holder or a supervisor (each opening audited), else its summary and a way to take it.</summary>
[Authorize(Roles = "Caseworker,Supervisor")]
internal sealed class CaseModel(PuenteDb db, GetCase get, FindCases find, AssignCase assign, MoveCase move, AddNote note) : PageModel
{
    public sealed record Message(string Key, params object[] Arguments);

    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }

    public GetCase.Record? Record { get; private set; }
    public FindCases.Summary? Summary { get; private set; }
    public string? Holder { get; private set; }
    public string? Notice { get; private set; }
    public Message? Problem { get; private set; }
    public IReadOnlyList<CaseChange.Change> Changes { get; private set; } = [];

    /// <summary>The steps the transition table allows from where the case stands.</summary>
    public IEnumerable<CaseAction> Actions => Record is null ? [] :
        Enum.GetValues<CaseAction>().Where(a => a is not (CaseAction.Assign or CaseAction.Transfer) && CaseTransitions.Apply(Record.Status, a).Rejected is null);

    public async Task<IActionResult> OnGet(bool done, CancellationToken ct)
    {
        Notice = done ? "Case_Saved" : null;
        return await Load(ct);
    }

    public async Task<IActionResult> OnPostTake(int version, CancellationToken ct) =>
        await After(await assign.Handle(Id, new AssignCase.Command(version), await Actor(ct), ct), ct);

    public async Task<IActionResult> OnPostMove(int version, CaseAction? action, string? reason, CancellationToken ct) =>
        await After(await move.Handle(Id, new MoveCase.Command(version, action, reason), await Actor(ct), ct), ct);

    public async Task<IActionResult> OnPostNote(int version, string? text, CancellationToken ct) =>
        await After(await note.Handle(Id, new AddNote.Command(version, text), await Actor(ct), ct), ct);

    private Task<CaseActor> Actor(CancellationToken ct) => CaseActor.Of(User, db, ct);

    private async Task<IActionResult> After(CaseChange.Outcome outcome, CancellationToken ct)
    {
        switch (outcome)
        {
            case CaseChange.Changed:
                // Post, redirect, get: a reload does not repeat the step.
                return Redirect($"/Protection/Cases/{Id}?done=true");
            case CaseChange.NotFound:
                return NotFound();
            case CaseChange.HeldBy held:
                Problem = new Message($"Problem_{ProblemCodes.CaseHeldByOther}_Detail", held.Holder);
                break;
            case CaseChange.NotHeld:
                Problem = new Message($"Problem_{ProblemCodes.CaseNotHeld}_Detail");
                break;
            case CaseChange.Stale stale:
                Problem = new Message($"Problem_{ProblemCodes.CaseStale}_Detail", stale.CurrentVersion);
                Changes = stale.Changes;
                break;
            case CaseChange.Refused refused:
                Problem = new Message($"Problem_{ProblemCodes.CaseTransitionRefused}_Detail", refused.Rejection.Action, refused.Rejection.From);
                break;
            case CaseChange.Invalid invalid:
                Problem = new Message($"Field_{invalid.Errors[0].Code}", [.. invalid.Errors[0].Arguments]);
                break;
        }
        return await Load(ct);
    }

    private async Task<IActionResult> Load(CancellationToken ct)
    {
        var actor = await Actor(ct);
        switch (await get.Handle(Id, actor, ct))
        {
            case GetCase.Opened opened:
                Record = opened.Record;
                return Page();
            case GetCase.Closed closed:
                Holder = closed.Holder;
                Summary = await find.One(Id, actor, ct);
                return Page();
            default:
                return NotFound();
        }
    }
}
