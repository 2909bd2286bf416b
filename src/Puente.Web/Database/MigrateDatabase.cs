using Microsoft.EntityFrameworkCore;
using Puente.Web.Accounts;
using Puente.Web.Pathways.Passes;
using Puente.Web.Ports;

namespace Puente.Web.Database;

/// <summary>
/// Applies pending migrations, then loads what every database needs (roles, the ports registry, a
/// pass-signing key). Safe to run again: each step only adds what is missing.
/// </summary>
internal sealed class MigrateDatabase(PuenteDb db, SeedRoles seedRoles, SyncPortsRegistry syncPorts, EnsureSigningKey signingKey, IssuePasses passes)
{
    public async Task<IReadOnlyList<string>> Handle(CancellationToken cancellationToken = default)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        await db.Database.MigrateAsync(cancellationToken);
        await seedRoles.Handle();
        await syncPorts.Handle(ShippedPortsRegistry.Load(), cancellationToken);
        await signingKey.Handle(cancellationToken);
        await passes.SignUnsigned(cancellationToken);
        return pending;
    }
}
