using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Puente.Web.Pathways.Draws;

internal sealed class DrawsIndexModel(ListDraws list) : PageModel
{
    public IReadOnlyList<ListDraws.Row> Draws { get; private set; } = [];

    public async Task OnGet(CancellationToken ct) => Draws = await list.Handle(60, ct);
}
