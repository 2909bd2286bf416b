using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Puente.Web.Audit;
using Puente.Web.Database;
using Puente.Web.Hosting;

namespace Puente.Web.Accounts;

/// <summary>
/// Gives an account one role (and its scope: ports, consulate) in place of the ones it had. The security
/// stamp changes, so sessions and tokens holding the old role end within a minute. Audited.
/// </summary>
internal sealed class ChangeRole(UserManager<PuenteUser> users, PuenteDb db, AddUser rules, AuditLog audit)
{
    public abstract record Outcome;
    public sealed record Changed(string UserId, string Role) : Outcome;
    public sealed record NotFound(string Email) : Outcome;
    public sealed record Invalid(IReadOnlyList<FieldError> Errors) : Outcome;

    public async Task<Outcome> Handle(
        string email, string role, IReadOnlyList<string>? ports, string? consulate, string actor = AuditLog.System, CancellationToken cancellationToken = default)
    {
        var (canonical, portCodes, problems) = await rules.CheckScope(role, ports, consulate, cancellationToken);
        if (problems.Count > 0)
        {
            return new Invalid(problems);
        }
        if (await CloseAccess.Find(users, email) is not { } user)
        {
            return new NotFound(email);
        }
        var before = new { roles = await users.GetRolesAsync(user), consulate = user.ConsulateCode, ports = await Ports(user.Id, cancellationToken) };

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await users.RemoveFromRolesAsync(user, before.roles);
        await users.AddToRoleAsync(user, canonical!);
        await db.OfficerPorts.Where(p => p.UserId == user.Id).ExecuteDeleteAsync(cancellationToken);
        db.OfficerPorts.AddRange(portCodes.Select(p => new OfficerPort { UserId = user.Id, PortCode = p }));
        user.ConsulateCode = string.IsNullOrWhiteSpace(consulate) ? null : consulate.Trim();
        await users.UpdateSecurityStampAsync(user);
        await db.SaveChangesAsync(cancellationToken);
        await audit.Append(new AuditLog.Event(actor, "user.role-changed", "user", user.Id, before,
            new { roles = new[] { canonical }, consulate = user.ConsulateCode, ports = portCodes }), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new Changed(user.Id, canonical!);
    }

    private Task<List<string>> Ports(string userId, CancellationToken cancellationToken) =>
        db.OfficerPorts.Where(p => p.UserId == userId).Select(p => p.PortCode).OrderBy(p => p).ToListAsync(cancellationToken);
}
