using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Puente.Web.Database;

// Used only by `dotnet ef migrations add`: each provider's migrations are generated from its own
// context, so no live server is needed to create a PostgreSQL migration.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqlitePuenteDb>
{
    public SqlitePuenteDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlitePuenteDb>().UseSqlite("Data Source=design-time.db").Options);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresPuenteDb>
{
    public PostgresPuenteDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresPuenteDb>().UseNpgsql("Host=localhost;Database=puente").Options);
}
