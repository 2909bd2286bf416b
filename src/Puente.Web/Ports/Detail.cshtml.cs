using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Puente.Web.Ports.Closures;

namespace Puente.Web.Ports;

internal sealed class PortDetailModel(GetPort get, ListClosureCosts closures) : PageModel
{
    public PortResponse? Port { get; private set; }

    /// <summary>The port's closures, newest first, each with what it costs.</summary>
    public IReadOnlyList<ListClosureCosts.Closure> Closures { get; private set; } = [];

    public async Task<IActionResult> OnGet(string code, CancellationToken cancellationToken)
    {
        Port = await get.Handle(code, cancellationToken);
        if (Port is null)
        {
            return NotFound();
        }
        Closures = await closures.Handle(Port.Code, cancellationToken);
        return Page();
    }
}
