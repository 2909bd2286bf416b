using Microsoft.EntityFrameworkCore;
using Puente.Web.Database;

namespace Puente.Web.Pathways.CheckIns;

/// <summary>The ports an officer is assigned to, each with its IANA zone, for the offline checks in the browser.</summary>
internal sealed class GetOfficerPorts(PuenteDb db)
{
    public Task<Dictionary<string, string>> Handle(string officerUserId, CancellationToken cancellationToken = default) =>
        db.OfficerPorts.Where(o => o.UserId == officerUserId)
            .Join(db.Ports, o => o.PortCode, p => p.Code, (_, p) => new { p.Code, p.TimeZone })
            .ToDictionaryAsync(p => p.Code, p => p.TimeZone, cancellationToken);
}
