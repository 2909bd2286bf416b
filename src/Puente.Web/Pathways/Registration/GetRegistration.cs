using Microsoft.EntityFrameworkCore;
using Puente.Web.Database;

namespace Puente.Web.Pathways.Registration;

/// <summary>The caller's own registration and travellers, applicant first.</summary>
internal sealed class GetRegistration(PuenteDb db)
{
    /// <summary>Null when the account has no applicant registration (staff accounts).</summary>
    public async Task<RegisterApplicant.Response?> Handle(string userId, CancellationToken cancellationToken = default)
    {
        var applicant = await db.Applicants.AsNoTracking()
            .Where(a => a.UserId == userId)
            .Select(a => new
            {
                a.UserId, a.RegisteredOn,
                User = db.Users.Where(u => u.Id == a.UserId).Select(u => new { u.PreferredLanguage, Verified = u.EmailConfirmed || u.PhoneNumberConfirmed }).First(),
                Travellers = a.Travellers.OrderByDescending(t => t.IsApplicant).ThenBy(t => t.GivenNames).ToList(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (applicant is null)
        {
            return null;
        }
        var ids = applicant.Travellers.Select(t => t.Id).ToList();
        var entered = await db.RequestTravellers.Where(rt => ids.Contains(rt.TravellerId)).Select(rt => rt.TravellerId).Distinct().ToListAsync(cancellationToken);
        return new RegisterApplicant.Response(
            applicant.UserId, applicant.RegisteredOn, applicant.User.PreferredLanguage, applicant.User.Verified, Verification: null,
            applicant.Travellers.Select(t => RegisterApplicant.ToResponse(t, entered.Contains(t.Id))).ToList());
    }

    /// <summary>Whether the account may ask for appointments: its contact is verified.</summary>
    public Task<bool> IsVerified(string userId, CancellationToken cancellationToken = default) =>
        db.Users.AnyAsync(u => u.Id == userId && (u.EmailConfirmed || u.PhoneNumberConfirmed), cancellationToken);
}
