using Microsoft.EntityFrameworkCore;
using Puente.Domain.Pathways.Appointments;
using Puente.Domain.Pathways.Draws;
using Puente.Domain.Pathways.Requests;
using Puente.Web.Database;

namespace Puente.Web.Binational.Figures;

/// <summary>Legal-pathway demand and supply for the service dates of a period, from requests, draws and appointments.</summary>
internal static class PathwayCounts
{
    public static async Task<PathwayFigures> Count(PuenteDb db, FigurePeriod period, CancellationToken cancellationToken)
    {
        var port = period.Port;
        // A request names up to three ports, comma-separated; a port filter keeps requests that name it.
        var requests = await db.Requests.AsNoTracking()
            .Where(r => r.ServiceDate >= period.From && r.ServiceDate <= period.To && r.Status != RequestStatus.Withdrawn)
            .Select(r => new { r.Ports, r.Size })
            .ToListAsync(cancellationToken);
        requests = [.. requests.Where(r => port is null || r.Ports.Split(',').Contains(port, StringComparer.Ordinal))];

        var draws = await db.DrawDays.AsNoTracking()
            .Where(d => d.ServiceDate >= period.From && d.ServiceDate <= period.To)
            .Select(d => new { d.ServiceDate, d.Announcement, d.DrawnAt })
            .ToListAsync(cancellationToken);
        var places = draws.Sum(d => DrawBundleJson.ParseAnnouncement(d.Announcement)?.Ports
            .Where(p => port is null || p.Code == port)
            .Sum(p => p.Slots.Sum(s => s.Capacity)) ?? 0);
        var drawnOn = draws.Where(d => d.DrawnAt is not null).ToDictionary(d => d.ServiceDate, d => DateOnly.FromDateTime(d.DrawnAt!.Value.UtcDateTime));

        var appointments = await db.Appointments.AsNoTracking()
            .Where(a => a.ServiceDate >= period.From && a.ServiceDate <= period.To && (port == null || a.PortCode == port))
            .Join(db.Requests, a => a.RequestId, r => r.Id, (a, r) => new { a.ServiceDate, a.GroupSize, a.Status, r.RegisteredOn })
            .ToListAsync(cancellationToken);
        var days = appointments.Where(a => drawnOn.ContainsKey(a.ServiceDate))
            .Select(a => (double)(drawnOn[a.ServiceDate].DayNumber - a.RegisteredOn.DayNumber))
            .Order()
            .ToList();
        var months = period.Months().Select(m => new PathwayMonth(
            FigurePeriod.Month(m),
            appointments.Where(a => a.ServiceDate.Year == m.Year && a.ServiceDate.Month == m.Month).Sum(a => a.GroupSize),
            appointments.Where(a => a.ServiceDate.Year == m.Year && a.ServiceDate.Month == m.Month && a.Status == AppointmentStatus.CheckedIn).Sum(a => a.GroupSize)))
            .ToList();
        return new PathwayFigures(
            FigureSources.Pathways, period.Now,
            requests.Count, requests.Sum(r => r.Size), places,
            appointments.Count, appointments.Sum(a => a.GroupSize),
            appointments.Where(a => a.Status == AppointmentStatus.CheckedIn).Sum(a => a.GroupSize),
            appointments.Where(a => a.Status == AppointmentStatus.NoShow).Sum(a => a.GroupSize),
            Median(days), months);
    }

    /// <summary>The middle value of sorted numbers (the mean of the two middle ones for an even count); null for none.</summary>
    public static double? Median(IReadOnlyList<double> sorted) => sorted.Count switch
    {
        0 => null,
        var n when n % 2 == 1 => sorted[n / 2],
        var n => (sorted[(n / 2) - 1] + sorted[n / 2]) / 2,
    };
}
