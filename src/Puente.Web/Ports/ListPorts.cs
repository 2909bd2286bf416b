using Microsoft.EntityFrameworkCore;
using Puente.Web.Database;

namespace Puente.Web.Ports;

/// <summary>Every port with its crossings, shared by the public API and the public pages.</summary>
internal static class ListPorts
{
    public static IQueryable<PortResponse> Project(IQueryable<PortRecord> ports) =>
        ports
            .OrderBy(p => p.Code)
            .Select(p => new PortResponse(
                p.Code, p.Name, p.State, p.Latitude, p.Longitude, p.TimeZone, p.MexicanCity, p.MexicanState,
                p.Crossings.OrderBy(c => c.Number)
                    .Select(c => new CrossingResponse(c.Number, c.Name, c.Lanes.OrderBy(l => l.Type).Select(l => l.Type).ToList()))
                    .ToList()));

    public static async Task<IReadOnlyList<PortResponse>> Handle(PuenteDb db, CancellationToken cancellationToken) =>
        await Project(db.Ports).AsSplitQuery().ToListAsync(cancellationToken);
}
