using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Puente.Web.Ports.Status;

/// <summary>The public page: every crossing's lanes at every port.</summary>
internal sealed class PortStatusIndexModel(GetPortStatus get) : PageModel
{
    public IReadOnlyList<GetPortStatus.PortStatus> Ports { get; private set; } = [];

    public async Task OnGet(CancellationToken cancellationToken) => Ports = await get.All(cancellationToken);
}
