using Microsoft.EntityFrameworkCore;
using Puente.Web.Database;

using Puente.Web.Pathways;
using Puente.Web.Pathways.Appointments;
using Puente.Web.Pathways.Registration;

namespace Puente.Web.Pathways.Requests;

/// <summary>Takes a request out of the draw while the window is still open; its people are free again.</summary>
public sealed class WithdrawRequest(PuenteDb db, TimeProvider clock)
{
    public enum Outcome
    {
        Withdrawn,
        NotFound,
        WindowClosed,
    }

    public async Task<Outcome> Handle(string applicantUserId, Guid requestId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var request = await db.Requests
            .Where(r => r.Id == requestId && r.ApplicantUserId == applicantUserId)
            .Select(r => new { r.Status, ClosesAt = db.DrawDays.Where(d => d.ServiceDate == r.ServiceDate).Select(d => (DateTimeOffset?)d.ClosesAt).FirstOrDefault() })
            .FirstOrDefaultAsync(cancellationToken);
        if (request is null)
        {
            return Outcome.NotFound;
        }
        if (request.Status == RequestStatus.Withdrawn)
        {
            return Outcome.Withdrawn;
        }
        if (request.Status != RequestStatus.Entered || request.ClosesAt is null || now >= request.ClosesAt)
        {
            return Outcome.WindowClosed;
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.RequestTravellers.Where(t => t.RequestId == requestId).ExecuteDeleteAsync(cancellationToken);
        await db.Requests
            .Where(r => r.Id == requestId && r.Status == RequestStatus.Entered)
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Status, RequestStatus.Withdrawn)
                .SetProperty(r => r.StandingApplicantUserId, (string?)null)
                .SetProperty(r => r.ReenterUntilSelected, false)
                .SetProperty(r => r.WithdrawnAt, now), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Outcome.Withdrawn;
    }
}
