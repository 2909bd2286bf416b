using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Puente.Web.Accounts;
using Puente.Web.Database;

namespace Puente.Web.Protection.Cases;

/// <summary>
/// Who is working cases: a caseworker sees their consulate's cases only; a supervisor sees their
/// consulate's, or every consulate's when the account has none (the network's supervisors).
/// </summary>
internal sealed record CaseActor(string UserId, string Email, bool IsSupervisor, string? Consulate)
{
    public static async Task<CaseActor> Of(ClaimsPrincipal principal, PuenteDb db, CancellationToken cancellationToken)
    {
        var userId = principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        var user = await db.Users.Where(u => u.Id == userId).Select(u => new { u.Email, u.ConsulateCode }).FirstOrDefaultAsync(cancellationToken);
        return new CaseActor(userId, user?.Email ?? "", principal.IsInRole(Roles.Supervisor), user?.ConsulateCode);
    }

    /// <summary>The cases this actor may know exist: any other case looks exactly like one that does not.</summary>
    public IQueryable<ProtectionCaseRecord> Scope(IQueryable<ProtectionCaseRecord> cases) =>
        (IsSupervisor, Consulate) switch
        {
            (true, null) => cases,
            (_, { } consulate) => cases.Where(c => c.ConsulateCode == consulate),
            _ => cases.Where(c => false),
        };

    /// <summary>Whether the full record opens: for the caseworker holding the case, and for supervisors.</summary>
    public bool MayOpen(ProtectionCaseRecord record) => IsSupervisor || record.AssignedToUserId == UserId;
}
