using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Puente.Domain.Ports.Flows;
using Puente.Web.Database;

namespace Puente.Web.Ports.Flows;

/// <summary>
/// Loads a BTS Border Crossing Entry Data file (either layout). Nothing is picked or dropped in silence:
/// exact repeats collapse and are counted, conflicting values are all kept and listed, rows of ports the
/// registry does not know are skipped and listed by code, unreadable lines are listed by number.
/// </summary>
internal sealed class ImportBtsFlows(PuenteDb db)
{
    private const int RowsPerStatement = 1000;

    public abstract record Outcome;

    public sealed record Imported(
        BtsLayout Layout,
        int RowsRead,
        int Added,
        int AlreadyStored,
        IReadOnlyList<BtsRow> ExactDuplicates,
        IReadOnlyList<BtsConflict> Conflicts,
        IReadOnlyDictionary<string, int> UnknownPorts,
        int OtherBorderRows,
        IReadOnlyList<BtsRejectedLine> Rejected) : Outcome;

    /// <summary>The file is not a BTS export (its header matches neither layout).</summary>
    public sealed record NotBts(string Reason) : Outcome;

    /// <summary>
    /// Loads the demo fixture (made-up counts in the BTS layout for the ports of the December 2023 closures and
    /// their neighbours, over the year before) when no counts are stored yet; null when there were some.
    /// </summary>
    public async Task<Outcome?> DemoFixture(CancellationToken cancellationToken = default)
    {
        if (await db.BtsCounts.AnyAsync(cancellationToken))
        {
            return null;
        }
        using var file = new StreamReader(typeof(ImportBtsFlows).Assembly.GetManifestResourceStream("Puente.Ports.bts-demo-fixture.csv")
            ?? throw new InvalidOperationException("The BTS demo fixture is not embedded in the build."));
        return await Handle(file, demo: true, cancellationToken);
    }

    public Task<Outcome> Handle(TextReader file, CancellationToken cancellationToken = default) => Handle(file, demo: false, cancellationToken);

    private async Task<Outcome> Handle(TextReader file, bool demo, CancellationToken cancellationToken)
    {
        var read = BtsCsv.Read(file);
        if (read.File is not { } bts)
        {
            return new NotBts(read.Error!);
        }
        var known = (await db.Ports.AsNoTracking().Select(p => p.Code).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var unknown = bts.Rows.Where(r => !known.Contains(r.PortCode))
            .GroupBy(r => r.PortCode, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var rows = bts.Rows.Where(r => known.Contains(r.PortCode)).ToList();

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!demo)
        {
            // Real figures replace the demo's made-up ones rather than conflicting with them.
            await db.BtsCounts.Where(c => c.Demo).ExecuteDeleteAsync(cancellationToken);
        }
        var ports = rows.Select(r => r.PortCode).Distinct().ToList();
        var stored = (await db.BtsCounts.AsNoTracking().Where(c => ports.Contains(c.PortCode)).ToListAsync(cancellationToken))
            .GroupBy(c => new BtsKey(c.PortCode, c.Month, c.Measure))
            .ToDictionary(g => g.Key, g => (IReadOnlyList<long>)[.. g.Select(c => c.Value)]);
        var plan = BtsImportPlan.Make(rows, stored);
        var added = await Insert(plan.ToAdd, demo, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new Imported(bts.Layout, bts.LinesRead, added, plan.AlreadyStored, plan.ExactDuplicates, plan.Conflicts, unknown, bts.OtherBorderRows, bts.Rejected);
    }

    // Raw commands rather than one tracked entity per row: 94,000 rows in seconds instead of a minute.
    // ON CONFLICT DO NOTHING (both providers) lets a concurrent import of the same file win without an error.
    private async Task<int> Insert(IReadOnlyList<BtsCount> counts, bool demo, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        return db is SqlitePuenteDb
            ? InsertOneByOne(connection, transaction, counts, demo, cancellationToken)
            : await InsertInChunks(connection, transaction, counts, demo, cancellationToken);
    }

    // SQLite looks parameters up by name one at a time, so a statement with thousands of them is slow;
    // one prepared single-row statement run again and again is its fast path.
    private static int InsertOneByOne(DbConnection connection, DbTransaction transaction, IReadOnlyList<BtsCount> counts, bool demo, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"""INSERT INTO {BtsCountRecord.Table} ("PortCode", "Measure", "Month", "Value", "Demo") VALUES (@p,@m,@d,@v,@x) ON CONFLICT DO NOTHING""";
        var (port, measure, month, value) = (Add(command, "p"), Add(command, "m"), Add(command, "d"), Add(command, "v"));
        Add(command, "x").Value = demo;
        command.Prepare();
        // EF Core keeps DateOnly as ISO text in SQLite; each month's text is made once.
        var isoMonths = new Dictionary<DateOnly, string>();
        var added = 0;
        foreach (var c in counts)
        {
            cancellationToken.ThrowIfCancellationRequested();
            port.Value = c.PortCode;
            measure.Value = c.Measure.ToString();
            if (!isoMonths.TryGetValue(c.Month, out var iso))
            {
                isoMonths[c.Month] = iso = c.Month.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            }
            month.Value = iso;
            value.Value = c.Value;
            // Synchronous: SQLite has no asynchronous I/O, and its async path only adds a task per row.
            added += command.ExecuteNonQuery();
        }
        return added;
    }

    // PostgreSQL pays a round trip per statement, so rows go a thousand at a time
    // (4,000 parameters, well under its 65,535).
    private static async Task<int> InsertInChunks(DbConnection connection, DbTransaction transaction, IReadOnlyList<BtsCount> counts, bool demo, CancellationToken cancellationToken)
    {
        var added = 0;
        foreach (var chunk in counts.Chunk(RowsPerStatement))
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            var sql = new StringBuilder($"""INSERT INTO {BtsCountRecord.Table} ("PortCode", "Measure", "Month", "Value", "Demo") VALUES """);
            Add(command, "x").Value = demo;
            for (var i = 0; i < chunk.Length; i++)
            {
                var c = chunk[i];
                sql.Append(CultureInfo.InvariantCulture, $"{(i == 0 ? "" : ",")}(@p{i},@m{i},@d{i},@v{i},@x)");
                Add(command, $"p{i}").Value = c.PortCode;
                Add(command, $"m{i}").Value = c.Measure.ToString();
                Add(command, $"d{i}").Value = c.Month;
                Add(command, $"v{i}").Value = c.Value;
            }
            sql.Append(" ON CONFLICT DO NOTHING");
            command.CommandText = sql.ToString();
            added += await command.ExecuteNonQueryAsync(cancellationToken);
        }
        return added;
    }

    private static DbParameter Add(DbCommand command, string name)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        command.Parameters.Add(parameter);
        return parameter;
    }
}
