using Microsoft.EntityFrameworkCore;
using Puente.Domain.Pathways.Appointments;
using Puente.Domain.Pathways.Registration;
using Puente.Domain.Pathways.Requests;
using Puente.Web.Database;

namespace Puente.Web.Pathways.Appointments;

/// <summary>The applicant's own appointments, soonest first.</summary>
internal sealed class ListAppointments(PuenteDb db)
{
    public sealed record Item(
        Guid Id, string Ticket, string Port, string PortName, DateOnly ServiceDate, string Slot, int GroupSize,
        AppointmentStatus Status, DateTimeOffset SlotStartsAt);

    public async Task<List<Item>> Handle(string applicantUserId, CancellationToken cancellationToken)
    {
        var items = await db.Appointments
            .Where(a => a.ApplicantUserId == applicantUserId)
            .Join(db.Ports, a => a.PortCode, p => p.Code, (a, p) => new Item(
                a.Id, a.Ticket, a.PortCode, p.Name, a.ServiceDate, a.SlotStart, a.GroupSize, a.Status, a.SlotStartsAt))
            .ToListAsync(cancellationToken);
        // Sorted here: SQLite cannot order by DateTimeOffset.
        return items.OrderBy(a => a.ServiceDate).ThenBy(a => a.Slot, StringComparer.Ordinal).ToList();
    }
}
