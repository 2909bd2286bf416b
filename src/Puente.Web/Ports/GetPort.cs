using Microsoft.EntityFrameworkCore;
using Puente.Web.Database;

namespace Puente.Web.Ports;

/// <summary>One port with its crossings; null when the registry has no such code.</summary>
internal sealed class GetPort(PuenteDb db)
{
    public async Task<PortResponse?> Handle(string code, CancellationToken cancellationToken = default) =>
        await ListPorts.Project(db.Ports.Where(p => p.Code == code)).AsSplitQuery().FirstOrDefaultAsync(cancellationToken);
}
