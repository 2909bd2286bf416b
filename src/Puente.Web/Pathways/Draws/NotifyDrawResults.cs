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
/// and slot or re-entry) is rendered once with a mark where the ticket goes, and the rows are written set-based.
/// </summary>
internal sealed class NotifyDrawResults(PuenteDb db, EnqueueMessage enqueue, MessageTemplates templates)
{
    // Stands for the ticket in a rendered text; a ticket is letters and digits, so it cannot hold this.
    private const string TicketMark = "\u0001ticket\u0001";

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

        var rendered = new Dictionary<(string Language, string? Port, string? Slot, bool Reenter), OutgoingMessage>();
        var messages = new List<OutboxMessageRecord>(requests.Count);
        foreach (var request in requests)
        {
            var language = request.PreferredLanguage;
            var appointment = byRequest.GetValueOrDefault(request.Id);
            var message = enqueue.For(new Contact(request.Email, request.PhoneNumber, language), () =>
            {
                var key = (language, appointment?.PortCode, appointment?.SlotStart, appointment is null && request.ReenterUntilSelected);
                if (!rendered.TryGetValue(key, out var text))
                {
                    rendered[key] = text = appointment is not null
                        ? templates.AppointmentSelected(language, ports.GetValueOrDefault(appointment.PortCode, appointment.PortCode), serviceDate, appointment.SlotStart, TicketMark)
                        : templates.AppointmentNotSelected(language, serviceDate, TicketMark, request.ReenterUntilSelected);
                }
                return new OutgoingMessage(
                    text.Subject.Replace(TicketMark, request.Ticket, StringComparison.Ordinal),
                    text.Body.Replace(TicketMark, request.Ticket, StringComparison.Ordinal));
            });
            if (message is not null)
            {
                messages.Add(message);
            }
        }
        await BulkInsert.Rows(db, messages, cancellationToken: cancellationToken);
    }
}
