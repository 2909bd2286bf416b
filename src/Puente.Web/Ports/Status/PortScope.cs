using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Puente.Web.Accounts;
using Puente.Web.Database;

namespace Puente.Web.Ports.Status;

/// <summary>Who asks, and whether every port is theirs: an Admin's (or, to read, an Analyst's) are; an officer's are the ports assigned to them.</summary>
internal sealed record PortCaller(string UserId, bool AllPorts)
{
    /// <summary>For changing a port: Admins any, officers their own.</summary>
    public static PortCaller ToManage(ClaimsPrincipal user, UserManager<PuenteUser> users) =>
        new(users.GetUserId(user)!, user.IsInRole(Roles.Admin));

    /// <summary>For reading a port's appointments and history: Admins and Analysts any, officers their own.</summary>
    public static PortCaller ToRead(ClaimsPrincipal user, UserManager<PuenteUser> users) =>
        new(users.GetUserId(user)!, user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Analyst));
}

internal static class PortScope
{
    /// <summary>The caller's ports, scoped in the query: a port they do not hold looks exactly like an unknown one.</summary>
    public static IQueryable<PortRecord> For(PuenteDb db, PortCaller caller) =>
        caller.AllPorts ? db.Ports : db.Ports.Where(p => db.OfficerPorts.Any(o => o.UserId == caller.UserId && o.PortCode == p.Code));
}
