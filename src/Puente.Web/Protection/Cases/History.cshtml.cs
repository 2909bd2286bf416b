using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Puente.Web.Database;

namespace Puente.Web.Protection.Cases;

/// <summary>A case's audit trail, read from the platform's audit log.</summary>
[Authorize(Roles = "Caseworker,Supervisor")]
internal sealed class HistoryModel(PuenteDb db, GetCaseHistory history, Puente.Web.Protection.Jurisdiction.FindJurisdiction jurisdiction) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }

    public IReadOnlyList<GetCaseHistory.Entry> Entries { get; private set; } = [];

    /// <summary>The case's consulate's zone, in which the entries' times are shown.</summary>
    public string TimeZone { get; private set; } = "UTC";

    public async Task<IActionResult> OnGet(CancellationToken ct)
    {
        if (await history.Handle(Id, await CaseActor.Of(User, db, ct), ct) is not { } entries)
        {
            return NotFound();
        }
        Entries = entries;
        // Read only once the history's own scoping let this person see the case.
        TimeZone = jurisdiction.TimeZoneOf(await db.ProtectionCases.Where(c => c.Id == Id).Select(c => c.ConsulateCode).FirstOrDefaultAsync(ct));
        return Page();
    }
}
