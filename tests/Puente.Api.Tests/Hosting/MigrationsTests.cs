using Microsoft.EntityFrameworkCore;
using Puente.Web.Database;

using Puente.Api.Tests.Accounts;
using Puente.Api.Tests.Ports;

namespace Puente.Api.Tests.Hosting;

public sealed class MigrationsTests
{
    [Fact]
    public void The_sqlite_model_has_no_changes_that_no_migration_covers()
    {
        using var db = new SqlitePuenteDb(new DbContextOptionsBuilder<SqlitePuenteDb>().UseSqlite("Data Source=:memory:").Options);
        Assert.False(db.Database.HasPendingModelChanges(), "Run: dotnet ef migrations add NAME --context SqlitePuenteDb --output-dir Database/Migrations/Sqlite");
    }

    [Fact]
    public void The_postgres_model_has_no_changes_that_no_migration_covers()
    {
        using var db = new PostgresPuenteDb(new DbContextOptionsBuilder<PostgresPuenteDb>().UseNpgsql("Host=unused").Options);
        Assert.False(db.Database.HasPendingModelChanges(), "Run: dotnet ef migrations add NAME --context PostgresPuenteDb --output-dir Database/Migrations/Postgres");
    }
}
