using Microsoft.EntityFrameworkCore;
using Puente.Domain.Pathways.Draws;
using Puente.Web.Database;
using Puente.Web.Pathways.Draws;

namespace Puente.Web.Pathways.Requests;

/// <summary>The service dates whose request window is open now, each with the ports it offers.</summary>
internal sealed class ListOpenDates(PuenteDb db, TimeProvider clock, PublishedAnnouncements announcements)
{
    public sealed record OpenDate(DateOnly ServiceDate, DateTimeOffset ClosesAt, IReadOnlyList<(string Code, string Name)> Ports);

    public async Task<List<OpenDate>> Handle(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var days = await db.DrawDays.AsNoTracking()
            .Where(d => d.Status == DrawStatus.Announced && d.OpensAt <= now && d.ClosesAt > now)
            .OrderBy(d => d.ServiceDate)
            .Select(d => new { d.ServiceDate, d.ClosesAt, d.Announcement })
            .ToListAsync(cancellationToken);
        var names = await db.Ports.AsNoTracking().ToDictionaryAsync(p => p.Code, p => p.Name, cancellationToken);
        return days.Select(d => new OpenDate(d.ServiceDate, d.ClosesAt,
            announcements.Of(d.ServiceDate, d.Announcement).Ports.Select(p => (p.Code, names.GetValueOrDefault(p.Code, p.Code))).ToList())).ToList();
    }
}
