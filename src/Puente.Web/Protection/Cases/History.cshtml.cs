using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Puente.Web.Database;

namespace Puente.Web.Protection.Cases;

/// <summary>A case's audit trail, read from the platform's audit log.</summary>
[Authorize(Roles = "Caseworker,Supervisor")]
internal sealed class HistoryModel(PuenteDb db, GetCaseHistory history) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }

    public IReadOnlyList<GetCaseHistory.Entry> Entries { get; private set; } = [];

    public async Task<IActionResult> OnGet(CancellationToken ct)
    {
        if (await history.Handle(Id, await CaseActor.Of(User, db, ct), ct) is not { } entries)
        {
            return NotFound();
        }
        Entries = entries;
        return Page();
    }
}
