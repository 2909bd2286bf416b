using Microsoft.EntityFrameworkCore;
using Puente.Domain.Pathways.Draws;
using Puente.Domain.Pathways.Requests;
using Puente.Web.Database;
using Puente.Web.Pathways;
using Puente.Web.Pathways.Appointments;
using Puente.Web.Pathways.Registration;
using Puente.Web.Pathways.Requests;

namespace Puente.Web.Pathways.Requests;

/// <summary>
/// Enters again, for the next service date, every request that was not selected and asked to be
/// re-entered until selected. Safe to repeat: an applicant who already stands in the next date's
/// draw, or whose people already do, is skipped.
/// </summary>
internal sealed class ReenterNotSelected(PuenteDb db, TimeProvider clock)
{
    public async Task<int> Handle(DateOnly drawnDate, CancellationToken cancellationToken = default)
    {
        var next = drawnDate.AddDays(1);
        if (await db.DrawDays.AnyAsync(d => d.ServiceDate == next && d.Status == DrawStatus.Drawn, cancellationToken))
        {
            return 0;
        }
        var candidates = await db.Requests.AsNoTracking()
            .Where(r => r.ServiceDate == drawnDate && r.Status == RequestStatus.NotSelected && r.ReenterUntilSelected)
            .Where(r => !db.Requests.Any(n => n.ServiceDate == next && n.StandingApplicantUserId == r.ApplicantUserId))
            .Select(r => new { r.ApplicantUserId, r.RegisteredOn, r.Size, r.Ports, Travellers = r.Travellers.Select(t => new EnteredTraveller(t.TravellerId, t.EntryKey, t.NamesKey)).ToList() })
            .ToListAsync(cancellationToken);
        var entered = 0;
        foreach (var previous in candidates)
        {
            db.Requests.Add(AppointmentRequestRecord.Enter(
                previous.ApplicantUserId, next, previous.RegisteredOn, previous.Ports,
                previous.Travellers, reenterUntilSelected: true, clock.GetUtcNow()));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                entered++;
            }
            catch (DbUpdateException)
            {
                // The person was entered for that date by another request in the meantime.
                db.ChangeTracker.Clear();
            }
        }
        return entered;
    }
}
