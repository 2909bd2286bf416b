using Microsoft.EntityFrameworkCore;
using Puente.Domain.Pathways;
using Puente.Domain.Pathways.Requests;
using Puente.Web.Database;

namespace Puente.Web.Pathways.Requests;

/// <summary>Takes a request out of the draw while the window is still open; its people are free again.</summary>
internal sealed class WithdrawRequest(PuenteDb db, TimeProvider clock)
{
    public abstract record Outcome;
    public sealed record Withdrawn : Outcome;
    public sealed record NotFound : Outcome;

    /// <summary>Still entered, but its window has closed: the draw is about to decide it.</summary>
    public sealed record WindowClosed : Outcome;

    /// <summary>Already withdrawn, or already decided by the draw.</summary>
    public sealed record Refused(TransitionRejected<RequestStatus, RequestAction> Rejection) : Outcome;

    public async Task<Outcome> Handle(string applicantUserId, Guid requestId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var request = await db.Requests
            .Where(r => r.Id == requestId && r.ApplicantUserId == applicantUserId)
            .Select(r => new { r.Status, ClosesAt = db.DrawDays.Where(d => d.ServiceDate == r.ServiceDate).Select(d => (DateTimeOffset?)d.ClosesAt).FirstOrDefault() })
            .FirstOrDefaultAsync(cancellationToken);
        if (request is null)
        {
            return new NotFound();
        }
        var (next, rejected) = RequestTransitions.Apply(request.Status, RequestAction.Withdraw);
        if (rejected is not null)
        {
            return new Refused(rejected);
        }
        if (request.ClosesAt is null || now >= request.ClosesAt)
        {
            return new WindowClosed();
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.RequestTravellers.Where(t => t.RequestId == requestId).ExecuteDeleteAsync(cancellationToken);
        // The status in the filter makes the change atomic: a withdrawal racing the draw's claim loses cleanly.
        var changed = await db.Requests
            .Where(r => r.Id == requestId && r.Status == request.Status)
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Status, next!.Value)
                .SetProperty(r => r.StandingApplicantUserId, (string?)null)
                .SetProperty(r => r.ReenterUntilSelected, false)
                .SetProperty(r => r.WithdrawnAt, now), cancellationToken);
        if (changed == 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            var current = await db.Requests.Where(r => r.Id == requestId).Select(r => r.Status).FirstAsync(cancellationToken);
            return new Refused(new(current, RequestAction.Withdraw));
        }
        await transaction.CommitAsync(cancellationToken);
        return new Withdrawn();
    }
}
