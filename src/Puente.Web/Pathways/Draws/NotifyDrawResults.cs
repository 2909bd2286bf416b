using Microsoft.EntityFrameworkCore;
using Puente.Web.Database;
using Puente.Web.Messaging;
using Puente.Web.Pathways;
using Puente.Web.Pathways.Appointments;

namespace Puente.Web.Pathways.Draws;

/// <summary>
/// Queues, in the draw's own transaction, one message per request: selected (where and when) or not
/// selected. Only what the draw really decided is said (<see cref="RunDraw"/> gives the requests it decided, read
/// once with their contacts), so no one is told of an appointment that does not exist. A big day queues a hundred
/// thousand messages: each distinct text (language, and port and slot or re-entry) is rendered once
/// (<see cref="RenderedOnce{TKey}"/>), and the rows are streamed into one set-based write.
/// </summary>
internal sealed class NotifyDrawResults(PuenteDb db, EnqueueMessage enqueue, MessageTemplates templates)
{
    /// <summary>A request the draw decided, and how to reach its applicant.</summary>
    public sealed record Decided(Guid RequestId, string Ticket, bool ReenterUntilSelected, Contact Contact);

    public async Task Handle(DateOnly serviceDate, IReadOnlyList<Decided> requests, IReadOnlyList<AppointmentRecord> appointments,
        CancellationToken cancellationToken)
    {
        var ports = await db.Ports.AsNoTracking().ToDictionaryAsync(p => p.Code, p => p.Name, cancellationToken);
        var byRequest = appointments.ToDictionary(a => a.RequestId);
        var texts = new RenderedOnce<(string Language, string? Port, string? Slot, bool Reenter)>();
        await BulkInsert.Rows(db, Messages(), cancellationToken: cancellationToken);

        // Built while the copy reads them: each row is written and dropped, not a hundred thousand texts kept at once.
        IEnumerable<OutboxMessageRecord> Messages()
        {
            foreach (var request in requests)
            {
                var language = request.Contact.Language;
                var appointment = byRequest.GetValueOrDefault(request.RequestId);
                var message = enqueue.For(request.Contact, () => texts.For(
                    (language, appointment?.PortCode, appointment?.SlotStart, appointment is null && request.ReenterUntilSelected), request.Ticket,
                    ticket => appointment is not null
                        ? templates.AppointmentSelected(language, ports.GetValueOrDefault(appointment.PortCode, appointment.PortCode), serviceDate, appointment.SlotStart, ticket)
                        : templates.AppointmentNotSelected(language, serviceDate, ticket, request.ReenterUntilSelected)));
                if (message is not null)
                {
                    yield return message;
                }
            }
        }
    }
}
