using Microsoft.EntityFrameworkCore;
using Puente.Web.Database;

namespace Puente.Web.Accounts;

/// <summary>Staff and applicant accounts with their roles and scope, for operators (the CLI).</summary>
internal sealed class ListUsers(PuenteDb db)
{
    public sealed record Account(string UserName, IReadOnlyList<string> Roles, bool Disabled, string? Consulate, IReadOnlyList<string> Ports);

    /// <param name="role">Only accounts with this role; null for all but applicants (there can be millions).</param>
    public async Task<IReadOnlyList<Account>> Handle(string? role, CancellationToken cancellationToken = default)
    {
        var roles = await db.UserRoles.Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .ToListAsync(cancellationToken);
        var byUser = roles.GroupBy(r => r.UserId).ToDictionary(g => g.Key, g => g.Select(r => r.Name!).Order(StringComparer.Ordinal).ToList());
        var wanted = byUser.Where(u => role is null ? !u.Value.SequenceEqual([Accounts.Roles.Applicant]) : u.Value.Contains(role))
            .Select(u => u.Key).ToList();
        var users = await db.Users.AsNoTracking().Where(u => wanted.Contains(u.Id))
            .Select(u => new { u.Id, u.UserName, u.LockoutEnd, u.ConsulateCode }).ToListAsync(cancellationToken);
        var ports = await db.OfficerPorts.Where(p => wanted.Contains(p.UserId)).ToListAsync(cancellationToken);
        return users
            .Select(u => new Account(u.UserName ?? u.Id, byUser[u.Id], CloseAccess.IsDisabled(u.LockoutEnd), u.ConsulateCode,
                ports.Where(p => p.UserId == u.Id).Select(p => p.PortCode).Order(StringComparer.Ordinal).ToList()))
            .OrderBy(a => a.UserName, StringComparer.Ordinal)
            .ToList();
    }
}
