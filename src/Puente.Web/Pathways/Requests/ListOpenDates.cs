using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Puente.Domain.Pathways.Draws;
using Puente.Web.Database;
using Puente.Web.Pathways.Draws;

namespace Puente.Web.Pathways.Requests;

/// <summary>
/// The service dates whose request window is open now, each with the ports it offers (and their
/// zones, to show the window's close in the applicant's local time); or, when none is, the next opening.
/// </summary>
internal sealed class ListOpenDates(PuenteDb db, TimeProvider clock, PublishedAnnouncements announcements, IOptions<PathwaysOptions> options)
{
    public sealed record OpenDate(DateOnly ServiceDate, DateTimeOffset ClosesAt, IReadOnlyList<(string Code, string Name)> Ports, IReadOnlyList<string> TimeZones);

    /// <summary>When the next request window opens, and the zones of the ports that may be requested.</summary>
    public sealed record NextWindow(DateTimeOffset OpensAt, IReadOnlyList<string> TimeZones);

    public async Task<List<OpenDate>> Handle(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var days = await db.DrawDays.AsNoTracking()
            .Where(d => d.Status == DrawStatus.Announced && d.OpensAt <= now && d.ClosesAt > now)
            .OrderBy(d => d.ServiceDate)
            .Select(d => new { d.ServiceDate, d.ClosesAt, d.Announcement })
            .ToListAsync(cancellationToken);
        var ports = await db.Ports.AsNoTracking().ToDictionaryAsync(p => p.Code, p => new { p.Name, p.TimeZone }, cancellationToken);
        return days.Select(d =>
        {
            var codes = announcements.Of(d.ServiceDate, d.Announcement).Ports.Select(p => p.Code).ToList();
            return new OpenDate(d.ServiceDate, d.ClosesAt,
                codes.Select(c => (c, ports.TryGetValue(c, out var port) ? port.Name : c)).ToList(),
                codes.Where(ports.ContainsKey).Select(c => ports[c].TimeZone).Distinct().ToList());
        }).ToList();
    }

    /// <summary>The first window that opens after now, from the published rule (every date has one).</summary>
    public async Task<NextWindow> Next(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var window = options.Value.Window;
        var date = DateOnly.FromDateTime(now.UtcDateTime);
        while (window.OpensAt(date) <= now)
        {
            date = date.AddDays(1);
        }
        var zones = await db.Ports.AsNoTracking().Select(p => p.TimeZone).Distinct().ToListAsync(cancellationToken);
        return new NextWindow(window.OpensAt(date), zones);
    }
}
