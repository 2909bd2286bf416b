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
/// does not exist. A big day queues a hundred thousand messages: each distinct text (language, and port
/// and slot or re-entry) is rendered once (<see cref="RenderedOnce{TKey}"/>), and the rows are written set-based.
/// </summary>
internal sealed class NotifyDrawResults(PuenteDb db, EnqueueMessage enqueue, MessageTemplates templates)
{
    public async Task Handle(DateOnly serviceDate, IReadOnlyList<AppointmentRecord> appointments, CancellationToken cancellationToken)
    {
        var requests = await db.Requests.AsNoTracking()
            .Where(r => r.ServiceDate == serviceDate && (r.Status == RequestStatus.Entered || r.Status == RequestStatus.Selected || r.Status == RequestStatus.NotSelected))
            .Join(db.Users, r => r.ApplicantUserId, u => u.Id, (r, u) => new
            {
                r.Id,
                r.Ticket,
                r.ReenterUntilSelected,
                u.Email,
                u.PhoneNumber,
                u.PreferredLanguage,
            })
            .ToListAsync(cancellationToken);
        var ports = await db.Ports.AsNoTracking().ToDictionaryAsync(p => p.Code, p => p.Name, cancellationToken);
        var byRequest = appointments.ToDictionary(a => a.RequestId);

        var texts = new RenderedOnce<(string Language, string? Port, string? Slot, bool Reenter)>();
        var messages = new List<OutboxMessageRecord>(requests.Count);
        foreach (var request in requests)
        {
            var language = request.PreferredLanguage;
            var appointment = byRequest.GetValueOrDefault(request.Id);
            var message = enqueue.For(new Contact(request.Email, request.PhoneNumber, language), () => texts.For(
                (language, appointment?.PortCode, appointment?.SlotStart, appointment is null && request.ReenterUntilSelected), request.Ticket,
                ticket => appointment is not null
                    ? templates.AppointmentSelected(language, ports.GetValueOrDefault(appointment.PortCode, appointment.PortCode), serviceDate, appointment.SlotStart, ticket)
                    : templates.AppointmentNotSelected(language, serviceDate, ticket, request.ReenterUntilSelected)));
            if (message is not null)
            {
                messages.Add(message);
            }
        }
        await BulkInsert.Rows(db, messages, cancellationToken: cancellationToken);
    }
}
