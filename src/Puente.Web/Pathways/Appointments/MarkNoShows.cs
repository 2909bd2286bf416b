using Microsoft.EntityFrameworkCore;
using Puente.Domain.Pathways.Appointments;
using Puente.Domain.Pathways.Registration;
using Puente.Domain.Pathways.Requests;
using Puente.Domain.Ports;
using Puente.Web.Database;

namespace Puente.Web.Pathways.Appointments;

/// <summary>Booked appointments whose day is over at their port become no-shows.</summary>
internal sealed class MarkNoShows(PuenteDb db, TimeProvider clock)
{
    public async Task<int> Handle(CancellationToken cancellationToken = default)
    {
        // Every illegal transition is rejected by the domain; this sweep only ever applies a legal one.
        var noShow = AppointmentTransitions.Apply(AppointmentStatus.Booked, AppointmentAction.MarkNoShow).Next!.Value;
        var ports = await db.Appointments
            .Where(a => a.Status == AppointmentStatus.Booked)
            .Select(a => a.PortCode).Distinct()
            .Join(db.Ports, code => code, p => p.Code, (code, p) => new { p.Code, p.TimeZone })
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var marked = 0;
        // One statement per port, because "today" depends on the port's zone.
        foreach (var port in ports)
        {
            var today = PortCalendar.Today(now, port.TimeZone);
            marked += await db.Appointments
                .Where(a => a.PortCode == port.Code && a.Status == AppointmentStatus.Booked && a.ServiceDate < today)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, noShow), cancellationToken);
        }
        return marked;
    }
}
