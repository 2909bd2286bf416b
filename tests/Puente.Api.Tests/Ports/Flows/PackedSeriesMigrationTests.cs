using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Puente.Api.Tests.Infrastructure;
using Puente.Domain.Ports.Flows;
using Puente.Web.Database;

namespace Puente.Api.Tests.Ports.Flows;

/// <summary>Series stored before their months were packed (a JSON array on SQLite, <c>bigint[]</c> on PostgreSQL) keep every month.</summary>
public sealed class PackedSeriesMigrationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_stored_series_keeps_every_month_through_packing_and_back()
    {
        await using var database = TestDatabase.CreateEmpty();
        await using var db = Context(database);
        var migrator = db.GetService<IMigrator>();
        var migrations = db.Database.GetMigrations().ToList();
        var before = migrations[migrations.FindIndex(m => m.EndsWith("_PortsBtsSeriesPacked", StringComparison.Ordinal)) - 1];
        await migrator.MigrateAsync(before, Ct);
        var (months, none) = database.Provider == "Sqlite"
            ? ("'[5,null,1234567890123,0]'", "'[null]'")
            : ("ARRAY[5,NULL,1234567890123,0]::bigint[]", "ARRAY[NULL]::bigint[]");
        // Literals of the test's own, not input: the SQL is written whole.
        var insert = $"""
            INSERT INTO bts_series ("PortCode", "Measure", "FirstMonth", "Values", "Demo")
            VALUES ('2504', 'Pedestrians', '2023-11-01', {months}, false), ('2504', 'Buses', '2024-01-01', {none}, true)
            """;
        await db.Database.ExecuteSqlRawAsync(insert, Ct);

        await migrator.MigrateAsync(cancellationToken: Ct);
        await AssertStored(db);

        // Down converts back, and up again gives the same months.
        await migrator.MigrateAsync(before, Ct);
        await migrator.MigrateAsync(cancellationToken: Ct);
        await AssertStored(db);
    }

    private static async Task AssertStored(PuenteDb db)
    {
        var series = await db.BtsSeries.AsNoTracking().ToListAsync(Ct);
        Assert.Equal(2, series.Count);
        var pedestrians = series.Single(s => s.Measure == BtsMeasure.Pedestrians);
        Assert.Equal([5L, null, 1_234_567_890_123L, 0L], pedestrians.Values);
        Assert.Equal(new DateOnly(2023, 11, 1), pedestrians.FirstMonth);
        Assert.False(pedestrians.Demo);
        var buses = series.Single(s => s.Measure == BtsMeasure.Buses);
        Assert.Equal([null], buses.Values);
        Assert.True(buses.Demo);
    }

    private static PuenteDb Context(TestDatabase database) => database.Provider == "Sqlite"
        ? new SqlitePuenteDb(new DbContextOptionsBuilder<SqlitePuenteDb>().UseSqlite(database.ConnectionString).Options)
        : new PostgresPuenteDb(new DbContextOptionsBuilder<PostgresPuenteDb>().UseNpgsql(database.ConnectionString).Options);
}
