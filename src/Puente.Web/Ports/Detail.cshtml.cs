using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Puente.Web.Database;

namespace Puente.Web.Ports;

internal sealed class PortDetailModel(PuenteDb db) : PageModel
{
    public PortResponse? Port { get; private set; }

    public async Task<IActionResult> OnGet(string code, CancellationToken cancellationToken)
    {
        Port = await GetPort.Handle(db, code, cancellationToken);
        return Port is null ? NotFound() : Page();
    }
}
