using Microsoft.EntityFrameworkCore;
using Puente.Domain.Pathways.Appointments;
using Puente.Domain.Ports;
using Puente.Web.Database;
using Puente.Web.Pathways.Registration;

namespace Puente.Web.Pathways.CheckIns;

/// <summary>
/// A traveller's photo for an officer at the booth: only for a traveller in a group booked (or checked in)
/// today at one of the officer's ports, scoped in the query, so any other traveller looks like none.
/// </summary>
internal sealed class GetTravellerPhoto(PuenteDb db, TravellerPhotos photos, TimeProvider clock)
{
    public async Task<byte[]?> Handle(string officerUserId, Guid travellerId, CancellationToken cancellationToken = default)
    {
        var candidates = await db.RequestTravellers
            .Where(rt => rt.TravellerId == travellerId)
            .Join(db.Appointments.Where(a => a.Status == AppointmentStatus.Booked || a.Status == AppointmentStatus.CheckedIn),
                rt => rt.RequestId, a => a.RequestId, (_, a) => new { a.PortCode, a.ServiceDate })
            .Join(db.OfficerPorts.Where(o => o.UserId == officerUserId), a => a.PortCode, o => o.PortCode, (a, _) => a)
            .Join(db.Ports, a => a.PortCode, p => p.Code, (a, p) => new { a.ServiceDate, p.TimeZone })
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        if (!candidates.Any(c => c.ServiceDate == PortCalendar.Today(now, c.TimeZone)))
        {
            return null;
        }
        var stored = await db.TravellerPhotos.AsNoTracking().Where(p => p.TravellerId == travellerId).Select(p => p.Protected).FirstOrDefaultAsync(cancellationToken);
        return stored is null ? null : photos.Unprotect(stored);
    }
}
