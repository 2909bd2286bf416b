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

/// <summary>A lane as a form names it: "crossing:lane", e.g. <c>250407:Pedestrian</c>.</summary>
internal static class LaneKey
{
    public static string Write(string crossing, Puente.Domain.Ports.LaneType lane) => $"{crossing}:{lane}";

    /// <summary>A key that does not parse gives no crossing, which the use case refuses as an unknown lane.</summary>
    public static (string? Crossing, Puente.Domain.Ports.LaneType Lane) Parse(string? key) =>
        key?.Split(':') is [var crossing, var lane] && Enum.TryParse<Puente.Domain.Ports.LaneType>(lane, out var type) ? (crossing, type) : (null, default);
}
