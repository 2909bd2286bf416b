using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Puente.Web.Database;
using Puente.Web.Features.Accounts;
using Puente.Web.Features.Pathways;

namespace Puente.Web.Features.Apply;

[Authorize(Policy = Roles.Applicant)]
public sealed class ReceiptModel(PuenteDb db, UserManager<PuenteUser> users) : PageModel
{
    public RequestReceipt? Receipt { get; private set; }

    public async Task<IActionResult> OnGet(Guid id, CancellationToken ct)
    {
        var userId = users.GetUserId(User);
        var row = await db.Requests.AsNoTracking()
            .Where(r => r.Id == id && r.ApplicantUserId == userId)
            .Select(RequestReceipt.Row)
            .FirstOrDefaultAsync(ct);
        if (row is null)
        {
            return NotFound();
        }
        Receipt = row.ToReceipt();
        return Page();
    }
}
