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

    /// <summary>
    /// Opens a BTS file for <see cref="Handle(TextReader, CancellationToken)"/>, taking 64 KiB at a time from the disk: a
    /// whole export is about 11 MB, and with the default 1 KiB the file's own reads cost more than a third of a plain
    /// parse (docs/benchmarks/ports.md).
    /// </summary>
    public static StreamReader OpenFile(string path) =>
        new(path, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);

    public Task<Outcome> Handle(TextReader file, CancellationToken cancellationToken = default) => Handle(file, demo: false, cancellationToken);

    private async Task<Outcome> Handle(TextReader file, bool demo, CancellationToken cancellationToken)
    {
        var started = clock.GetTimestamp();
        // The file is read on another core, each row going straight into the planner's months, while the database gets
        // ready (connection, known ports, lock) and gives what it stores: the planner takes the stored series after the
        // rows. A file that is not BTS leaves the transaction unfinished, so it rolls back and nothing changes.
        var planner = new BtsPlanner();
        var reading = Task.Run(() => Timed(() => BtsCsv.Read(file, planner.Add)), cancellationToken);
        try
        {
            return await Import(reading, planner, started, demo, cancellationToken);
        }
        finally
        {
            // The read holds the caller's file: when the database side fails or is cancelled first, the read still
            // ends before the caller gets its file back (its own outcome no longer matters then).
            await ((Task)reading).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private async Task<Outcome> Import(Task<(BtsReadResult Result, double Ms)> reading, BtsPlanner planner, long started, bool demo,
        CancellationToken cancellationToken)
    {
        // One connection for the whole import (SQLite would otherwise open the file twice).
        await db.Database.OpenConnectionAsync(cancellationToken);
        var known = (await db.Ports.AsNoTracking().Select(p => p.Code).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var knownPorts = clock.GetTimestamp();

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // One round trip: on PostgreSQL imports run one after the other (readers go on), each planning against what
        // the one before stored (SQLite's transaction holds the write lock from its start already); and real figures
        // replace the demo's made-up ones rather than conflicting with them.
        var statements = new List<string>();
        if (db.Database.IsNpgsql())
        {
            statements.Add($"LOCK TABLE {BtsSeriesRecord.Table}, {BtsConflictRecord.Table} IN SHARE ROW EXCLUSIVE MODE");
        }
        if (!demo)
        {
            statements.Add($"DELETE FROM {BtsSeriesRecord.Table} WHERE \"{nameof(BtsSeriesRecord.Demo)}\"");
            statements.Add($"DELETE FROM {BtsConflictRecord.Table} WHERE \"{nameof(BtsConflictRecord.Demo)}\"");
        }
        if (statements.Count > 0)
        {
            await db.Database.ExecuteSqlRawAsync(string.Join("; ", statements), cancellationToken);
        }
        var locked = clock.GetTimestamp();
        // Everything stored, as it is (no change tracking, no count made per month), since the file's ports are not known
        // yet: the whole BTS history is a few hundred series.
        var storedSeries = await db.BtsSeries.AsNoTracking()
            .Select(s => new BtsSeries(s.PortCode, s.Measure, s.FirstMonth, s.Values)).ToListAsync(cancellationToken);
        var storedConflicts = await db.BtsConflicts.AsNoTracking()
            .Select(c => new BtsCount(c.PortCode, c.Month, c.Measure, c.Value)).ToListAsync(cancellationToken);
        var readStored = clock.GetTimestamp();
        var (read, readMs) = await reading;
        if (read.File is not { } bts)
        {
            return new NotBts(read.Error!);
        }
        var parsed = clock.GetTimestamp();
        var filePorts = bts.PortCodes.ToHashSet(StringComparer.Ordinal);
        planner.AddStored(storedSeries.Where(s => filePorts.Contains(s.PortCode)), storedConflicts.Where(c => filePorts.Contains(c.PortCode)));
        var plan = planner.Plan(known);
        var planned = clock.GetTimestamp();
        await Write(plan, storedSeries.Count + storedConflicts.Count > 0, demo, cancellationToken);
        var written = clock.GetTimestamp();
        await transaction.CommitAsync(cancellationToken);
        var committed = clock.GetTimestamp();
        var (portsMs, lockMs, storedMs) = (Milliseconds(started, knownPorts), Milliseconds(knownPorts, locked), Milliseconds(locked, readStored));
        var (waitMs, planMs) = (Milliseconds(readStored, parsed), Milliseconds(parsed, planned));
        var (writeMs, commitMs) = (Milliseconds(planned, written), Milliseconds(written, committed));
        Steps(logger, bts.LinesRead, readMs, portsMs, lockMs, storedMs, waitMs, planMs, writeMs, commitMs);
        return new Imported(bts.Layout, bts.LinesRead, plan.Added, plan.AlreadyStored, plan.ExactDuplicates, plan.Conflicts, plan.UnknownPorts,
            bts.OtherBorderRows, bts.Rejected);
    }

    // Each port that gains counts has its series written again whole (a few hundred rows for the whole BTS file,
    // set-based: COPY on PostgreSQL, one prepared statement on SQLite); a port that gains nothing is not touched.
    private async Task Write(BtsImportPlan plan, bool anyStored, bool demo, CancellationToken cancellationToken)
    {
        if (plan.ChangedPorts.Count == 0)
        {
            return;
        }
        if (anyStored)
        {
            var codes = plan.ChangedPorts;
            await db.BtsSeries.Where(s => codes.Contains(s.PortCode)).ExecuteDeleteAsync(cancellationToken);
            await db.BtsConflicts.Where(c => codes.Contains(c.PortCode)).ExecuteDeleteAsync(cancellationToken);
        }
        await BulkInsert.Rows(db, plan.Series.Select(s => new BtsSeriesRecord
        {
            PortCode = s.PortCode, Measure = s.Measure, FirstMonth = s.FirstMonth, Values = [.. s.Values], Demo = demo,
        }).ToList(), cancellationToken: cancellationToken);
        await BulkInsert.Rows(db, plan.Conflicting.Select(c => new BtsConflictRecord
        {
            PortCode = c.PortCode, Measure = c.Measure, Month = c.Month, Value = c.Value, Demo = demo,
        }).ToList(), cancellationToken: cancellationToken);
    }

    private (T Result, double Ms) Timed<T>(Func<T> step)
    {
        var from = clock.GetTimestamp();
        var result = step();
        return (result, Milliseconds(from, clock.GetTimestamp()));
    }

    private double Milliseconds(long from, long to) => Math.Round(clock.GetElapsedTime(from, to).TotalMilliseconds, 1);

    /// <summary>Where an import's time went (see docs/benchmarks/ports.md).</summary>
    [LoggerMessage(Level = LogLevel.Information, Message =
        "BTS import: {Lines} lines; read and laid out file {ReadMs} ms, meanwhile known ports {PortsMs} ms, lock and demo removal {LockMs} ms and read stored series {StoredMs} ms, then waited for the file {WaitMs} ms, plan {PlanMs} ms, write {WriteMs} ms, commit {CommitMs} ms.")]
    private static partial void Steps(ILogger logger, int lines, double readMs, double portsMs, double lockMs, double storedMs, double waitMs, double planMs,
        double writeMs, double commitMs);
}
