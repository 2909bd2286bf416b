using Microsoft.EntityFrameworkCore;
using Puente.Domain.Pathways.Requests;
using Puente.Web.Database;
using Puente.Web.Messaging;
using Puente.Web.Pathways;
using Puente.Web.Pathways.Appointments;
using Puente.Web.Pathways.Registration;
using Puente.Web.Pathways.Requests;

namespace Puente.Web.Pathways.Draws;

/// <summary>
/// Queues, in the draw's own transaction, one message per request: selected (where and when) or not
/// selected. Only what the draw really decided is said, so no one is told of an appointment that
/// does not exist.
/// </summary>
internal sealed class NotifyDrawResults(PuenteDb db, EnqueueMessage enqueue, MessageTemplates templates)
{
    public async Task Handle(DateOnly serviceDate, IReadOnlyList<AppointmentRecord> appointments, CancellationToken cancellationToken)
    {
        var requests = await db.Requests.AsNoTracking()
            .Where(r => r.ServiceDate == serviceDate && (r.Status == RequestStatus.Entered || r.Status == RequestStatus.Selected || r.Status == RequestStatus.NotSelected))
            .Select(r => new
            {
                r.Id,
                r.Ticket,
                r.ReenterUntilSelected,
                Contact = db.Users.Where(u => u.Id == r.ApplicantUserId).Select(u => new Contact(u.Email, u.PhoneNumber, u.PreferredLanguage)).First(),
            })
            .ToListAsync(cancellationToken);
        var ports = await db.Ports.AsNoTracking().ToDictionaryAsync(p => p.Code, p => p.Name, cancellationToken);
        var byRequest = appointments.ToDictionary(a => a.RequestId);

        foreach (var request in requests)
        {
            var language = request.Contact.Language;
            enqueue.ToPerson(db, request.Contact, () =>
                byRequest.TryGetValue(request.Id, out var appointment)
                    ? templates.AppointmentSelected(language, ports.GetValueOrDefault(appointment.PortCode, appointment.PortCode), serviceDate, appointment.SlotStart, request.Ticket)
                    : templates.AppointmentNotSelected(language, serviceDate, request.Ticket, request.ReenterUntilSelected));
        }
    }
}
