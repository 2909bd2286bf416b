using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Puente.Web.Accounts;
using Puente.Web.Database;
using Puente.Web.Pathways;
using Puente.Web.Pathways.Appointments;
using Puente.Web.Pathways.Registration;
using Puente.Web.Pathways.Requests;

namespace Puente.Web.Pathways.Requests;

[Authorize(Policy = Roles.Applicant)]
internal sealed class ReceiptModel(ListRequests requests, UserManager<PuenteUser> users, Ports.PortNames ports) : PageModel
{
    public RequestReceipt? Receipt { get; private set; }
    public IReadOnlyDictionary<string, Ports.PortNames.Port> PortNames { get; private set; } = new Dictionary<string, Ports.PortNames.Port>();

    public async Task<IActionResult> OnGet(Guid id, CancellationToken ct)
    {
        Receipt = await requests.One(users.GetUserId(User)!, id, ct);
        PortNames = await ports.Handle(ct);
        return Receipt is null ? NotFound() : Page();
    }
}
