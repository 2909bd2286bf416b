using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Puente.Api.Tests.Infrastructure;
using Puente.Domain.Ports.Flows;
using Puente.Web.Database;
using Puente.Web.Ports.Flows;

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

    [Fact]
    public async Task A_series_written_narrow_keeps_every_month_down_to_its_first_stored_form_and_up_again()
    {
        await using var database = TestDatabase.CreateEmpty();
        await using var db = Context(database);
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync(cancellationToken: Ct);
        var written = new Dictionary<BtsMeasure, List<long?>>
        {
            [BtsMeasure.Trucks] = [5, null, 1_234_567_890_123, 0],
            [BtsMeasure.Trains] = [null],
            [BtsMeasure.Buses] = [0, 254],
            [BtsMeasure.BusPassengers] = [255, null],
            [BtsMeasure.Pedestrians] = [long.MaxValue, null, 0],
            [BtsMeasure.PersonalVehicles] = [],
        };
        db.BtsSeries.AddRange(written.Select(w => new BtsSeriesRecord
        {
            PortCode = "2504", Measure = w.Key, FirstMonth = new DateOnly(2024, 1, 1), Values = w.Value,
        }));
        await db.SaveChangesAsync(Ct);
        db.ChangeTracker.Clear();
        var migrations = db.Database.GetMigrations().ToList();
        var beforePacking = migrations[migrations.FindIndex(m => m.EndsWith("_PortsBtsSeriesPacked", StringComparison.Ordinal)) - 1];

        await migrator.MigrateAsync(beforePacking, Ct);

        // The months as the first stored form lists them: a JSON array on SQLite, an array's text on PostgreSQL.
        var listed = await db.Database.SqlQueryRaw<Listed>(database.Provider == "Sqlite"
            ? @"SELECT ""Measure"", ""Values"" AS ""Months"" FROM bts_series"
            : @"SELECT ""Measure"", ""Values""::text AS ""Months"" FROM bts_series").ToListAsync(Ct);
        Assert.Equal(
            written.ToDictionary(w => w.Key.ToString(), w => string.Join(',', w.Value.Select(v => v?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "null"))),
            listed.ToDictionary(l => l.Measure, l => l.Months.Trim('[', ']', '{', '}').ToLowerInvariant()));

        await migrator.MigrateAsync(cancellationToken: Ct);
        var stored = await db.BtsSeries.AsNoTracking().ToDictionaryAsync(s => s.Measure, s => s.Values, Ct);
        Assert.Equal(written, stored);
    }

    private sealed record Listed(string Measure, string Months);

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
