using Microsoft.EntityFrameworkCore;
using Puente.Web.Database;

namespace Puente.Web.Ports;

internal static class GetPort
{
    public static async Task<PortResponse?> Handle(PuenteDb db, string code, CancellationToken cancellationToken) =>
        await ListPorts.Project(db.Ports.Where(p => p.Code == code)).AsSplitQuery().FirstOrDefaultAsync(cancellationToken);
}
