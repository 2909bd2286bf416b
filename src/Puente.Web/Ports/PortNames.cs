using Microsoft.EntityFrameworkCore;
using Puente.Web.Database;

namespace Puente.Web.Ports;

/// <summary>
/// Every port's name and zone by its code, for pages whose records keep only codes: a person reads
/// "San Ysidro (2504)", with the code as the secondary detail an officer may ask for.
/// </summary>
internal sealed class PortNames(PuenteDb db)
{
    public sealed record Port(string Name, string TimeZone);

    public async Task<IReadOnlyDictionary<string, Port>> Handle(CancellationToken cancellationToken = default) =>
        await db.Ports.AsNoTracking().ToDictionaryAsync(p => p.Code, p => new Port(p.Name, p.TimeZone), StringComparer.Ordinal, cancellationToken);
}
