using Microsoft.AspNetCore.Mvc.RazorPages;
using Puente.Web.Database;

namespace Puente.Web.Ports;

internal sealed class PortsIndexModel(PuenteDb db) : PageModel
{
    public IReadOnlyList<PortResponse> Ports { get; private set; } = [];

    public async Task OnGet(CancellationToken cancellationToken) =>
        Ports = await ListPorts.Handle(db, cancellationToken);
}
