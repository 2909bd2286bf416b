using Microsoft.EntityFrameworkCore;
using Puente.Domain.Pathways.Draws;
using Puente.Web.Database;

namespace Puente.Web.Pathways.Draws;

/// <summary>The latest draws, newest first, for the public list.</summary>
internal sealed class ListDraws(PuenteDb db)
{
    public sealed record Row(DateOnly ServiceDate, DrawStatus Status, int Entries, int Selected);

    public async Task<List<Row>> Handle(int count, CancellationToken cancellationToken = default) =>
        await db.DrawDays.AsNoTracking()
            .OrderByDescending(d => d.ServiceDate)
            .Take(count)
            .Select(d => new Row(d.ServiceDate, d.Status, d.EntryCount, d.SelectedCount))
            .ToListAsync(cancellationToken);
}
