using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Puente.Web.Features.Accounts;
using Puente.Web.Features.Ports;

namespace Puente.Web.Database;

/// <summary>
/// The one database of Puente. Each provider has its own subclass so that each keeps its own
/// migration set (see docs/decisions/0002-one-migration-set-per-provider.md).
/// </summary>
public abstract class PuenteDb(DbContextOptions options) : IdentityDbContext<PuenteUser>(options)
{
    public DbSet<PortRecord> Ports => Set<PortRecord>();
    public DbSet<CrossingRecord> Crossings => Set<CrossingRecord>();
    public DbSet<CrossingLaneRecord> CrossingLanes => Set<CrossingLaneRecord>();
    public DbSet<OfficerPort> OfficerPorts => Set<OfficerPort>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PuenteDb).Assembly);
    }
}

public sealed class SqlitePuenteDb(DbContextOptions<SqlitePuenteDb> options) : PuenteDb(options);

public sealed class PostgresPuenteDb(DbContextOptions<PostgresPuenteDb> options) : PuenteDb(options);
