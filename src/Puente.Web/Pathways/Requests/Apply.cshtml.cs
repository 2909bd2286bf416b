using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Puente.Domain.Pathways.Draws;
using Puente.Domain.Pathways.Requests;
using Puente.Web.Accounts;
using Puente.Web.Database;
using Puente.Web.Hosting;
using Puente.Web.Pathways;
using Puente.Web.Pathways.Appointments;
using Puente.Web.Pathways.Draws;
using Puente.Web.Pathways.Registration;
using Puente.Web.Pathways.Requests;

namespace Puente.Web.Pathways.Requests;

/// <summary>The applicant's home: who travels, open dates to request, and their requests.</summary>
[Authorize(Policy = Roles.Applicant)]
[QueuedSubmission]
internal sealed class IndexModel(
    UserManager<PuenteUser> users, SubmitRequest submit, WithdrawRequest withdraw, Hosting.Problems problemText,
    GetRegistration registrations, ListOpenDates openDates, ListRequests requests, Ports.PortNames portNames) : PageModel
{
    public sealed record Traveller(Guid Id, string Name, DateOnly BirthDate);

    public IReadOnlyList<Traveller> Travellers { get; private set; } = [];
    public IReadOnlyList<ListOpenDates.OpenDate> OpenDates { get; private set; } = [];
    public IReadOnlyList<RequestReceipt> Requests { get; private set; } = [];
    public ListOpenDates.NextWindow? Next { get; private set; }
    public IReadOnlyDictionary<string, Ports.PortNames.Port> PortNames { get; private set; } = new Dictionary<string, Ports.PortNames.Port>();
    public DateOnly? RegisteredOn { get; private set; }
    public string IdempotencyKey { get; private set; } = Guid.NewGuid().ToString("N");
    public List<string> Problems { get; } = [];
    public IReadOnlyList<FieldError> FieldErrors { get; private set; } = [];
    public string? ProblemDetail { get; private set; }

    [BindProperty] public DateOnly? ServiceDate { get; set; }
    [BindProperty] public List<string> Ports { get; set; } = [];
    [BindProperty] public List<Guid> TravellerIds { get; set; } = [];
    [BindProperty] public bool Reenter { get; set; }

    public async Task<IActionResult> OnGet(CancellationToken ct)
    {
        if (!await registrations.IsVerified(users.GetUserId(User)!, ct))
        {
            return RedirectToPage("/Pathways/Registration/Verify");
        }
        await Load(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRequest(string? idempotencyKey, CancellationToken ct)
    {
        var ports = Ports.Where(p => !string.IsNullOrWhiteSpace(p)).ToList();
        var outcome = await submit.Handle(users.GetUserId(User)!, new SubmitRequest.Command(ServiceDate, ports, TravellerIds, Reenter),
            string.IsNullOrWhiteSpace(idempotencyKey) ? null : idempotencyKey, cancellationToken: ct);
        switch (outcome)
        {
            case SubmitRequest.Submitted s:
                return RedirectToPage("/Pathways/Requests/Receipt", new { id = s.Receipt.Id });
            case SubmitRequest.Unverified:
                return RedirectToPage("/Pathways/Registration/Verify");
            case SubmitRequest.Invalid invalid:
                FieldErrors = invalid.Errors;
                break;
            case SubmitRequest.WindowNotOpen:
                Problems.Add("Apply_WindowClosed");
                break;
            case SubmitRequest.KeyReused:
                Problems.Add("Apply_KeyReused");
                break;
            case SubmitRequest.Conflict conflict:
                Problems.Add("Apply_Conflict");
                ProblemDetail = problemText.Detail(conflict.Code, [.. conflict.Arguments]);
                break;
        }
        await Load(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostWithdraw(Guid id, CancellationToken ct)
    {
        // Withdrawn already (a second tap on a slow connection) needs no message: the list shows it gone.
        if (await withdraw.Handle(users.GetUserId(User)!, id, ct) is WithdrawRequest.WindowClosed or WithdrawRequest.Refused { Rejection.From: not RequestStatus.Withdrawn })
        {
            Problems.Add("Apply_TooLateToWithdraw");
            await Load(ct);
            return Page();
        }
        return RedirectToPage();
    }

    private async Task Load(CancellationToken ct)
    {
        var userId = users.GetUserId(User)!;
        var registration = await registrations.Handle(userId, ct);
        RegisteredOn = registration?.RegisteredOn;
        Travellers = registration?.Travellers.Select(t => new Traveller(t.Id, $"{t.GivenNames} {t.FamilyNames}", t.BirthDate)).ToList() ?? [];
        OpenDates = await openDates.Handle(ct);
        Next = OpenDates.Count == 0 ? await openDates.Next(ct) : null;
        PortNames = await portNames.Handle(ct);
        Requests = await requests.Handle(userId, includeWithdrawn: false, ct);
    }
}
