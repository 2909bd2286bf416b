using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Puente.Web.Ports;

internal sealed class PortsIndexModel(ListPorts list) : PageModel
{
    public IReadOnlyList<PortResponse> Ports { get; private set; } = [];

    public async Task OnGet(CancellationToken cancellationToken) =>
        Ports = await list.Handle(cancellationToken);
}
