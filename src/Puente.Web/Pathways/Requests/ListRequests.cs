using Microsoft.EntityFrameworkCore;
using Puente.Domain.Pathways.Requests;
using Puente.Web.Database;

namespace Puente.Web.Pathways.Requests;

/// <summary>An applicant's own requests, newest date first; scoped to the applicant in the query.</summary>
internal sealed class ListRequests(PuenteDb db)
{
    public async Task<List<RequestReceipt>> Handle(string applicantUserId, bool includeWithdrawn, CancellationToken cancellationToken = default) =>
        (await db.Requests.AsNoTracking()
            .Where(r => r.ApplicantUserId == applicantUserId && (includeWithdrawn || r.Status != RequestStatus.Withdrawn))
            .OrderByDescending(r => r.ServiceDate)
            .Select(RequestReceipt.Row)
            .ToListAsync(cancellationToken))
        .Select(r => r.ToReceipt())
        .ToList();

    /// <summary>One of the applicant's requests; null when there is none with that id or it is someone else's.</summary>
    public async Task<RequestReceipt?> One(string applicantUserId, Guid requestId, CancellationToken cancellationToken = default) =>
        (await db.Requests.AsNoTracking()
            .Where(r => r.Id == requestId && r.ApplicantUserId == applicantUserId)
            .Select(RequestReceipt.Row)
            .FirstOrDefaultAsync(cancellationToken))?.ToReceipt();
}
