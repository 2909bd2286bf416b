using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Puente.Web.Ports;

internal sealed class PortDetailModel(GetPort get) : PageModel
{
    public PortResponse? Port { get; private set; }

    public async Task<IActionResult> OnGet(string code, CancellationToken cancellationToken)
    {
        Port = await get.Handle(code, cancellationToken);
        return Port is null ? NotFound() : Page();
    }
}
