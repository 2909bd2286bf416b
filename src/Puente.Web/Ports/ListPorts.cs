using Microsoft.EntityFrameworkCore;
using Puente.Web.Database;

namespace Puente.Web.Ports;

/// <summary>Every port with its crossings, shared by the public API and the public pages.</summary>
internal sealed class ListPorts(PuenteDb db)
{
    public static IQueryable<PortResponse> Project(IQueryable<PortRecord> ports) =>
        ports
            .OrderBy(p => p.Code)
            .Select(p => new PortResponse(
                p.Code, p.Name, p.State, p.Latitude, p.Longitude, p.TimeZone, p.MexicanCity, p.MexicanState,
                p.Crossings.OrderBy(c => c.Number)
                    .Select(c => new CrossingResponse(c.Number, c.Name, c.Lanes.OrderBy(l => l.Type).Select(l => l.Type).ToList()))
                    .ToList()));

    public async Task<IReadOnlyList<PortResponse>> Handle(CancellationToken cancellationToken = default) =>
        await Project(db.Ports).AsSplitQuery().ToListAsync(cancellationToken);

    /// <summary>Codes and names only, by name: for choosing a port in a form.</summary>
    public async Task<IReadOnlyList<(string Code, string Name)>> Names(CancellationToken cancellationToken = default) =>
        (await db.Ports.AsNoTracking().OrderBy(p => p.Name).Select(p => new { p.Code, p.Name }).ToListAsync(cancellationToken))
            .Select(p => (p.Code, p.Name)).ToList();
}
