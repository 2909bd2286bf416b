using Microsoft.EntityFrameworkCore;
using Puente.Web.Database;

namespace Puente.Web.Pathways.Registration;

/// <summary>The caller's own registration and travellers, applicant first.</summary>
internal sealed class GetRegistration(PuenteDb db)
{
    /// <summary>Null when the account has no applicant registration (staff accounts).</summary>
    public Task<RegisterApplicant.Response?> Handle(string userId, CancellationToken cancellationToken = default) =>
        db.Applicants.AsNoTracking()
            .Where(a => a.UserId == userId)
            .Select(a => new RegisterApplicant.Response(
                a.UserId, a.RegisteredOn,
                db.Users.Where(u => u.Id == a.UserId).Select(u => u.PreferredLanguage).First(),
                a.Travellers.OrderByDescending(t => t.IsApplicant).ThenBy(t => t.GivenNames)
                    .Select(t => new RegisterApplicant.TravellerResponse(t.Id, t.IsApplicant, t.GivenNames, t.FamilyNames, t.BirthDate, t.Nationality)).ToList()))
            .FirstOrDefaultAsync(cancellationToken);
}
