using Microsoft.EntityFrameworkCore;
using Puente.Domain.Pathways;
using Puente.Domain.Pathways.Appointments;
using Puente.Domain.Pathways.Registration;
using Puente.Domain.Pathways.Requests;
using Puente.Web.Database;
using Puente.Web.Messaging;

namespace Puente.Web.Pathways.Appointments;

/// <summary>An applicant gives up their appointment, so the slot is not wasted on a no-show.</summary>
internal sealed class CancelAppointment(PuenteDb db, TimeProvider clock, EnqueueMessage enqueue, MessageTemplates templates)
{
    public abstract record Outcome;
    public sealed record Cancelled : Outcome;

    /// <summary>No such appointment, or someone else's: the two look the same.</summary>
    public sealed record NotFound : Outcome;

    /// <summary>Already cancelled, checked in or marked a no-show.</summary>
    public sealed record Refused(TransitionRejected<AppointmentStatus, AppointmentAction> Rejection) : Outcome;

    public async Task<Outcome> Handle(Guid appointmentId, string applicantUserId, CancellationToken cancellationToken = default)
    {
        var mine = db.Appointments.Where(a => a.Id == appointmentId && a.ApplicantUserId == applicantUserId);
        var status = await mine.Select(a => (AppointmentStatus?)a.Status).FirstOrDefaultAsync(cancellationToken);
        if (status is null)
        {
            return new NotFound();
        }
        var (next, rejected) = AppointmentTransitions.Apply(status.Value, AppointmentAction.Cancel);
        if (rejected is not null)
        {
            return new Refused(rejected);
        }
        // Conditional on the status read above, so a check-in that lands in between is not undone;
        // the confirmation is queued in the same transaction, so it is sent only if this commits.
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var changed = await mine.Where(a => a.Status == status.Value)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, next!.Value).SetProperty(a => a.CancelledAt, now), cancellationToken);
        if (changed != 1)
        {
            await transaction.RollbackAsync(cancellationToken);
            return await Handle(appointmentId, applicantUserId, cancellationToken);
        }
        await QueueConfirmation(appointmentId, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new Cancelled();
    }

    private async Task QueueConfirmation(Guid appointmentId, CancellationToken cancellationToken)
    {
        var details = await db.Appointments.AsNoTracking()
            .Where(a => a.Id == appointmentId)
            .Select(a => new
            {
                a.ServiceDate,
                a.SlotStart,
                a.Ticket,
                Port = db.Ports.Where(p => p.Code == a.PortCode).Select(p => p.Name).First(),
                Contact = db.Users.Where(u => u.Id == a.ApplicantUserId).Select(u => new Contact(u.Email, u.PhoneNumber, u.PreferredLanguage)).First(),
            })
            .FirstAsync(cancellationToken);
        enqueue.ToPerson(db, details.Contact,
            () => templates.AppointmentCancelled(details.Contact.Language, details.Port, details.ServiceDate, details.SlotStart, details.Ticket));
    }
}
