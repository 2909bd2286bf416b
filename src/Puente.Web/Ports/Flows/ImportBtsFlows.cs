using Microsoft.EntityFrameworkCore;
using Puente.Domain.Ports.Flows;
using Puente.Web.Database;

namespace Puente.Web.Ports.Flows;

/// <summary>
/// Loads a BTS Border Crossing Entry Data file (either layout). Nothing is picked or dropped in silence:
/// exact repeats collapse and are counted, conflicting values are all kept and listed, rows of ports the
/// registry does not know are skipped and listed by code, unreadable lines are listed by number.
/// </summary>
internal sealed partial class ImportBtsFlows(PuenteDb db, TimeProvider clock, ILogger<ImportBtsFlows> logger)
{
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
        if (await StoredBtsCounts.Any(db, cancellationToken))
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
        var started = clock.GetTimestamp();
        var read = BtsCsv.Read(file);
        if (read.File is not { } bts)
        {
            return new NotBts(read.Error!);
        }
        var parsed = clock.GetTimestamp();
        var known = (await db.Ports.AsNoTracking().Select(p => p.Code).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var unknown = new Dictionary<string, int>(StringComparer.Ordinal);
        var rows = new List<BtsRow>(bts.Rows.Count);
        var ports = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in bts.Rows)
        {
            if (known.Contains(row.PortCode))
            {
                rows.Add(row);
                ports.Add(row.PortCode);
            }
            else
            {
                unknown[row.PortCode] = unknown.GetValueOrDefault(row.PortCode) + 1;
            }
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (db.Database.IsNpgsql())
        {
            // Imports one after the other (readers go on): each plans against what the one before stored.
            // SQLite's transaction holds the write lock from its start already.
            await db.Database.ExecuteSqlRawAsync(
                $"LOCK TABLE {BtsSeriesRecord.Table}, {BtsConflictRecord.Table} IN SHARE ROW EXCLUSIVE MODE", cancellationToken);
        }
        if (!demo)
        {
            // Real figures replace the demo's made-up ones rather than conflicting with them.
            await db.BtsSeries.Where(s => s.Demo).ExecuteDeleteAsync(cancellationToken);
            await db.BtsConflicts.Where(c => c.Demo).ExecuteDeleteAsync(cancellationToken);
        }
        var stored = (await StoredBtsCounts.Read(db, [.. ports], cancellationToken: cancellationToken)).Select(c => c.Count).ToList();
        var readStored = clock.GetTimestamp();
        var plan = BtsImportPlan.Make(rows, stored
            .GroupBy(c => c.Key)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<long>)[.. g.Select(c => c.Value)]));
        var planned = clock.GetTimestamp();
        await Write(stored, plan.ToAdd, demo, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        var written = clock.GetTimestamp();
        var (readMs, storedMs) = (Milliseconds(started, parsed), Milliseconds(parsed, readStored));
        var (planMs, writeMs) = (Milliseconds(readStored, planned), Milliseconds(planned, written));
        Steps(logger, bts.LinesRead, readMs, storedMs, planMs, writeMs);
        return new Imported(bts.Layout, bts.LinesRead, plan.ToAdd.Count, plan.AlreadyStored, plan.ExactDuplicates, plan.Conflicts, unknown, bts.OtherBorderRows, bts.Rejected);
    }

    // Each port that gains counts has its series written again whole (a few hundred rows for the whole BTS file,
    // set-based: COPY on PostgreSQL, one prepared statement on SQLite); a port that gains nothing is not touched.
    private async Task Write(IReadOnlyList<BtsCount> stored, IReadOnlyList<BtsCount> added, bool demo, CancellationToken cancellationToken)
    {
        if (added.Count == 0)
        {
            return;
        }
        var ports = added.Select(c => c.PortCode).ToHashSet(StringComparer.Ordinal);
        var (series, conflicting) = BtsSeries.Of(stored.Where(c => ports.Contains(c.PortCode)).Concat(added));
        var codes = ports.ToList();
        await db.BtsSeries.Where(s => codes.Contains(s.PortCode)).ExecuteDeleteAsync(cancellationToken);
        await db.BtsConflicts.Where(c => codes.Contains(c.PortCode)).ExecuteDeleteAsync(cancellationToken);
        await BulkInsert.Rows(db, series.Select(s => new BtsSeriesRecord
        {
            PortCode = s.PortCode, Measure = s.Measure, FirstMonth = s.FirstMonth, Values = [.. s.Values], Demo = demo,
        }).ToList(), cancellationToken: cancellationToken);
        await BulkInsert.Rows(db, conflicting.Select(c => new BtsConflictRecord
        {
            PortCode = c.PortCode, Measure = c.Measure, Month = c.Month, Value = c.Value, Demo = demo,
        }).ToList(), cancellationToken: cancellationToken);
    }

    private long Milliseconds(long from, long to) => (long)clock.GetElapsedTime(from, to).TotalMilliseconds;

    /// <summary>Where an import's time went (see docs/benchmarks/ports.md).</summary>
    [LoggerMessage(Level = LogLevel.Information, Message =
        "BTS import: {Lines} lines; read file {ReadMs} ms, read stored counts {StoredMs} ms, plan {PlanMs} ms, write and commit {WriteMs} ms.")]
    private static partial void Steps(ILogger logger, int lines, long readMs, long storedMs, long planMs, long writeMs);
}
