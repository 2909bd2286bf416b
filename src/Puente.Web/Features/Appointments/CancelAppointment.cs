using Microsoft.EntityFrameworkCore;
using Puente.Domain.Pathways;
using Puente.Web.Database;

namespace Puente.Web.Features.Appointments;

/// <summary>An applicant gives up their appointment, so the slot is not wasted on a no-show.</summary>
public sealed class CancelAppointment(PuenteDb db, TimeProvider clock)
{
    public enum Outcome
    {
        Cancelled,
        NotFound,
        Rejected,
    }

    public sealed record Result(Outcome Outcome, TransitionRejected? Rejection = null);

    public async Task<Result> Handle(Guid appointmentId, string applicantUserId, CancellationToken cancellationToken = default)
    {
        var mine = db.Appointments.Where(a => a.Id == appointmentId && a.ApplicantUserId == applicantUserId);
        var status = await mine.Select(a => (AppointmentStatus?)a.Status).FirstOrDefaultAsync(cancellationToken);
        if (status is null)
        {
            return new Result(Outcome.NotFound);
        }
        var (next, rejected) = AppointmentTransitions.Apply(status.Value, AppointmentAction.Cancel);
        if (rejected is not null)
        {
            return new Result(Outcome.Rejected, rejected);
        }
        // Conditional on the status read above, so a check-in that lands in between is not undone.
        var now = clock.GetUtcNow();
        var changed = await mine.Where(a => a.Status == status.Value)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, next!.Value).SetProperty(a => a.CancelledAt, now), cancellationToken);
        return changed == 1 ? new Result(Outcome.Cancelled) : await Handle(appointmentId, applicantUserId, cancellationToken);
    }
}
