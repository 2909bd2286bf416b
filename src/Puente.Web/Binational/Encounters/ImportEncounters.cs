using Microsoft.EntityFrameworkCore;
using Puente.Domain.Binational.Encounters;
using Puente.Web.Database;

namespace Puente.Web.Binational.Encounters;

/// <summary>
/// Loads CBP's southwest land border encounters file into monthly counts. Importing the same file again adds
/// nothing; a cell the file gives a different count from the stored one is kept beside it and reported.
/// </summary>
internal sealed class ImportEncounters(PuenteDb db)
{
    public abstract record Outcome;

    public sealed record Imported(int RowsRead, int Added, int AlreadyStored, int Conflicts, IReadOnlyList<EncounterRejectedLine> Rejected) : Outcome;

    public sealed record NotEncounters(string Reason) : Outcome;

    /// <summary>The demo's own small file in CBP's format, used when the real one is not on the machine.</summary>
    public static Stream SampleFile() =>
        typeof(ImportEncounters).Assembly.GetManifestResourceStream("Puente.Binational.encounters-sample.csv")
        ?? throw new InvalidOperationException("The encounters sample is not embedded in the build.");

    private static readonly Lazy<HashSet<(DateOnly, string, string, string, string, string, long)>> SampleCells = new(() =>
    {
        using var reader = new StreamReader(SampleFile());
        return EncountersCsv.Read(reader).File!.Rows
            .Select(r => (r.Month, r.Component, r.Demographic, r.Citizenship, r.Authority, r.EncounterType, r.Count))
            .ToHashSet();
    });

    /// <summary>
    /// Whether a stored count is one of the demo's sample file, so the figures can say so rather than show it as
    /// CBP's. A month whose every count is a sample count is the sample's: CBP's own file does not repeat invented numbers.
    /// </summary>
    public static bool IsSample(DateOnly month, string component, string demographic, string citizenship, string authority, string encounterType, long count) =>
        SampleCells.Value.Contains((month, component, demographic, citizenship, authority, encounterType, count));

    public async Task<Outcome> Handle(TextReader file, CancellationToken cancellationToken = default)
    {
        var read = EncountersCsv.Read(file);
        if (read.File is not { } encounters)
        {
            return new NotEncounters(read.Error!);
        }
        var months = encounters.Rows.Select(r => r.Month).Distinct().ToList();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var stored = await db.EncounterCounts.AsNoTracking().Where(c => months.Contains(c.Month)).ToListAsync(cancellationToken);
        var storedKeys = stored.Select(Key).ToHashSet();
        var storedCells = stored.Select(c => Key(c) with { Count = 0 }).ToHashSet();
        var fresh = encounters.Rows
            .Select(r => new EncounterCountRecord
            {
                Month = r.Month, Component = r.Component, Demographic = r.Demographic, Citizenship = r.Citizenship,
                Authority = r.Authority, EncounterType = r.EncounterType, Count = r.Count,
            })
            .DistinctBy(Key)
            .Where(r => !storedKeys.Contains(Key(r)))
            .ToList();
        var conflicts = fresh.Count(r => storedCells.Contains(Key(r) with { Count = 0 }))
            + fresh.GroupBy(r => Key(r) with { Count = 0 }).Count(g => g.Count() > 1);
        db.EncounterCounts.AddRange(fresh);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new Imported(encounters.LinesRead, fresh.Count, encounters.Rows.Count - fresh.Count, conflicts, encounters.Rejected);
    }

    private static CellKey Key(EncounterCountRecord r) => new(r.Month, r.Component, r.Demographic, r.Citizenship, r.Authority, r.EncounterType, r.Count);

    private readonly record struct CellKey(DateOnly Month, string Component, string Demographic, string Citizenship, string Authority, string EncounterType, long Count);
}
