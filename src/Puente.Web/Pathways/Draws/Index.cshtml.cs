using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Puente.Web.Database;
using Puente.Domain.Pathways.Draws;

namespace Puente.Web.Pathways.Draws;

internal sealed class DrawsIndexModel(PuenteDb db) : PageModel
{
    public sealed record Row(DateOnly ServiceDate, DrawStatus Status, int Entries, int Selected);

    public IReadOnlyList<Row> Draws { get; private set; } = [];

    public async Task OnGet(CancellationToken ct) =>
        Draws = await db.DrawDays.AsNoTracking()
            .OrderByDescending(d => d.ServiceDate)
            .Take(60)
            .Select(d => new Row(d.ServiceDate, d.Status, d.EntryCount, d.SelectedCount))
            .ToListAsync(ct);
}
