using Microsoft.EntityFrameworkCore;
using Puente.Web.Accounts;
using Puente.Web.Ports;

namespace Puente.Web.Database;

/// <summary>
/// Applies pending migrations, then loads the reference data every database needs (roles, the
/// ports registry). Safe to run again: each step only adds what is missing.
/// </summary>
public sealed class MigrateDatabase(PuenteDb db, SeedRoles seedRoles, SyncPortsRegistry syncPorts)
{
    public async Task<IReadOnlyList<string>> Handle(CancellationToken cancellationToken = default)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        await db.Database.MigrateAsync(cancellationToken);
        await seedRoles.Handle();
        await syncPorts.Handle(ShippedPortsRegistry.Load(), cancellationToken);
        return pending;
    }
}
