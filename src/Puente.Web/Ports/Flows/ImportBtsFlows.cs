using Microsoft.EntityFrameworkCore;
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

    // Set-based rather than one tracked entity per row (COPY on PostgreSQL, one prepared statement on SQLite).
    // Skipping conflicts (ON CONFLICT DO NOTHING) lets a concurrent import of the same file win without an error.
    private Task<int> Insert(IReadOnlyList<BtsCount> counts, bool demo, CancellationToken cancellationToken) =>
        BulkInsert.Rows(db, counts.Select(c => new BtsCountRecord
        {
            PortCode = c.PortCode, Measure = c.Measure, Month = c.Month, Value = c.Value, Demo = demo,
        }).ToList(), BulkConflict.Skip, cancellationToken);
}
